import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/ports/logger';
import { guardedTick } from '../../src/scheduler/guarded-tick';

describe('a guarded tick', () => {
  it('gives way when the database is busy, saying so once a spell, and logs other failures every time', async () => {
    const lines: string[] = [];
    const log: Logger = { debug() {}, info: (_o, m) => lines.push(`info ${m}`), warn: (_o, m) => lines.push(`warn ${m}`), error: (_o, m) => lines.push(`error ${m}`) };
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const outcomes: (Error | null)[] = [busy, busy, busy, null, null, busy, new Error('disk full'), new Error('disk full')];
    const tick = guardedTick(async () => {
      const next = outcomes.shift();
      if (next) throw next;
    }, log, (e) => (e as { code?: string }).code === 'SQLITE_BUSY');
    for (let i = 0; i < 8; i++) await expect(tick()).resolves.toBeUndefined();
    expect(lines).toEqual([
      'warn database busy or unreachable: the next tick will try again',
      'info database answering again: nudges due meanwhile are being sent',
      'warn database busy or unreachable: the next tick will try again',
      'error tick failed',
      'error tick failed',
    ]);
  });
});
