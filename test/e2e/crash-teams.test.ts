/**
 * Crash safety over the whole path on Teams, as ./crash-slack.test.ts does it on
 * Slack: a real Setwise process (the Bot Framework endpoint through botbuilder's
 * CloudAdapter, the paced outbox, the cron tick, a SQLite file) killed with SIGKILL
 * at random moments of a fan-out to 300 people and of people writing to it, then
 * started again. Teams answers an activity's POST only once its turn is done, so an
 * answered one is stored.
 *
 * SETWISE_CRASH_KILLS sets how many kills (6 here unless set); SETWISE_CRASH_SEED
 * replays one run's moments.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { References } from '../../adapters/teams/references';
import { openDatabase } from '../../db/client';
import { createSqliteStore } from '../../db/store';
import { ManualClock } from '../../src/ports/clock';
import { crashLoop, expectSurvived, inspectSqlite, summary } from '../support/crash-run';
import { onTeams, seedFanOutIn } from '../support/nudge-fixture';
import { channelMessage, CHANNEL, personalMessage, teamsPerson, TENANT } from '../support/teams/activities';
import { startFakeConnector, type FakeConnector } from '../support/teams/connector';

const KILLS = Number(process.env.SETWISE_CRASH_KILLS ?? 6);
const SEED = Number(process.env.SETWISE_CRASH_SEED ?? Date.now() % 1_000_000);
/** Sends a killed process may have had in flight: the scheduler's concurrency. */
const IN_FLIGHT = 4;
const TYPISTS = ['Ada', 'Ben', 'Cy', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal'];

const dir = mkdtempSync(join(tmpdir(), 'setwise-crash-teams-'));
const db = join(dir, 'crash.db');
let connector: FakeConnector;
let dueAt: Date;
let expected: number;

beforeAll(async () => {
  connector = await startFakeConnector();
  const database = openDatabase(db);
  try {
    const store = createSqliteStore(database.db);
    // Teams is bigger and faster (50 sends a second a tenant): a fan-out to 300, so the kills come mid-way.
    ({ dueAt, expected } = await seedFanOutIn(store, 300, onTeams(TENANT, CHANNEL)));
    // How Setwise reaches the channel and opens people's chats, as a first message to it leaves them.
    await new References(store, new ManualClock(dueAt)).remember(TENANT, channelMessage({ serviceUrl: connector.url, from: teamsPerson('lead'), text: 'help' }));
  } finally {
    database.close();
  }
});
afterAll(async () => {
  await connector.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('crash safety on Teams', () => {
  it(`survives ${KILLS} SIGKILLs during a fan-out and activity handling: the file whole, every answered activity kept, every nudge delivered`, { timeout: 600_000 }, async () => {
    const result = await crashLoop({
      kills: KILLS,
      seed: SEED,
      inspect: () => inspectSqlite(db, dueAt),
      dueAt,
      env: (port, now) => ({ SETWISE_ADAPTER: 'teams', PORT: String(port), SETWISE_DB: db, SETWISE_TICK: '* * * * * *', CHILD_NOW: now.toISOString() }),
      typists: TYPISTS,
      send: async (port, name, word) => {
        const activity = personalMessage({ serviceUrl: connector.url, from: teamsPerson(name), text: `reflect ${word}` });
        const response = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
        await response.text();
        return response.status;
      },
      // Nudges: to the channel, or to a chat Setwise opened; not the answers in the typists' own chats.
      delivered: () => connector.sent.filter((s) => !s.conversation.startsWith('a:chat-with-')).map((s) => `${s.conversation} ${String(s.activity.text ?? JSON.stringify(s.activity.attachments))}`),
    });
    expectSurvived(result, expected, KILLS, IN_FLIGHT);
    expect(connector.sent.filter((s) => JSON.stringify(s.activity).includes('faster than I can take'))).toEqual([]);
    console.log(summary('crash-teams', SEED, result, expected, IN_FLIGHT * KILLS));
  });
});
