/**
 * The Slack adapter through real Bolt over real HTTP: requests signed as Slack signs
 * them in, a local fake Slack Web API out. Assertions are on the recorded calls.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../support/slack/fake-api';
import { post, slashCommand } from '../../support/slack/sign';
import { SIGNING_SECRET, startSetwiseSlack, type SetwiseSlack } from '../../support/slack/setwise';

const USERS = {
  U0ALICE: { name: 'alice', displayName: 'Alice', tz: 'Europe/London' },
  U0BOB: { name: 'bob', displayName: 'Bob', tz: 'America/New_York' },
  U0CAROL: { name: 'carol', displayName: 'Carol', tz: 'Asia/Tokyo' },
};

let fake: FakeSlack;
let slack: SetwiseSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ users: USERS });
  slack = await startSetwiseSlack(fake, new Date('2027-01-04T09:00:00Z'));
});
afterEach(() => fake.clear());
afterAll(async () => {
  await slack.close();
  await fake.close();
});

/** Sends `/setwise <text>` from `user` in #leaders, signed; resolves with the HTTP answer. */
const command = (text: string, user = 'U0ALICE', extra: Parameters<typeof slashCommand>[0] = {}) =>
  post(slack.events, slashCommand({ text, userId: user, userName: user.slice(2).toLowerCase(), channelId: 'C0LEADERS', channelName: 'leaders', teamId: 'T1', responseUrl: fake.responseUrl(`r-${Math.random()}`), ...extra }), { secret: SIGNING_SECRET });

const responses = () => fake.callsTo('response_url');

describe('the slash command', () => {
  it('creates a set, answering in the channel after the ack', async () => {
    const answer = await command('set create Northern Lights tz Europe/London');
    expect(answer.status).toBe(200);
    await expect.poll(() => responses().length).toBe(1);
    expect(responses()[0]!.args).toMatchObject({ response_type: 'in_channel' });
    expect(JSON.stringify(responses()[0]!.args)).toContain('Northern Lights');
  });
});
