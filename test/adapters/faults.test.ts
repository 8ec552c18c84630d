/**
 * Delivery under faults: the fake Slack Web API and the fake Teams connector answer 30%
 * of sends with 429 (Retry-After), 500, 502, 504, a slow answer or a dropped
 * connection, from a fixed seed. Sets on both platforms play a whole programme through
 * the real adapters and scheduler: every nudge arrives once, no retry comes before the
 * Retry-After it was given, and the only dead letters are for a person Slack refuses
 * for good, which the facilitator hears about.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chaos } from '../support/chaos';
import { startFakeSlack, type FakeSlack } from '../support/slack/fake-api';
import { newTriggerId, post, slashCommand } from '../support/slack/sign';
import { SIGNING_SECRET, startSetwiseSlack, type SetwiseSlack } from '../support/slack/setwise';
import { startFakeConnector, type FakeConnector } from '../support/teams/connector';
import { channelMessage, teamsPerson, type Person } from '../support/teams/activities';
import { startSetwiseTeams, type SetwiseTeams } from '../support/teams/setwise';

const START = new Date('2027-01-04T09:00:00Z');
const END = new Date('2027-05-01T00:00:00Z');
const SETS = 3;
const SCHEDULE = 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 4 meetings';
const RETRY_AFTER = 2;

const slackUser = (s: number, i: number) => `U0S${s}P${String(i).padStart(2, '0')}`;
const USERS = Object.fromEntries([
  ...Array.from({ length: SETS }, (_, s) => Array.from({ length: 20 }, (_, i) => [slackUser(s, i), { name: `s${s}p${i}` }])).flat(),
  ['U0GONE', { name: 'gone' }],
]);

let fake: FakeSlack;
let slack: SetwiseSlack;
let connector: FakeConnector;
let teams: SetwiseTeams;
let slackChaos: Chaos;
let teamsChaos: Chaos;
let sentBeforeChaos = 0;

async function slackCommand(text: string, user: string, channel: string): Promise<void> {
  const body = slashCommand({ text, userId: user, userName: 'x', teamId: 'T1', responseUrl: fake.responseUrl(`r-${Math.random()}`), triggerId: newTriggerId(), channelId: channel, channelName: channel.toLowerCase() });
  const answer = await post(slack.events, body, { secret: SIGNING_SECRET });
  if (answer.status !== 200) throw new Error(`${text}: ${answer.status}`);
}

beforeAll(async () => {
  fake = await startFakeSlack({ users: USERS });
  slack = await startSetwiseSlack(fake, START);
  connector = await startFakeConnector();
  teams = await startSetwiseTeams(START);
  for (let s = 0; s < SETS; s++) {
    const channel = `C0SET${s}`;
    const facilitator = slackUser(s, 0);
    await slackCommand(`set create Slack set ${s} tz Europe/London`, facilitator, channel);
    const others = Array.from({ length: 19 }, (_, i) => (s === 0 && i === 18 ? 'U0GONE' : slackUser(s, i + 1)));
    await slackCommand(`member add ${others.map((u) => `<@${u}|${USERS[u]!.name}>`).join(' ')}`, facilitator, channel);
    await slackCommand(SCHEDULE, facilitator, channel);

    // Two digits: no name is the start of another, as @-mentions are matched by text.
    const people: Person[] = Array.from({ length: 20 }, (_, i) => teamsPerson(`T${s}P${String(i).padStart(2, '0')}`));
    const teamsChannel = `19:set-${s}@thread.tacv2`;
    const say = (text: string) => teams.post(channelMessage({ serviceUrl: connector.url, from: people[0]!, text, people, channel: teamsChannel }));
    await say(`set create Teams set ${s} tz Europe/London`);
    await say(`member add ${people.slice(1).map((p) => `@${p.name}`).join(' ')}`);
    await say(SCHEDULE);
  }
  // The setup's commands have been answered, each at once: wait for the last answers, then count from here.
  await new Promise((r) => setTimeout(r, 1500));
  // Slack refuses one person for good.
  const post0 = fake.handler('chat.postMessage')!;
  fake.handle('chat.postMessage', (args, context) => (args.channel === 'U0GONE' ? { ok: false, error: 'user_not_found' } : post0(args, context)));
  fake.clear();
  slackChaos = new Chaos({ rate: 0.3, seed: 20261207, retryAfterSeconds: RETRY_AFTER, slowMs: 100, now: () => slack.clock.now() });
  teamsChaos = new Chaos({ rate: 0.3, seed: 7122026, retryAfterSeconds: RETRY_AFTER, slowMs: 100, now: () => teams.clock.now() });
  fake.chaos(slackChaos);
  connector.chaos(teamsChaos);
  sentBeforeChaos = connector.sent.length;
}, 120_000);

afterAll(async () => {
  await slack?.close();
  await teams?.close();
  await fake?.close();
  await connector?.close();
});

type Rows = () => Promise<{ table: string; row: Readonly<Record<string, unknown>> }[]>;

/**
 * Plays a platform's clock to END a week at a time, keeping the last state of every
 * outbox row it sees: retention prunes finished jobs a month on, so they are counted
 * as they go.
 */
