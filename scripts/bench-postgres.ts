/**
 * `npm run bench:postgres`: the scheduler on PostgreSQL, beside SQLite.
 * - Claim: 10,000 due jobs among 100,000 planned (10,000 sets), claimed in one
 *   statement on each store (five runs, each undone before the next).
 * - Drain: 1, 2 and 4 Setwise scheduler processes on one database (a Postgres one, and
 *   for comparison one SQLite file) draining 10,000 due nudges through the real nudge
 *   code to a no-op platform, with the wall time from the starting gun to the last
 *   exit, a count of duplicates, and how busy the machine's cores were meanwhile.
 * Needs Debian's PostgreSQL binaries (a throwaway server is started and removed).
 * Figures go to docs/benchmarks.md; no test asserts a timing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/client';
import { openPostgres } from '../db/pg/client';
import { createPostgresStore } from '../db/pg/store';
import { createSqliteStore } from '../db/store';
import type { Store } from '../src/ports/store';
import { seedFanOut, seedFanOutIn } from '../test/support/nudge-fixture';
import { postgresSkipReason, startThrowawayServer } from '../test/support/postgres-server';
import { drain } from './bench/drain';

const skip = postgresSkipReason();
if (skip) {
  console.log(`bench:postgres skipped: ${skip}`);
  process.exit(0);
}
const SETS = 10_000;
const PLANNED_PER_SET = 10;
const DUE = 10_000;
const DRAIN = 10_000;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = mkdtempSync(join(tmpdir(), 'setwise-bench-pg-'));
const server = await startThrowawayServer();
const results: string[] = [];

async function claimOnSqlite(now: Date): Promise<number[]> {
  const database = openDatabase(join(dir, 'claim.db'));
  const day = 86_400_000;
  const { sqlite } = database;
  sqlite.transaction(() => {
    sqlite.prepare("INSERT INTO workspaces (platform, external_id, created_at) VALUES ('slack', 'T1', ?)").run(now.getTime());
    const set = sqlite.prepare("INSERT INTO sets (workspace_id, name, channel_id, channel_label, channel_address, time_zone, created_at, updated_at) VALUES (1, ?, ?, '#s', '{}', 'Europe/London', ?, ?)");
    const job = sqlite.prepare("INSERT INTO jobs (kind, dedupe_key, set_id, run_at, stale_at, payload, status, created_at, updated_at) VALUES ('rsvp-reminder', ?, ?, ?, ?, '{}', 'pending', ?, ?)");
    for (let s = 1; s <= SETS; s++) set.run(`Set ${s}`, `C${s}`, now.getTime(), now.getTime());
    for (let i = 0; i < SETS * PLANNED_PER_SET; i++) {
      const at = now.getTime() + Math.floor(i / SETS) * day; // one job a set due now, the rest on later days
      job.run(`k${i}`, 1 + (i % SETS), at, at + day, now.getTime(), now.getTime());
    }
  })();
  const store = createSqliteStore(database.db);
  const reset = () => sqlite.prepare("UPDATE jobs SET status = 'pending', claimed_by = NULL, lease_until = NULL, attempts = 0 WHERE status = 'claimed'").run();
  const times = await timeClaims(store, now, reset);
  database.close();
  return times;
}

async function claimOnPostgres(now: Date): Promise<number[]> {
  const url = server.createDatabase('claim');
  const database = await openPostgres(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const day = 86_400_000;
  await client.query("INSERT INTO workspaces (platform, external_id, created_at) VALUES ('slack', 'T1', $1)", [now]);
  await client.query(
    `INSERT INTO sets (workspace_id, name, channel_id, channel_label, channel_address, time_zone, created_at, updated_at)
     SELECT 1, 'Set ' || s, 'C' || s, '#s', '{}', 'Europe/London', $1, $1 FROM generate_series(1, ${SETS}) s`,
    [now],
  );
  await client.query(
    `INSERT INTO jobs (kind, dedupe_key, set_id, run_at, stale_at, payload, status, created_at, updated_at)
     SELECT 'rsvp-reminder', 'k' || i, 1 + i % ${SETS}, $1::timestamptz + (i / ${SETS}) * interval '${day} milliseconds',
            $1::timestamptz + (i / ${SETS} + 1) * interval '${day} milliseconds', '{}', 'pending', $1, $1
     FROM generate_series(0, ${SETS * PLANNED_PER_SET - 1}) i`,
    [now],
  );
  await client.query('ANALYZE');
  const reset = () => client.query("UPDATE jobs SET status = 'pending', claimed_by = NULL, lease_until = NULL, attempts = 0 WHERE status = 'claimed'");
  const times = await timeClaims(createPostgresStore(database.db), now, reset);
  await client.end();
  await database.close();
  return times;
}

async function timeClaims(store: Store, now: Date, reset: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    const got = await store.jobs.claim('bench', now, 120_000, DUE);
    times.push(ms(t));
    if (got.length !== DUE) throw new Error(`claimed ${got.length}, expected ${DUE}`);
    await reset();
  }
  return times;
}

try {
  const now = new Date('2027-03-01T22:00:00Z');
  console.log(`Claim: ${DUE} due of ${SETS * PLANNED_PER_SET} planned jobs, ${SETS} sets ...`);
  const sqliteClaims = await claimOnSqlite(now);
  const pgClaims = await claimOnPostgres(now);
  results.push(`| claim ${DUE.toLocaleString('en')} due jobs (one statement) | median ${median(sqliteClaims).toFixed(0)} ms (${Math.min(...sqliteClaims).toFixed(0)} to ${Math.max(...sqliteClaims).toFixed(0)}) | median ${median(pgClaims).toFixed(0)} ms (${Math.min(...pgClaims).toFixed(0)} to ${Math.max(...pgClaims).toFixed(0)}) |`);
  console.log(results.at(-1));

  console.log(`Drain: seeding one set with ${DRAIN} due nudges in each store ...`);
  const template = server.createDatabase('drain_template');
  const seeding = await openPostgres(template);
  const { dueAt, expected } = await seedFanOutIn(createPostgresStore(seeding.db), DRAIN - 4);
  await seeding.close();
  const sqliteSeed = join(dir, 'drain.db');
  await seedFanOut(sqliteSeed, DRAIN - 4);
  const figure = async (engine: 'sqlite' | 'postgres', instances: number) => {
    const r = await drain(dir, engine, engine === 'sqlite' ? sqliteSeed : template, dueAt, instances);
    if (r.sent - r.duplicates !== expected) throw new Error(`${engine} drain with ${instances}: ${r.sent - r.duplicates} of ${expected} delivered`);
    return `${r.seconds.toFixed(1)} s, ${(expected / r.seconds).toFixed(0)} nudges/s, ${r.duplicates} duplicates, CPU ${r.busy} busy`;
  };
  for (const instances of [1, 2, 4]) {
    results.push(`| drain ${expected.toLocaleString('en')} due nudges, ${instances} instance${instances > 1 ? 's' : ''} | ${await figure('sqlite', instances)} | ${await figure('postgres', instances)} |`);
    console.log(results.at(-1));
  }
  console.log(['', '| what | SQLite | PostgreSQL 15 |', '|---|---|---|', ...results].join('\n'));
} finally {
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
