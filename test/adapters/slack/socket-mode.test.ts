/**
 * Socket Mode: no public URL. Setwise opens the socket through apps.connections.open
 * on the fake Web API, and Slack's envelopes arrive over a local WebSocket server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../support/slack/fake-api';
import { appHomeOpened, eventCallback, slashCommand } from '../../support/slack/sign';
import { startFakeSocket, type FakeSocket } from '../../support/slack/socket';
import { freePort, startSetwiseSlack, type SetwiseSlack } from '../../support/slack/setwise';

const APP_TOKEN = 'xapp-1-A1-1234-socketmodetesttoken';
let fake: FakeSlack;
let socket: FakeSocket;
let slack: SetwiseSlack;

beforeAll(async () => {
  socket = await startFakeSocket();
  fake = await startFakeSlack({ users: { U0ALICE: { name: 'alice', displayName: 'Alice', tz: 'Europe/London' } }, socketUrl: socket.url });
  slack = await startSetwiseSlack(fake, new Date('2027-01-04T09:00:00Z'), { appToken: APP_TOKEN, signingSecret: undefined, port: await freePort() });
  await socket.connected;
});
afterAll(async () => {
  // The app first, so its client does not see the socket drop and try to reconnect.
  await slack.close();
  await socket.close();
  await fake.close();
});

const command = (text: string) =>
  slashCommand({ text, userId: 'U0ALICE', userName: 'alice', channelId: 'C0LEADERS', channelName: 'leaders', teamId: 'T1', responseUrl: fake.responseUrl(`s-${text}`) }).payload;

describe('Socket Mode', () => {
  it('connects with the app-level token, with no signing secret and no public URL', () => {
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe(APP_TOKEN);
    expect(socket.connections).toBe(1);
  });

  it('acks a slash command over the socket, then answers through its response_url', async () => {
    const ack = await socket.send({ type: 'slash_commands', payload: command('set create Northern Lights tz Europe/London') });
    expect(ack.envelope_id).toBeTruthy();
    await expect.poll(() => fake.callsTo('response_url').length).toBe(1);
    expect(fake.callsTo('response_url')[0]!.args).toMatchObject({ response_type: 'in_channel' });
    expect(JSON.stringify(fake.callsTo('response_url')[0]!.args)).toContain('Northern Lights');
    expect(slack.opened.rows().filter((r) => r.table === 'sets')).toHaveLength(1);
  });

  it('handles an event redelivered over the socket once', async () => {
    const event = { type: 'message', channel_type: 'im', channel: 'DU0ALICE', user: 'U0ALICE', text: 'action add Ring the sponsor', ts: '1700000005.000100' };
    const payload = eventCallback({ event, eventId: 'Ev0SOCKET', teamId: 'T1' }).payload;
    await socket.send({ type: 'events_api', payload });
    await socket.send({ type: 'events_api', payload, retry_attempt: 1, retry_reason: 'timeout' });
    await expect.poll(() => fake.callsTo('chat.postMessage').length).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slack.opened.rows().filter((r) => r.table === 'actions')).toHaveLength(1);
  });

  it('publishes the App Home from an app_home_opened envelope', async () => {
    await socket.send({ type: 'events_api', payload: appHomeOpened('U0ALICE', { teamId: 'T1', eventId: 'Ev0HOME2' }).payload });
    await expect.poll(() => fake.callsTo('views.publish').length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(fake.callsTo('views.publish').at(-1)!.args)).toContain('Northern Lights');
  });

  it('still answers GET /healthz on PORT, and says so when the database no longer answers', async () => {
    const res = await fetch(`${slack.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', adapter: 'slack' });
    slack.opened.close();
    const down = await fetch(`${slack.base}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'database unavailable' });
  });
});
