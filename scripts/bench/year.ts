/**
 * A year of an organisation in a SQLite file, with retention pruning as the scheduler
 * does it: `sets` sets of six people, each meeting every four weeks for a year, made
 * through the real core, every nudge sent to a chat that answers at once, the clock
 * played through the year by the scheduler itself. Gives the file's size and the rows
 * kept each quarter (for ../bench-retention.ts and the scale benchmark).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/client';
import { createSqliteStore } from '../../db/store';
import { createCore } from '../../src/app/core';
import { nudgeScheduler } from '../../src/app/scheduling';
import type { ChatPort } from '../../src/ports/chat';
import { ManualClock } from '../../src/ports/clock';
import type { Mention, Where } from '../../src/ports/inbound';
import { silentLogger } from '../../src/ports/logger';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../../src/prompt-library';
import { runUntil } from '../../src/scheduler/run-until';

export interface Quarter {
  readonly at: string;
  readonly bytes: number;
  readonly jobs: number;
  readonly finished: number;
  readonly events: number;
  readonly sent: number;
}

export interface Year {
  readonly sets: number;
  readonly planned: number;
  readonly quarters: readonly Quarter[];
  readonly seconds: number;
}

export async function playYear(sets: number): Promise<Year> {
  const dir = mkdtempSync(join(tmpdir(), 'setwise-year-'));
  const file = join(dir, 'setwise.db');
  const database = openDatabase(file);
  try {
    const store = createSqliteStore(database.db);
    const clock = new ManualClock(new Date('2027-01-01T08:00:00Z'));
    let sent = 0;
    const chat: ChatPort = { post: async (to) => (sent++, { address: to, ref: null }), update: async () => {} };
    const deps = { store, chat, clock, log: silentLogger, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) };
    const core = createCore(deps);
    const scheduler = nudgeScheduler(deps, 'bench');
    const person = (name: string) => ({ userId: name, displayName: name, dm: { platform: 'console' as const, kind: 'user' as const, ref: { user: name } } });
    const say = async (name: string, where: Where, text: string) => {
      const mentions: Mention[] = [...text.matchAll(/@(\w+)/g)].map((m) => ({ token: m[0], identity: person(m[1]!) }));
      await core.handle({ platform: 'console', workspaceId: 'bench', actor: person(name), where, payload: { type: 'command', text, mentions } });
    };
    const started = performance.now();
    for (let s = 0; s < sets; s++) {
      const where: Where = { kind: 'channel', id: `c${s}`, label: `#c${s}`, address: { platform: 'console', kind: 'channel', ref: { channel: `c${s}` } } };
      await say(`f${s}`, where, `set create Set ${s} tz Europe/London`);
      await say(`f${s}`, where, `member add ${[1, 2, 3, 4, 5].map((i) => `@p${s}x${i}`).join(' ')}`);
      await say(`f${s}`, where, `schedule every 4 weeks on ${['monday', 'tuesday', 'wednesday', 'thursday'][s % 4]} at 10:00 for 3h from 2027-01-04 until 2027-12-31`);
    }
    const count = (sql: string) => database.sqlite.prepare(sql).pluck().get() as number;
    const bytes = () => (database.sqlite.pragma('wal_checkpoint(TRUNCATE)'), statSync(file).size);
    const planned = count('SELECT count(*) FROM jobs');
    const quarters: Quarter[] = [{ at: 'start (a year planned)', bytes: bytes(), jobs: planned, finished: 0, events: 0, sent: 0 }];
    for (const end of ['2027-04-01', '2027-07-01', '2027-10-01', '2028-01-01', '2028-02-01']) {
      await runUntil(scheduler, store.jobs, clock, new Date(`${end}T00:00:00Z`));
      await scheduler.tick();
      quarters.push({ at: end, bytes: bytes(), jobs: count('SELECT count(*) FROM jobs'), finished: count("SELECT count(*) FROM jobs WHERE status IN ('done', 'skipped', 'dead')"), events: count('SELECT count(*) FROM processed_events'), sent });
    }
    return { sets, planned, quarters, seconds: (performance.now() - started) / 1000 };
  } finally {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
