/**
 * B1's realistic database: `sets` action learning sets of eight people (a facilitator
 * and seven members), each meeting every four weeks for a year, made through Setwise's
 * own core from the Incomings its Slack or Teams adapter would hand it, so every row
 * (people, meetings, rotation, the year's nudges) is one production would hold.
 *
 * Run as a process of its own (the Slack and the Teams database are seeded side by side,
 * one a core): `node --import tsx scripts/bench/ack-seed.ts slack|teams <file> <sets>`.
 * It prints one line of JSON: the counts and the seconds it took. What depends on the
 * run (the fake connector's address, profiles checked "today") is added by `connect`.
 */
import { DateTime } from 'luxon';
import { openDatabase } from '../../db/client';
import { createSqliteStore } from '../../db/store';
import { userAddress } from '../../adapters/slack/address';
import { commandPayload, incoming as slackIncoming, readMentions, whereOf as slackWhere } from '../../adapters/slack/inbound';
import { incoming as teamsIncoming, readCommand, type TeamsActivity } from '../../adapters/teams/inbound';
import { References } from '../../adapters/teams/references';
import { createCore } from '../../src/app/core';
import type { ChatPort } from '../../src/ports/chat';
import { ManualClock } from '../../src/ports/clock';
import type { Core, Identity, Incoming } from '../../src/ports/inbound';
import { silentLogger } from '../../src/ports/logger';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../../src/prompt-library';
import { channelMessage, personalMessage, TENANT } from '../../test/support/teams/activities';
import { MEMBERS, slackPeople, teamsChannel, teamsPeople, SLACK_TEAM, ZONE } from './ack-people';

export type Platform = 'slack' | 'teams';

/** Meetings start two weeks out: no nudge (the earliest is a week ahead) falls due while B1 runs. */
const FIRST_MEETING = DateTime.now().setZone(ZONE).plus({ weeks: 2 }).toISODate()!;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday'];
/** The seeding's activities need a service URL; nothing is sent to it. */
const NOWHERE = 'http://127.0.0.1:9/';

/** The three commands that make set `k`: what its facilitator types, mentions included. */
const script = (k: number, mentions: string) => [
  `set create Set ${k} tz ${ZONE}`,
  `member add ${mentions}`,
  `schedule every 4 weeks on ${WEEKDAYS[k % WEEKDAYS.length]} at 10:00 from ${FIRST_MEETING} for 13 meetings`,
];

/** Slack: `<@U…>` mentions read by the adapter; everyone known as users.info would give them. */
async function seedSlackSet(core: Core, k: number): Promise<void> {
  const people = slackPeople(k);
  const identity = (p: (typeof people)[number]): Identity => ({ userId: p.id, displayName: p.name, dm: userAddress(SLACK_TEAM, p.id), timeZone: ZONE });
  const byId = new Map(people.map((p) => [p.id, identity(p)]));
  const where = slackWhere(SLACK_TEAM, people[0]!.channel, `set-${k}`, people[0]!.id);
  const mentions = people.slice(1).map((p) => `<@${p.id}|${p.name}>`).join(' ');
  for (const raw of script(k, mentions)) {
    const { text, mentioned } = readMentions(raw);
    const payload = commandPayload(text, mentioned.map((m) => ({ token: `@${m.userId}`, identity: byId.get(m.userId)! })));
    await expectOk(core, slackIncoming({ team: SLACK_TEAM, eventId: undefined, actor: identity(people[0]!), where, payload }));
  }
}

/** Teams: `<at>Name</at>` mentions read by the adapter, from the activities Teams would send. */
async function seedTeamsSet(core: Core, k: number): Promise<void> {
  const people = teamsPeople(k);
  const mentions = people.slice(1).map((p) => `@${p.name}`).join(' ');
  for (const text of script(k, mentions)) {
    const activity = channelMessage({ serviceUrl: NOWHERE, from: people[0]!, text, people, channel: teamsChannel(k) }) as TeamsActivity;
    await expectOk(core, teamsIncoming({ activity, payload: { type: 'command', ...readCommand(activity) } }));
  }
}

