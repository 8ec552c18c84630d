/**
 * Self-test for the fake Slack: drives it with the real @slack/web-api client
 * and real Bolt apps (HTTP and Socket Mode), so the adapter tests that build on
 * it can trust that what passes here is what Slack's own SDK does.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { ErrorCode, WebClient, type WebAPIHTTPError, type WebAPIRateLimitedError } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../../support/slack/fake-api';
import { appHomeOpened, blockAction, post, slashCommand, urlVerification, viewSubmission } from '../../support/slack/sign';
import { startFakeSocket } from '../../support/slack/socket';

const BOT_TOKEN = 'xoxb-test-token';
const SECRET = 'signing-secret';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ users: { U1: { name: 'alice', realName: 'Alice Adams', tz: 'Europe/London' } } });
});
afterEach(() => fake.clear());
afterAll(() => fake.close());

/** A client that fails fast: the default retries for ~30 minutes on errors. */
function client(options: ConstructorParameters<typeof WebClient>[1] = {}): WebClient {
  return new WebClient(BOT_TOKEN, { slackApiUrl: fake.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR, ...options });
}

describe('fake Web API through the real WebClient', () => {
  it('records a message with its blocks parsed and the bearer token, and answers like Slack', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Hello*' } }];
    const first = await client().chat.postMessage({ channel: 'C1', text: 'Hello', blocks });
    const second = await client().chat.postMessage({ channel: 'U1', text: 'Psst' });

    expect(first.ok).toBe(true);
    expect(first.channel).toBe('C1');
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    // Posting to a user id lands in the DM, and Slack names the DM channel in its answer.
    expect(second.channel).toBe('DU1');
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.args).toMatchObject({ channel: 'C1', text: 'Hello', blocks });
    expect(call?.token).toBe(BOT_TOKEN);
  });

  it('answers auth.test, users.info and conversations.open realistically', async () => {
    const auth = await client().auth.test();
    expect(auth).toMatchObject({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' });

    const info = await client().users.info({ user: 'U1' });
    expect(info.user).toMatchObject({ id: 'U1', name: 'alice', real_name: 'Alice Adams', tz: 'Europe/London' });
    expect([0, 3600]).toContain(info.user?.tz_offset);
    await expect(client().users.info({ user: 'U404' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'user_not_found' },
    });

    const dm = await client().conversations.open({ users: 'U1' });
    expect(dm.channel?.id).toBe('DU1');
  });

  it('answers unknown methods the way Slack does', async () => {
    await expect(client().apiCall('no.such.method')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
  });

  it('rate-limits the next call with Retry-After, then answers normally', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const limited = client({ rejectRateLimitedCalls: true });

    const error = (await limited.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e)) as WebAPIRateLimitedError;
    expect(error.code).toBe('slack_webapi_rate_limited_error');
    expect(error.retryAfter).toBe(7);

    await expect(limited.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('fails the next n calls with a server error', async () => {
    fake.failNext('chat.update', { status: 500, times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const error = (await client().chat.update({ channel: 'C1', ts: '1.2', text: 'x' }).catch((e: unknown) => e)) as WebAPIHTTPError;
      expect(error.code).toBe(ErrorCode.HTTPError);
      expect(error.statusCode).toBe(500);
    }
    await expect(client().chat.update({ channel: 'C1', ts: '1.2', text: 'x' })).resolves.toMatchObject({ ok: true, ts: '1.2' });
  });

  it('takes a files.uploadV2 end to end and keeps the bytes', async () => {
    const bytes = Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    const result = await client().files.uploadV2({ channel_id: 'C1', file: bytes, filename: 'meeting.ics', title: 'Meeting' });

    expect(result.ok).toBe(true);
    const upload = [...fake.uploads.values()][0];
    expect(upload?.filename).toBe('meeting.ics');
    expect(upload?.length).toBe(bytes.length);
    expect(upload?.bytes?.equals(bytes)).toBe(true);
    expect(upload?.completed).toMatchObject({ channelId: 'C1', title: 'Meeting' });
    expect(fake.callsTo('files.completeUploadExternal')[0]?.args.files).toEqual([{ id: upload?.fileId, title: 'Meeting' }]);
  });

  it('exchanges an OAuth code once and knows the new token afterwards', async () => {
    fake.oauthCodes.set('code-1', { team: { id: 'T2', name: 'Acme' }, authedUserId: 'U9' });
    const anonymous = new WebClient(undefined, { slackApiUrl: fake.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });

    const access = await anonymous.oauth.v2.access({ client_id: 'id', client_secret: 'secret', code: 'code-1' });
    expect(access).toMatchObject({ ok: true, token_type: 'bot', team: { id: 'T2', name: 'Acme' }, authed_user: { id: 'U9' } });
    expect(access.access_token).toMatch(/^xoxb-/);
    await expect(anonymous.auth.test({ token: access.access_token })).resolves.toMatchObject({ team_id: 'T2' });
    await expect(anonymous.oauth.v2.access({ client_id: 'id', client_secret: 'secret', code: 'code-1' })).rejects.toMatchObject({
      data: { error: 'invalid_code' },
    });
  });
});

describe('signed requests into a real Bolt app over HTTP', () => {
  let app: App;
  let eventsUrl: string;
  let startup: RecordedCall[];
  const commands: string[] = [];
  const homes: { user: string; retryNum?: number; retryReason?: string }[] = [];

  beforeAll(async () => {
    app = new App({ signingSecret: SECRET, token: BOT_TOKEN, clientOptions: { slackApiUrl: fake.url }, logLevel: LogLevel.ERROR });
    app.command('/setwise', async ({ command, ack, respond }) => {
      commands.push(command.text);
      await ack();
      await respond({ text: `you said ${command.text}`, response_type: 'ephemeral' });
    });
    app.action('join', async ({ ack }) => ack());
    app.event('app_home_opened', async ({ event, context }) => {
      homes.push({ user: event.user, retryNum: context.retryNum, retryReason: context.retryReason });
    });
    app.view('plan', async ({ ack, view }) => ack({ response_action: 'errors', errors: { when: view.state.values.when?.pick?.value ?? '' } }));
    const server = (await app.start(0)) as Server;
    eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    // Bolt fires auth.test from its constructor without awaiting it; wait for it to land.
    await vi.waitFor(() => expect(fake.callsTo('auth.test')).toHaveLength(1));
    startup = [...fake.calls];
  });
  afterAll(() => app.stop());
  afterEach(() => void (commands.length = 0));

  it('runs the command for a correctly signed request, and respond() reaches the response_url', async () => {
    const request = slashCommand({ text: 'help', responseUrl: fake.responseUrl('cmd-1') });
    const result = await post(eventsUrl, request, { secret: SECRET });

    expect(result.status).toBe(200);
    expect(commands).toEqual(['help']);
    await expect.poll(() => fake.callsTo('response_url')).toHaveLength(1);
    expect(fake.callsTo('response_url')[0]).toMatchObject({ id: 'cmd-1', args: { text: 'you said help' } });
  });

  it('refuses a wrongly signed request with 401 and never runs the handler', async () => {
    const result = await post(eventsUrl, slashCommand({ text: 'forged' }), { secret: 'not-the-secret' });
    expect(result.status).toBe(401);
    expect(commands).toEqual([]);
  });

  it('refuses a request signed more than five minutes ago with 401', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const result = await post(eventsUrl, slashCommand({ text: 'replayed' }), { secret: SECRET, timestamp: stale });
    expect(result.status).toBe(401);
    expect(commands).toEqual([]);
  });

  it('routes block actions and view submissions, and echoes url_verification', async () => {
    expect((await post(eventsUrl, blockAction({ actionId: 'join', value: 'set-1' }), { secret: SECRET })).status).toBe(200);

    const submitted = viewSubmission({ callbackId: 'plan', values: { when: { pick: { type: 'plain_text_input', value: 'Tuesday' } } } });
    const answer = await post(eventsUrl, submitted, { secret: SECRET });
    expect(answer.json).toEqual({ response_action: 'errors', errors: { when: 'Tuesday' } });

    const challenge = await post(eventsUrl, urlVerification('abc'), { secret: SECRET });
    expect(challenge.json).toEqual({ challenge: 'abc' });
  });

  it('passes Slack\'s retry headers on to the listener', async () => {
    const result = await post(eventsUrl, appHomeOpened('U1'), { secret: SECRET, retryNum: 1, retryReason: 'http_timeout' });
    expect(result.status).toBe(200);
    // Bolt acks events before running listeners, so the 200 can beat the listener.
    await expect.poll(() => homes).toEqual([{ user: 'U1', retryNum: 1, retryReason: 'http_timeout' }]);
  });

  it('called auth.test once at start-up, with the bot token', () => {
    expect(startup.map((c) => [c.method, c.token])).toEqual([['auth.test', BOT_TOKEN]]);
  });
});

describe('Socket Mode through a real Bolt app', () => {
  it('connects with the app token, delivers a slash command and gets the ack back through the socket', async () => {
    const socket = await startFakeSocket();
    fake.socketUrl = socket.url;
    const app = new App({
      token: BOT_TOKEN,
      appToken: 'xapp-1-A1-1-secret',
      socketMode: true,
      clientOptions: { slackApiUrl: fake.url },
      logLevel: LogLevel.ERROR,
    });
    app.command('/setwise', async ({ command, ack }) => ack({ text: `pong ${command.text}` }));
    try {
      await app.start();
      await socket.connected;
      expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-A1-1-secret');

      const ack = await socket.send({ type: 'slash_commands', payload: slashCommand({ text: 'ping' }).payload });
      expect(ack.payload).toEqual({ text: 'pong ping' });
    } finally {
      // Stop the app before dropping the socket, or the client would set off to reconnect.
      await app.stop();
      await socket.close();
      fake.socketUrl = undefined;
    }
  });
});
