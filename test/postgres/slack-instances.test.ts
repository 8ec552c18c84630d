/**
 * Two Setwise Slack instances behind one load balancer, on one PostgreSQL database:
 * what one stores the other answers from, and Slack's retry of an event that lands
 * on the other instance is still handled once. Real Bolt over signed HTTP, against a
 * local fake Slack, as in test/adapters/slack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, useThrowawayServer } from '../support/postgres-suite';
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../support/slack/fake-api';
import { eventCallback, newTriggerId, post, slashCommand } from '../support/slack/sign';
import { SIGNING_SECRET, startSetwiseSlack, type SetwiseSlack } from '../support/slack/setwise';
import { postgresStore } from '../support/stores';

const USERS = {
  U0ALICE: { name: 'alice', displayName: 'Alice', tz: 'Europe/London' },
  U0BOB: { name: 'bob', displayName: 'Bob', tz: 'America/New_York' },
};
const TEAM = 'T1';
const CHANNEL = { channelId: 'C0LEADERS', channelName: 'leaders' };

describe.skipIf(noServer)('two Slack instances on one PostgreSQL', () => {
  const server = useThrowawayServer();
  let fake: FakeSlack;
  let a: SetwiseSlack;
  let b: SetwiseSlack;
  let responses = 0;

  beforeAll(async () => {
    process.env.SETWISE_TEST_DATABASE_URL = server().createDatabase('slack_instances');
    fake = await startFakeSlack({ users: USERS });
    const start = new Date('2027-01-04T09:00:00Z');
    a = await startSetwiseSlack(fake, start, {}, undefined, postgresStore);
    b = await startSetwiseSlack(fake, start, {}, 'as-is', postgresStore); // the same database, not emptied
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await fake?.close();
  });

  /** `/setwise <text>` as `user` through one instance; resolves with the reply Slack's response_url got. */
  async function reply(through: SetwiseSlack, text: string, user = 'U0ALICE'): Promise<RecordedCall> {
    const before = fake.callsTo('response_url').length;
    const body = slashCommand({ text, userId: user, userName: USERS[user as keyof typeof USERS].name, teamId: TEAM, responseUrl: fake.responseUrl(`r${++responses}`), triggerId: newTriggerId(), ...CHANNEL });
    expect((await post(through.events, body, { secret: SIGNING_SECRET })).status).toBe(200);
    await expect.poll(() => fake.callsTo('response_url').length).toBeGreaterThan(before);
    return fake.callsTo('response_url')[before]!;
  }

  it('answers on one instance from what was stored through the other', async () => {
    expect(JSON.stringify((await reply(a, 'set create Northern Lights tz Europe/London')).args)).toContain('Created the action learning set Northern Lights');
    expect(JSON.stringify((await reply(b, 'member add <@U0BOB|bob>')).args)).toContain('Added');
    const info = JSON.stringify((await reply(a, 'set info')).args);
    expect(info).toContain('Northern Lights');
    expect(info).toMatch(/Members: .*U0BOB/);
  });

  it('handles an event once when Slack\'s retry reaches the other instance', async () => {
    fake.clear();
    const event = { type: 'message', channel_type: 'im', channel: 'DU0BOB', user: 'U0BOB', text: 'action add Book the away day', ts: '1700000003.000100' };
    await post(a.events, eventCallback({ event, eventId: 'Ev0ACROSS', teamId: TEAM }), { secret: SIGNING_SECRET });
    await post(b.events, eventCallback({ event, eventId: 'Ev0ACROSS', teamId: TEAM }), { secret: SIGNING_SECRET, retryNum: 1, retryReason: 'http_timeout' });
    await expect.poll(() => fake.callsTo('chat.postMessage').length).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    const actions = (await b.opened.rows()).filter((r) => r.table === 'actions' && r.row.text === 'Book the away day');
    expect(actions).toHaveLength(1);
  });

  it('reports healthy while the database answers', async () => {
    for (const instance of [a, b]) expect((await fetch(`${instance.base}/healthz`)).status).toBe(200);
  });
});