async function expectOk(core: Core, incoming: Incoming): Promise<void> {
  const reply = await core.handle(incoming);
  if (reply.message.tone === 'error') throw new Error(`seeding refused: ${reply.message.text}`);
}

export interface Seeded {
  readonly sets: number;
  readonly people: number;
  readonly memberships: number;
  readonly meetings: number;
  readonly jobs: number;
  readonly megabytes: number;
  readonly seconds: number;
}

export async function seed(platform: Platform, file: string, sets: number): Promise<Seeded> {
  const started = performance.now();
  const database = openDatabase(file);
  const store = createSqliteStore(database.db);
  const clock = new ManualClock(new Date());
  // Welcomes and channel posts go nowhere: only the rows matter here.
  const chat: ChatPort = { post: async (to) => ({ address: to, ref: null }), update: async () => {} };
  const core = createCore({ store, chat, clock, log: silentLogger, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) });
  for (let k = 1; k <= sets; k++) {
    if (platform === 'slack') await seedSlackSet(core, k);
    else await seedTeamsSet(core, k);
  }
  const sql = database.sqlite;
  const count = (query: string) => sql.prepare(query).pluck().get() as number;
  sql.pragma('wal_checkpoint(TRUNCATE)');
  const seeded: Seeded = {
    sets: count('SELECT count(*) FROM sets'),
    people: count('SELECT count(*) FROM people'),
    memberships: count('SELECT count(*) FROM memberships'),
    meetings: count('SELECT count(*) FROM meetings'),
    jobs: count('SELECT count(*) FROM jobs'),
    megabytes: (count('PRAGMA page_count') * count('PRAGMA page_size')) / 1024 / 1024,
    seconds: (performance.now() - started) / 1000,
  };
  database.close();
  return seeded;
}

/** The counts B1 relies on; anything else means the seeding went wrong and the figures would mislead. */
export function checkSeeded(s: Seeded, sets: number): void {
  const wanted = { sets, people: sets * MEMBERS, memberships: sets * MEMBERS, meetings: sets * 13 };
  for (const [what, n] of Object.entries(wanted)) {
    if (s[what as keyof typeof wanted] !== n) throw new Error(`seeded ${s[what as keyof typeof wanted]} ${what}, not ${n}`);
  }
  if (s.jobs < sets * 13 * MEMBERS) throw new Error(`seeded only ${s.jobs} nudges for ${sets} sets`);
}

/**
 * What a seeded database holds on the day it is used: on Slack, everyone's profile
 * looked up today, so no users.info call is owed (adapters/slack/profiles.ts); on
 * Teams, the references of every set's channel and of each person's chat with Setwise
 * (where private answers go), at `serviceUrl`, kept as their first messages would have
 * kept them (adapters/teams/references.ts). Gives the number of references.
 */
export async function connect(platform: Platform, file: string, sets: number, serviceUrl: string): Promise<number> {
  const database = openDatabase(file);
  try {
    if (platform === 'slack') {
      database.sqlite.prepare('UPDATE people SET profile_checked_at = ?').run(Date.now());
      return 0;
    }
    const store = createSqliteStore(database.db);
    const references = new References(store, new ManualClock(new Date()));
    for (let k = 1; k <= sets; k++) {
      const people = teamsPeople(k);
      await references.remember(TENANT, channelMessage({ serviceUrl, from: people[0]!, text: 'hello', channel: teamsChannel(k) }), people[0]!.id);
      for (const p of people) await references.remember(TENANT, personalMessage({ serviceUrl, from: p, text: 'hello' }), p.id);
    }
    return database.sqlite.prepare("SELECT count(*) FROM installations WHERE platform = 'teams'").pluck().get() as number;
  } finally {
    database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [platform, file, sets] = process.argv.slice(2);
  if ((platform !== 'slack' && platform !== 'teams') || !file || !sets) throw new Error('usage: ack-seed.ts slack|teams <file> <sets>');
  console.log(JSON.stringify(await seed(platform, file, Number(sets))));
}
