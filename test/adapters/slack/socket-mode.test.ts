/**
 * Socket Mode: no public URL and no signing secret. Setwise opens the socket through
 * apps.connections.open on the fake Web API, and Slack's envelopes arrive over a local
 * WebSocket server; each is acked over the socket, its answer goes out by the Web API
 * or the response_url, as in HTTP mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../support/slack/fake-api';
import { appHomeOpened, blockAction, eventCallback, newTriggerId, slashCommand, viewSubmission } from '../../support/slack/sign';
import { startFakeSocket, type FakeSocket } from '../../support/slack/socket';
import { freePort } from '../../support/free-port';
import { BOT_TOKEN, startSetwiseSlack, type SetwiseSlack } from '../../support/slack/setwise';

const APP_TOKEN = 'xapp-1-A1-1234-socketmodetesttoken';
const TEAM = 'T1';
const LEADERS = { channelId: 'C0LEADERS', channelName: 'leaders' };
let fake: FakeSlack;
let socket: FakeSocket;
let slack: SetwiseSlack;
/** The modal the button opened, as views.open was given it. */
let modal: { callback_id: string; blocks: unknown[] } | undefined;

beforeAll(async () => {
  // The fake Web API first: Bolt calls auth.test as soon as the app is made, and the socket's URL comes from apps.connections.open.
  socket = await startFakeSocket();
  fake = await startFakeSlack({ users: { U0ALICE: { name: 'alice', displayName: 'Alice', tz: 'Europe/London' } }, socketUrl: socket.url });
  slack = await startSetwiseSlack(fake, new Date('2027-01-04T09:00:00Z'), { appToken: APP_TOKEN, signingSecret: undefined, port: await freePort() });
  await socket.connected;
});
afterAll(async () => {
  // The app first, so its client does not see the socket drop and try to reconnect.
  await slack?.close();
  await socket?.close();
  await fake?.close();
});

const command = (text: string) => slashCommand({ text, userId: 'U0ALICE', userName: 'alice', teamId: TEAM, responseUrl: fake.responseUrl(`s-${text}`), ...LEADERS }).payload;
const rows = async (table: string) => (await slack.opened.rows()).filter((r) => r.table === table);

/** Alice types `text` in her DM with the app; Slack delivers the event, then redelivers it as a retry. */
async function typedTwice(text: string, eventId: string, ts: string): Promise<void> {
  const event = { type: 'message', channel_type: 'im', channel: 'DU0ALICE', user: 'U0ALICE', text, ts };
  const payload = eventCallback({ event, eventId, teamId: TEAM }).payload;
  await socket.send({ type: 'events_api', payload });
  await socket.send({ type: 'events_api', payload, retry_attempt: 1, retry_reason: 'timeout' });
}

