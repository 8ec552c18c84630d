import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { seedFanOut } from '../support/nudge-fixture';
import { deliveries, exited, perJob, schedulerChild as child, startedIn } from '../support/workers';

const dir = mkdtempSync(join(tmpdir(), 'setwise-sched-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const statuses = (file: string) => {
  const db = openDatabase(file);
  const rows = db.sqlite.prepare('SELECT status, count(*) AS n FROM jobs WHERE run_at <= ? GROUP BY status').all(Date.parse('2027-03-01T22:00:00Z'));
  db.close();
  return Object.fromEntries((rows as { status: string; n: number }[]).map((r) => [r.status, r.n]));
};

describe('the scheduler across processes', () => {
  it('delivers every nudge after a SIGKILL mid-fan-out, repeating at most the sends in flight', async () => {
    const db = join(dir, 'crash.db');
    const log = join(dir, 'crash.log');
    const { dueAt, expected } = await seedFanOut(db, 500);
    const concurrency = 4;

    const first = child({ CHILD_DB: db, CHILD_LOG: log, CHILD_NOW: dueAt.toISOString(), CHILD_OWNER: 'first', CHILD_DELAY_MS: '15', CHILD_CONCURRENCY: String(concurrency) });
    const firstExit = exited(first);
    while (deliveries(log).length < 150) await new Promise((r) => setTimeout(r, 20));
    first.kill('SIGKILL');
    expect(await firstExit).toBeNull();
    const beforeRestart = deliveries(log).length;
    expect(beforeRestart).toBeLessThan(expected); // it really died mid-fan-out

    // Restarted after the dead worker's lease has run out, so its claims are taken over.
    const later = new Date(dueAt.getTime() + 61_000).toISOString();
    const second = child({ CHILD_DB: db, CHILD_LOG: log, CHILD_NOW: later, CHILD_OWNER: 'second', CHILD_DELAY_MS: '1', CHILD_CONCURRENCY: String(concurrency) });
    expect(await exited(second)).toBe(0);

    const counts = perJob(deliveries(log));
    expect(counts.size).toBe(expected); // every nudge arrived
    const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
    expect(duplicates).toBeLessThanOrEqual(concurrency);
    expect(statuses(db)).toEqual({ done: expected });
  });

  it('never sends a job twice when two schedulers tick on the same file', async () => {
    const db = join(dir, 'pair.db');
    const log = join(dir, 'pair.log');
    const { dueAt, expected } = await seedFanOut(db, 300);
    const go = join(dir, 'go');
    const env = { CHILD_DB: db, CHILD_LOG: log, CHILD_NOW: dueAt.toISOString(), CHILD_DELAY_MS: '5', CHILD_CONCURRENCY: '4', CHILD_GO: go };
    const [a, b] = [child({ ...env, CHILD_OWNER: 'a' }), child({ ...env, CHILD_OWNER: 'b' })];
    const both = Promise.all([exited(a), exited(b)]);
    while (startedIn(log) < 2) await new Promise((r) => setTimeout(r, 20));
    writeFileSync(go, ''); // both are ready: off they go, together
    expect(await both).toEqual([0, 0]);

    const lines = deliveries(log);
    const counts = perJob(lines);
    expect(counts.size).toBe(expected);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(lines.length).toBe(expected);
    // Both really worked: each sent some of the fan-out.
    expect(lines.filter((l) => l.startsWith('a ')).length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.startsWith('b ')).length).toBeGreaterThan(0);
  });
});
