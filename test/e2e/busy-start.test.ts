import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, start } from '../support/process';

const dir = mkdtempSync(join(tmpdir(), 'setwise-busy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves when `text` has appeared in what the stream has said so far. */
const said = (stream: NodeJS.ReadableStream, text: string, into: { out: string }) =>
  new Promise<void>((resolve) => {
    const check = () => into.out.includes(text) && resolve();
    stream.on('data', (d: Buffer) => ((into.out += d.toString()), check()));
    check();
  });

describe('a busy database at start-up', () => {
  it('waits for another process holding a write lock for 12 s, and is running afterwards', { timeout: 40_000 }, async () => {
    const db = join(dir, 'busy.db');
    expect((await start(':as alice\n:in #leaders\nset create Patient Ones\n', { SETWISE_DB: db })).code).toBe(0);

    const holder = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/hold-lock.ts'), db, '12000'], { cwd: ROOT });
    const held = { out: '' };
    await said(holder.stdout, 'locked', held);

    // A second Setwise starts while the lock is held; its input stays open, as a person's would.
    // (12 s: longer than its boot plus one 5 s busy wait even on a loaded machine, so its first write meets the lock.)
    const second = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: { ...process.env, SETWISE_DB: db, LOG_LEVEL: '', SETWISE_ADAPTER: '', SLACK_BOT_TOKEN: '', MicrosoftAppId: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = { out: '' };
    const err = { out: '' };
    second.stdout.on('data', (d: Buffer) => (out.out += d.toString()));
    second.stderr.on('data', (d: Buffer) => (err.out += d.toString()));
    const exited = new Promise<number | null>((resolve) => second.on('close', resolve));

    await said(holder.stdout, 'released', held);
    await new Promise((r) => setTimeout(r, 500));
    expect(second.exitCode, err.out).toBeNull(); // still running, after 12 s of a locked database
    second.stdin.end('set info\n');
    expect(await exited).toBe(0);
    expect(out.out).toContain('Patient Ones');
    expect(err.out).not.toContain('could not start');
    // Told once that the database was busy, not once a second.
    expect(err.out.match(/database busy or unreachable: the next tick will try again/g)).toHaveLength(1);
  });
});