describe('Setwise in Socket Mode', () => {
  it('connects with the app-level token, with no signing secret and no public URL', () => {
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe(APP_TOKEN);
    expect(socket.connections).toBe(1);
  });

  it('acks a slash command over the socket, then answers through its response_url', async () => {
    const ack = await socket.send({ envelope_id: 'env-command', type: 'slash_commands', payload: command('set create Northern Lights tz Europe/London') });
    // A bare ack: the answer does not ride on it, it follows by the response_url.
    expect(ack.envelope_id).toBe('env-command');
    expect(ack.payload ?? {}).toEqual({});
    await expect.poll(() => fake.callsTo('response_url').length).toBe(1);
    const answer = fake.callsTo('response_url')[0]!;
    expect(answer.id).toBe('s-set create Northern Lights tz Europe/London');
    expect(answer.args).toMatchObject({ response_type: 'in_channel' });
    expect(JSON.stringify(answer.args)).toContain('Northern Lights');
    expect(await rows('sets')).toHaveLength(1);
    // Every Web API call it made carried the bot token, not the app-level one.
    expect(fake.calls.filter((c) => c.method !== 'apps.connections.open' && c.method !== 'response_url').every((c) => c.token === BOT_TOKEN)).toBe(true);
  });

  it('acks a button press (block_actions) over the socket and acts on it: the reflection form opens on its trigger', async () => {
    fake.clear();
    const setId = String((await rows('sets'))[0]!.row.id);
    const trigger = newTriggerId();
    const press = blockAction({ actionId: 'reflection.open#0', value: setId, userId: 'U0ALICE', teamId: TEAM, triggerId: trigger, responseUrl: fake.responseUrl('press'), ...LEADERS }).payload;
    const ack = await socket.send({ envelope_id: 'env-press', type: 'interactive', payload: press });
    expect(ack.envelope_id).toBe('env-press');
    await expect.poll(() => fake.callsTo('views.open').length).toBe(1);
    const opened = fake.callsTo('views.open')[0]!;
    expect(opened.args).toMatchObject({ trigger_id: trigger, view: { type: 'modal', callback_id: `reflection:${setId}` } });
    modal = opened.args.view as typeof modal;
  });

  it('carries a form\'s field errors back in the socket ack', async () => {
    expect(modal).toBeDefined();
    const empty = { text: { text: { type: 'plain_text_input', value: '' } } };
    const submission = viewSubmission({ callbackId: modal!.callback_id, values: empty, userId: 'U0ALICE', teamId: TEAM }).payload as { view: { blocks: unknown[] } };
    // Slack sends the modal back with the blocks it was opened with.
    submission.view.blocks = modal!.blocks;
    const ack = await socket.send({ type: 'interactive', payload: submission });
    expect(ack.payload).toMatchObject({ response_action: 'errors', errors: { text: expect.stringContaining('Write something first') } });
    expect(await rows('reflections')).toEqual([]);
  });

  it('handles an event redelivered over the socket with the same event_id once: one answer, one change', async () => {
    fake.clear();
    await typedTwice('action add Ring the sponsor', 'Ev0SOCKET', '1700000005.000100');
    await expect.poll(() => fake.callsTo('chat.postMessage').length).toBe(1);
    expect(fake.callsTo('chat.postMessage')[0]!.args.channel).toBe('U0ALICE');
    // Long enough for a second delivery's answer to have arrived, had there been one.
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await rows('actions')).toHaveLength(1);
  });

  it('answers a `help` typed in the DM, over events_api, once', async () => {
    fake.clear();
    await typedTwice('help', 'Ev0HELP', '1700000006.000100');
    await expect.poll(() => fake.callsTo('chat.postMessage').length).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')[0]!.args).toMatchObject({ channel: 'U0ALICE' });
  });

  it('publishes the App Home from an app_home_opened envelope', async () => {
    fake.clear();
    await socket.send({ type: 'events_api', payload: appHomeOpened('U0ALICE', { teamId: TEAM, eventId: 'Ev0HOME2' }).payload });
    await expect.poll(() => fake.callsTo('views.publish').length).toBe(1);
    const published = fake.callsTo('views.publish')[0]!;
    expect(published.args).toMatchObject({ user_id: 'U0ALICE', view: { type: 'home' } });
    expect(JSON.stringify(published.args)).toContain('Northern Lights');
  });

  it('serves no unsigned /slack/events on its port: Slack\'s requests only come by the socket', async () => {
    fake.clear();
    const res = await fetch(`${slack.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(command('set create Forged') as Record<string, string>).toString() });
    expect(res.status).toBe(404);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.calls).toEqual([]);
    expect(await rows('sets')).toHaveLength(1);
  });

  it('still answers GET /healthz on its port, and says so when the database no longer answers', async () => {
    const res = await fetch(`${slack.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', adapter: 'slack' });
    slack.opened.close();
    const down = await fetch(`${slack.base}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'database unavailable' });
  });

  it('never writes the app-level or bot token to its log, even at debug level', () => {
    const logged = slack.logs.join('\n');
    expect(logged).toContain('"level":20');
    expect(logged).not.toContain(APP_TOKEN);
    expect(logged).not.toMatch(/x(?:ox[a-z]|app)-[A-Za-z0-9-]{6,}/);
  });
});
