/**
 * Crash safety over the whole path on Slack with PostgreSQL as the store (the run of
 * ../e2e/crash-slack.test.ts, on a real server): a Setwise process killed with SIGKILL
 * at random moments of a fan-out and of command handling, then started again. After
 * every kill each B-tree index passes amcheck, no constraint is left unvalidated, every
 * foreign key holds, and every acknowledged command is stored; at the end every nudge
 * has arrived, repeats within the sends in flight.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../db/pg/client';
import { createPostgresStore } from '../../db/pg/store';
import { crashLoop, expectSurvived, summary } from '../support/crash-run';
import { inspectPostgres } from '../support/crash-postgres';
import { onSlack, seedFanOutIn } from '../support/nudge-fixture';
import { noServer, useThrowawayServer } from '../support/postgres-suite';
import { startFakeSlack, type FakeSlack } from '../support/slack/fake-api';
import { slackCrashParts } from '../support/slack/crash';

const KILLS = Number(process.env.SETWISE_CRASH_KILLS ?? 6);
const SEED = Number(process.env.SETWISE_CRASH_SEED ?? Date.now() % 1_000_000);
const IN_FLIGHT = 4;
const TYPISTS = ['U0ASKA', 'U0ASKB', 'U0ASKC', 'U0ASKD', 'U0ASKE', 'U0ASKF'];

describe.skipIf(noServer)('crash safety on Slack, on PostgreSQL', () => {
  const server = useThrowawayServer();
  let fake: FakeSlack;
  let url: string;
  let dueAt: Date;
  let expected: number;

  beforeAll(async () => {
    fake = await startFakeSlack({ users: Object.fromEntries(TYPISTS.map((id) => [id, { name: id.toLowerCase(), displayName: id, tz: 'Europe/London' }])) });
    url = server().createDatabase('crash');
    const seeding = await openPostgres(url);
    try {
      ({ dueAt, expected } = await seedFanOutIn(createPostgresStore(seeding.db), 60, onSlack('T1', 'C0FANOUT')));
    } finally {
      await seeding.close();
    }
  });
  afterAll(() => fake?.close());

  it(`survives ${KILLS} SIGKILLs: indexes and constraints whole, every acknowledged command kept, every nudge delivered`, { timeout: 600_000 }, async () => {
    const result = await crashLoop({
      kills: KILLS,
      seed: SEED,
      inspect: () => inspectPostgres(url, dueAt),
      dueAt,
      typists: TYPISTS,
      ...slackCrashParts(fake, { SETWISE_DATABASE_URL: url }),
    });
    expectSurvived(result, expected, KILLS, IN_FLIGHT);
    // No connection the killed processes held is left behind holding locks.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()");
    await client.end();
    expect(rows[0]!.n).toBe(0);
    console.log(summary('crash-slack on PostgreSQL', SEED, result, expected, IN_FLIGHT * KILLS));
  });
});
