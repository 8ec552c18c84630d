/**
 * Crash safety over the whole path on Slack: a real Setwise process (Bolt's HTTP
 * endpoint, the paced outbox, the cron tick, a SQLite file) is killed with SIGKILL at
 * random moments while a fan-out of nudges is going out and people are typing commands
 * at it, then started again (../support/crash-run.ts). After every kill the database
 * passes integrity_check and its foreign keys hold, and every command Slack saw
 * acknowledged is stored; at the end every nudge has arrived, with repeats within the
 * stated bound (the sends in flight when a process died).
 *
 * SETWISE_CRASH_KILLS sets how many kills (12 unless set); SETWISE_CRASH_SEED replays
 * one run's moments (each run prints its seed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { createSqliteStore } from '../../db/store';
import { crashLoop, expectSurvived, inspectSqlite, summary } from '../support/crash-run';
import { onSlack, seedFanOutIn } from '../support/nudge-fixture';
import { startFakeSlack, type FakeSlack } from '../support/slack/fake-api';
import { slackCrashParts } from '../support/slack/crash';

const KILLS = Number(process.env.SETWISE_CRASH_KILLS ?? 12);
const SEED = Number(process.env.SETWISE_CRASH_SEED ?? Date.now() % 1_000_000);
/** Sends a killed process may have had in flight: the scheduler's concurrency. */
const IN_FLIGHT = 4;
const TYPISTS = ['U0ASKA', 'U0ASKB', 'U0ASKC', 'U0ASKD', 'U0ASKE', 'U0ASKF', 'U0ASKG', 'U0ASKH'];

const dir = mkdtempSync(join(tmpdir(), 'setwise-crash-'));
const db = join(dir, 'crash.db');
let fake: FakeSlack;
let dueAt: Date;
let expected: number;

beforeAll(async () => {
  fake = await startFakeSlack({ users: Object.fromEntries(TYPISTS.map((id) => [id, { name: id.toLowerCase(), displayName: id, tz: 'Europe/London' }])) });
  const database = openDatabase(db);
  try {
    // 100 members of one set, each with a reminder due at once, with the channel's and the presenters'.
    ({ dueAt, expected } = await seedFanOutIn(createSqliteStore(database.db), 100, onSlack('T1', 'C0FANOUT')));
  } finally {
    database.close();
  }
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('crash safety on Slack', () => {
  it(`survives ${KILLS} SIGKILLs during a fan-out and command handling: the file whole, every acknowledged command kept, every nudge delivered`, { timeout: 600_000 }, async () => {
    const result = await crashLoop({
      kills: KILLS,
      seed: SEED,
      inspect: () => inspectSqlite(db, dueAt),
      dueAt,
      typists: TYPISTS,
      ...slackCrashParts(fake, { SETWISE_DB: db }),
    });
    expectSurvived(result, expected, KILLS, IN_FLIGHT);
    // None was turned away by the flood limit: each acknowledged request was a real one.
    expect(fake.callsTo('response_url').filter((c) => JSON.stringify(c.args).includes('faster than I can take'))).toEqual([]);
    console.log(summary('crash-slack', SEED, result, expected, IN_FLIGHT * KILLS));
  });
});
