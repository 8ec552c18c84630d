import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../db/pg/client';
import { createPostgresStore } from '../../db/pg/store';
import { seedFanOutIn } from '../support/nudge-fixture';
import { noServer, useThrowawayServer } from '../support/postgres-suite';
import { deliveries, exited, perJob, schedulerChild as child, startedIn } from '../support/workers';

const dir = mkdtempSync(join(tmpdir(), 'setwise-pg-drain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(noServer)('several Setwise instances on one PostgreSQL', () => {
  const server = useThrowawayServer();

  it('three instances drain 3,000 due nudges together, one SIGKILLed mid-way: every nudge once, but the killed one\'s sends in flight', { timeout: 180_000 }, async () => {
    const url = server().createDatabase('drain');
    const seeding = await openPostgres(url);
    const { dueAt, expected } = await seedFanOutIn(createPostgresStore(seeding.db), 2_996);
    await seeding.close();
    expect(expected).toBe(3_000);

    const log = join(dir, 'drain.log');
    const go = join(dir, 'go');
    const concurrency = 4;
    const env = { CHILD_DATABASE_URL: url, CHILD_LOG: log, CHILD_NOW: dueAt.toISOString(), CHILD_DELAY_MS: '10', CHILD_CONCURRENCY: String(concurrency), CHILD_GO: go };
    const workers = ['a', 'b', 'c'].map((owner) => child({ ...env, CHILD_OWNER: owner }));
    const exits = workers.map(exited);
    while (startedIn(log) < 3) await new Promise((r) => setTimeout(r, 20));
    writeFileSync(go, ''); // all three are connected: off they go, together

    // b dies a third of the way through, with claims and sends in flight.
    while (deliveries(log).length < 1_000) await new Promise((r) => setTimeout(r, 5));
    workers[1]!.kill('SIGKILL');
    expect(await exits[1]).toBeNull();
    expect(await exits[0]).toBe(0);
    expect(await exits[2]).toBe(0);
    const beforeRestart = deliveries(log);
    expect(beforeRestart.length).toBeLessThan(expected); // b's claims wait for its lease to run out
    for (const owner of ['a', 'b', 'c']) expect(beforeRestart.filter((l) => l.startsWith(`${owner} `)).length, owner).toBeGreaterThan(0);

    // An instance restarted after b's lease has run out takes over what b had claimed.
    const later = new Date(dueAt.getTime() + 61_000).toISOString();
    expect(await exited(child({ ...env, CHILD_NOW: later, CHILD_OWNER: 'd', CHILD_GO: '' }))).toBe(0);

    const sent = deliveries(log);
    const counts = perJob(sent);
    expect(counts.size).toBe(expected); // every nudge arrived
    // Only b's sends in flight when it died may be repeated: at most its concurrency.
    const repeats = [...counts.entries()].filter(([, n]) => n > 1);
    expect(repeats.reduce((sum, [, n]) => sum + n - 1, 0)).toBeLessThanOrEqual(concurrency);
    for (const [key] of repeats) expect(sent.filter((l) => l.endsWith(key)).some((l) => l.startsWith('b ')), key).toBe(true);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM jobs WHERE run_at <= $1 GROUP BY status', [dueAt]);
      expect(Object.fromEntries(rows.map((r) => [r.status, r.n]))).toEqual({ done: expected });
    } finally {
      await client.end();
    }
  });
});