async function playTallying(setwise: { advanceTo(to: Date): Promise<unknown>; clock: { now(): Date } }, rows: Rows): Promise<Readonly<Record<string, unknown>>[]> {
  const seen = new Map<unknown, Readonly<Record<string, unknown>>>();
  const tally = async () => {
    for (const r of await rows()) if (r.table === 'jobs') seen.set(r.row.id, r.row);
  };
  for (let at = setwise.clock.now().getTime() + 7 * 86_400_000; at < END.getTime(); at += 7 * 86_400_000) {
    await setwise.advanceTo(new Date(at));
    await tally();
  }
  await setwise.advanceTo(END);
  await tally();
  return [...seen.values()].filter((j) => j.kind !== 'meeting-ended' && j.kind !== 'run-close');
}

/** No try of one message after a 429 came before the Retry-After it was given. */
function retriesWaited(chaos: Chaos): string[] {
  const late: string[] = [];
  const byKey = new Map<string, typeof chaos.log>();
  for (const e of chaos.log) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
  for (const [key, tries] of byKey) {
    // The facilitators' word of a dead letter has no job: it is tried again in real time, a Retry-After (or a second) apart.
    if (key.includes('could not deliver')) continue;
    // Opening a person's chat is shared by every nudge to them: two nudges' tries are not one message's retries.
    if (key.startsWith('POST new')) continue;
    tries.forEach((t, i) => {
      const next = tries[i + 1];
      if (t.fault === '429' && next && next.at - t.at < RETRY_AFTER * 1000) late.push(`${key}: ${next.at - t.at} ms`);
    });
  }
  return late;
}

describe('a programme on Slack and Teams with 30% of sends failing', () => {
  it('delivers every nudge once, honours Retry-After, and dead-letters only what is refused for good', async () => {
    const slackJobs = await playTallying(slack, () => slack.opened.rows());
    const teamsJobs = await playTallying(teams, () => teams.opened.rows());

    // Faults of every kind were injected, about 30% of calls.
    for (const chaos of [slackChaos, teamsChaos]) {
      const counts = chaos.counts();
      for (const [fault, n] of Object.entries(counts)) expect(n, fault).toBeGreaterThan(0);
      const share = Object.values(counts).reduce((a, b) => a + b, 0) / chaos.log.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.4);
    }

    // Slack: every sending job done (or skipped as no longer needed); the only dead ones are U0GONE's.
    const slackDead = slackJobs.filter((j) => j.status === 'dead');
    expect(slackDead.length).toBeGreaterThan(0);
    expect(new Set(slackDead.map((j) => j.last_error))).toEqual(new Set(['Slack refused it: user_not_found']));
    const gone = (await slack.opened.rows()).find((r) => r.table === 'people' && r.row.platform_user_id === 'U0GONE')!.row.id;
    expect(slackDead.every((j) => String(j.payload).includes(`"personId":${String(gone)}`))).toBe(true);
    expect(slackJobs.filter((j) => j.status === 'pending' || j.status === 'claimed')).toEqual([]);
    // ...each refused once and not tried again after it (earlier tries may have met an injected fault).
    const refusals = fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0GONE' && c.status === 200);
    expect(refusals.length).toBe(slackDead.length);
    expect(slackDead.every((j) => Number(j.attempts) < 10)).toBe(true);
    // The facilitator of that set heard of each.
    const reports = fake.callsTo('chat.postMessage').filter((c) => c.status === 200 && c.args.channel === slackUser(0, 0) && String(c.args.text).includes('could not deliver'));
    expect(reports.length).toBe(slackDead.length);

    // Every done job is exactly one accepted post; no message reached anyone twice.
    const accepted = fake.callsTo('chat.postMessage').filter((c) => c.status === 200 && (c.answer as { ok?: boolean } | undefined)?.ok === true && !String(c.args.text).includes('could not deliver'));
    const slackDone = slackJobs.filter((j) => j.status === 'done');
    const keys = accepted.map((c) => `${String(c.args.channel)} ${String(c.args.text)}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(accepted.length).toBe(slackDone.length);

    // Teams: the same, with no one refused.
    expect(teamsJobs.filter((j) => j.status === 'dead')).toEqual([]);
    expect(teamsJobs.filter((j) => j.status === 'pending' || j.status === 'claimed')).toEqual([]);
    const teamsDone = teamsJobs.filter((j) => j.status === 'done');
    const nudges = connector.sent.slice(sentBeforeChaos);
    const delivered = nudges.map((s) => `${s.conversation} ${JSON.stringify(s.activity.attachments ?? s.activity.text)}`);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(nudges.length).toBe(teamsDone.length);

    // The figures docs/reliability.md quotes.
    const figures = (name: string, chaos: Chaos, done: number) => `${name}: ${chaos.log.length} calls, faults ${JSON.stringify(chaos.counts())}, ${done} nudges delivered`;
    console.log(`${figures('Slack', slackChaos, slackDone.length)}; ${slackDead.length} dead letters (all refused for good); ${figures('Teams', teamsChaos, teamsDone.length)}`);
    // A thousand nudges and more, across both.
    expect(slackDone.length + teamsDone.length).toBeGreaterThanOrEqual(1000);
    expect(retriesWaited(slackChaos)).toEqual([]);
    expect(retriesWaited(teamsChaos)).toEqual([]);
  }, 300_000);
});
