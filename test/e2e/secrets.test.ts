/**
 * The issue's acceptance line: secrets (bot tokens, the signing secret, the Teams app
 * password, the OAuth client and state secrets, installation tokens) never appear in
 * logs, error messages or exports. Each platform is driven at debug level down the
 * paths most likely to leak (an OAuth install and token rotation, Slack and Teams
 * refusing or failing calls, a dropped connection, the token endpoint refusing the
 * password, dead-lettered nudges whose error is reported to a facilitator, files made
 * for people), everything captured is kept by channel, and every channel is searched
 * for every secret. The database must hold installation tokens; a backup's output must
 * not show them. test/e2e/slack-start.test.ts covers a real process with one bot token;
 * here real processes cover OAuth installs and the Teams password.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FILE_CONSENT } from '../../adapters/teams/files';
import { Chaos, type Fault } from '../support/chaos';
import { freePort } from '../support/free-port';
import { ROOT } from '../support/process';
import { Captured, fakeMicrosoftLogin, rotatingOAuth, SLACK_TOKEN_SHAPE, type FakeMicrosoftLogin, type IssuedTokens } from '../support/secrets';
import { startFakeSlack, type FakeSlack } from '../support/slack/fake-api';
import { startSetwiseSlack, type SetwiseSlack } from '../support/slack/setwise';
import { eventCallback, post, slashCommand, viewSubmission, type PostResult, type SlackBody } from '../support/slack/sign';
import { channelMessage, personalMessage, teamsPerson, TENANT, type Person } from '../support/teams/activities';
import { startFakeConnector, type FakeConnector, type SentActivity } from '../support/teams/connector';
import { startSetwiseTeams, type SetwiseTeams } from '../support/teams/setwise';

const START = new Date('2027-01-04T09:00:00Z');
const NORTH = { id: 'T0NORTH', name: 'North' };
const OAUTH = { clientId: '1234567890.5555555555', clientSecret: 'SECRETclient-0a1b2c3d4e5f6a7b', stateSecret: 'SECRETstate-9f8e7d6c5b4a3210fe' };
const SIGNING_SECRET = 'SECRETsigning-00112233445566778899';
const APP_ID = '11111111-2222-3333-4444-555555555555';
/** Shaped as Azure makes client secrets: `~`, `.` and `_` included. */
const APP_PASSWORD = 'Qx8~SECRETteams.app_Passw0rd-7Kz';

let dir: string;
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'setwise-secrets-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Every setting Setwise reads, blank: neither the test runner's environment nor a
 * developer's `.env` (which never overrides a variable that is set) can leak in.
 */
const CLEAN: Record<string, string> = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? tmpdir(),
  ...Object.fromEntries(
    [
      'SETWISE_ADAPTER', 'SETWISE_DB', 'SETWISE_DATABASE_URL', 'PORT', 'LOG_LEVEL', 'SETWISE_PROMPTS', 'SETWISE_TICK',
      'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_API_URL',
      'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId',
    ].map((name) => [name, '']),
  ),
};

/** `node --import tsx <args>` in the repository with only `env` set; stdout and stderr as they interleave. */
function startNode(args: readonly string[], env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...CLEAN, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** A script run to its end. */
async function runNode(args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const run = startNode(args, env);
  const code = await run.exited;
  return { code, output: run.output() };
}

/** What libraries print for themselves (botbuilder writes some errors with console.error), kept instead of shown. */
function captureConsole(captured: Captured): () => void {
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void captured.add('console', args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '))),
  );
  return () => spies.forEach((s) => s.mockRestore());
}

/** Every channel captured something, and no secret shows in any of them. */
function expectNoLeaks(captured: Captured, secrets: Record<string, string>, channels: readonly string[], shape?: RegExp): void {
  const sizes = captured.sizes();
  for (const channel of channels) expect(sizes[channel]?.bytes ?? 0, `nothing captured from ${channel}`).toBeGreaterThan(0);
  expect(captured.leaks(secrets, shape)).toEqual([]);
  // For docs/reliability.md: how much was searched (written past the console, which may be captured).
  const all = Object.values(sizes);
  process.stdout.write(`secrets: ${Object.keys(secrets).length} secrets searched for in ${all.reduce((n, s) => n + s.bytes, 0)} bytes, ${all.reduce((n, s) => n + s.lines, 0)} lines, from ${Object.keys(sizes).length} channels\n`);
}

/** The secrets a run must never show, by name. */
const named = (prefix: string, values: readonly string[]) => Object.fromEntries(values.map((v, i) => [`${prefix} ${i + 1}`, v]));

/** Keeps Setwise's answer to an HTTP request whole (status, headers and body) under "http answers". */
async function keep(captured: Captured, answer: Response | PostResult): Promise<{ status: number; text: string }> {
  const text = answer instanceof Response ? await answer.text() : answer.text;
  captured.add('http answers', `${answer.status} ${JSON.stringify([...answer.headers])}\n${text}`);
  return { status: answer.status, text };
}

/** GET /slack/install, then back to /slack/oauth_redirect with `code` and the state cookie, as a browser goes. */
async function installSlack(captured: Captured, base: string, code: string): Promise<{ status: number; text: string }> {
  const begun = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  const state = new URL(begun.headers.get('location')!).searchParams.get('state')!;
  const cookie = begun.headers.get('set-cookie')!.split(';')[0]!;
  await keep(captured, begun);
  return keep(captured, await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' }));
}

/** Drops every connection it is asked about: a network failure on demand. */
class Dropping extends Chaos {
  override pick(): Fault {
    return 'drop';
  }
}

describe('Slack, installed by OAuth with token rotation, at debug level', () => {
  let fake: FakeSlack;
  let slack: SetwiseSlack;
  let issued: IssuedTokens;
  let restoreConsole: () => void;
  const captured = new Captured();
  const file = () => join(dir, 'slack.db');
  const people = { U0NORA: 'nora', U0NED: 'ned', U0NELL: 'nell' } as const;

  const heard = (answer: Response | PostResult) => keep(captured, answer);
  const signed = async (body: SlackBody) => heard(await post(slack.events, body, { secret: SIGNING_SECRET }));
  const replies = (id: string) => fake.callsTo('response_url').filter((c) => c.id === id);
  const slash = (user: keyof typeof people, text: string, id: string) =>
    slashCommand({ text, userId: user, userName: people[user], teamId: NORTH.id, channelId: 'C0NORTH', channelName: 'leaders', responseUrl: fake.responseUrl(id) });
  /** A slash command in #leaders of North; resolves once its answer has come back on the response_url. */
  async function command(user: keyof typeof people, text: string, id = `${user} ${text}`): Promise<void> {
    expect((await signed(slash(user, text, id))).status).toBe(200);
    await expect.poll(() => replies(id).filter((c) => c.status === 200).length, { timeout: 15_000 }).toBeGreaterThan(0);
  }
  const install = (code: string) => installSlack(captured, slack.base, code);
  const stored = async () => (await slack.opened.store.installations.find('slack', `team:${NORTH.id}`)) as { bot: { token: string; refreshToken: string }; user: { token: string; refreshToken: string } } | undefined;

  beforeAll(async () => {
    restoreConsole = captureConsole(captured);
    fake = await startFakeSlack({ users: { U0NORA: { name: 'nora', displayName: 'Nora' }, U0NED: { name: 'ned', displayName: 'Ned' }, U0NELL: { name: 'nell', displayName: 'Nell' } } });
    issued = rotatingOAuth(fake, { id: OAUTH.clientId, secret: OAUTH.clientSecret }, { 'code-north': NORTH });
    slack = await startSetwiseSlack(fake, START, { botToken: undefined, oauth: OAUTH, signingSecret: SIGNING_SECRET }, file());
  });
  afterAll(async () => {
    restoreConsole?.();
    await slack?.close();
    await fake?.close();
  });

  it('installs through OAuth, after a forged return, a failed exchange and a bad code, and keeps the tokens in the database', async () => {
    expect((await heard(await fetch(`${slack.base}/slack/oauth_redirect?code=code-north&state=forged`, { redirect: 'manual' }))).status).toBeGreaterThanOrEqual(400);
    // A 500 is retried by the installer's client, then Slack refuses the code.
    fake.failNext('oauth.v2.access', { status: 500 });
    expect((await install('code-nowhere')).status).toBe(500);
    // Slack's answer to a wrong client secret (the code stays good: Slack refused before reading it).
    fake.failNext('oauth.v2.access', { status: 200, body: { ok: false, error: 'bad_client_secret' } });
    expect((await install('code-north')).status).toBe(500);
    expect((await install('code-north')).status).toBe(200);
    // The installation must hold its tokens: they are what a scan below must not find anywhere else.
    expect(await stored()).toMatchObject({ bot: { token: issued.bot[0], refreshToken: issued.refresh[0] }, user: { token: issued.user[0] } });
  });

  it('answers commands with the installation\'s token, rotating it (once refused), while Slack fails calls in every way it can', async () => {
    // Requests Slack did not sign, or signed too long ago: refused, with the reason logged.
    expect((await heard(await post(slack.events, slash('U0NORA', 'set info', 'forged'), { secret: 'a-wrong-signing-secret-0000000' }))).status).toBe(401);
    expect((await heard(await post(slack.events, slash('U0NORA', 'set info', 'stale'), { secret: SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) - 3600 }))).status).toBe(401);
    // The tokens expire within Bolt's two hours: the first request refreshes them, and the first refresh is refused.
    fake.failNext('oauth.v2.access', { status: 200, body: { ok: false, error: 'invalid_refresh_token' } });
    await command('U0NORA', 'set create North Set tz Europe/London');
    fake.failNext('users.info', { status: 500 });
    fake.failNext('views.publish', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    await command('U0NORA', 'member add <@U0NED|ned> <@U0NELL|nell>');
    fake.failNext('response_url', { status: 429, retryAfter: 1 });
    await command('U0NORA', 'schedule every week on tuesday at 10:00 from 2027-01-05 for 4 meetings');
    await expect.poll(async () => (await stored())?.bot.token).toBe(issued.bot.at(-1));
    expect(issued.bot.length).toBeGreaterThanOrEqual(2);
    expect(issued.user.length).toBeGreaterThanOrEqual(2);

    // A form: opened in a modal, sent back empty, refused field by field in the acknowledgement.
    await signed(slash('U0NED', 'challenge', 'challenge')); // a modal answers it, not a reply
    await expect.poll(() => fake.callsTo('views.open').length).toBeGreaterThan(0);
    const view = fake.callsTo('views.open').at(-1)!.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    const refused = await signed(viewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, blocks: view.blocks, userId: 'U0NED', userName: 'ned', teamId: NORTH.id }));
    expect(refused.text).toContain('errors');

    // A command typed in the DM whose answer meets a dropped connection, then one Slack refuses.
    const dm = (text: string, eventId: string) => eventCallback({ eventId, teamId: NORTH.id, event: { type: 'message', channel_type: 'im', channel: 'DU0NED', user: 'U0NED', text, ts: `${Math.floor(Date.now() / 1000)}.000100` } });
    const unanswered = () => slack.logs.filter((l) => l.includes('could not answer a Slack request')).length;
    const before = unanswered();
    fake.chaos(new Dropping({ rate: 1, seed: 1, now: () => slack.clock.now() }), ['chat.postMessage']);
    await signed(dm('help', 'Ev0DROP'));
    await expect.poll(unanswered).toBe(before + 1);
    fake.chaos(undefined);
    fake.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    await signed(dm('meetings', 'Ev0REFUSED'));
    await expect.poll(unanswered).toBe(before + 2);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0NED').map((c) => c.status)).toEqual(expect.arrayContaining([0, 200]));
  });

  it('hands people their files (a privacy export, a report, a calendar), once after a failed upload', async () => {
    fake.failNext('conversations.open', { status: 500 });
    await command('U0NED', 'privacy export', 'export-failed');
    expect(JSON.stringify(replies('export-failed').at(-1)!.args)).toContain('went wrong');
    await command('U0NED', 'privacy export');
    await command('U0NORA', 'report');
    await command('U0NELL', 'calendar');
    const names = [...fake.uploads.values()].map((u) => u.filename);
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/\.json$/), expect.stringMatching(/\.png$/), expect.stringMatching(/\.csv$/), expect.stringMatching(/\.ics$/)]));
  });

  it('sends nudges that Slack fails, retries and dead-letters them, and tells the facilitator what went wrong', async () => {
    fake.failNext('chat.postMessage', { status: 500 });
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    fake.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    await slack.advanceTo(new Date('2027-01-05T12:00:00Z'));
    expect(slack.logs.join('')).toContain('nudge dead-lettered');
    // The facilitator heard of it in their DM, with Slack's error: a message that quotes an error.
    expect(fake.callsTo('chat.postMessage').some((c) => c.args.channel === 'U0NORA' && String(c.args.text).includes('invalid_auth'))).toBe(true);
  });

  it('prints no token when the database, which must hold them, is backed up', async () => {
    const copy = join(dir, 'backup.db');
    const run = await runNode(['scripts/backup.ts', copy], { SETWISE_DB: file(), SLACK_CLIENT_ID: OAUTH.clientId, SLACK_CLIENT_SECRET: OAUTH.clientSecret, SLACK_STATE_SECRET: OAUTH.stateSecret, SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/^backed up to .*\n {2}rows: .*installations 1/);
    captured.add('backup output', run.output);
    // The copy holds the workspace's token, as the database must: a backup is as private as the database.
    const backedUp = new Database(copy, { readonly: true });
    try {
      expect(String(backedUp.prepare("SELECT data FROM installations WHERE platform = 'slack'").pluck().get())).toContain(issued.bot.at(-1));
    } finally {
      backedUp.close();
    }
  });

  it('forgets the workspace when its tokens are revoked, and refuses it after', async () => {
    await signed(eventCallback({ eventId: 'Ev0REVOKED', teamId: NORTH.id, event: { type: 'tokens_revoked', tokens: { bot: ['UBOT'] } } }));
    await expect.poll(stored).toBeUndefined();
    await signed(slash('U0NORA', 'set info', 'after'));
    await expect.poll(() => slack.logs.join('')).toContain('Authorization of incoming event did not succeed');
    // The reflection prompts due at 15:00 have no token to go with: they fail, are retried, and say why.
    await slack.advanceTo(new Date('2027-01-05T16:00:00Z'));
    expect(slack.logs.filter((l) => l.includes('nudge failed') && l.includes('not installed')).length).toBeGreaterThan(3);
  });

  it('shows none of its secrets in its logs, answers, messages, files, error messages or the backup\'s output', async () => {
    captured.add('logs', slack.logs.join(''));
    // What Setwise sent Slack: messages, ephemeral answers, views, uploads' names. Not the
    // Authorization header (the token goes there by design), nor the OAuth exchange, which
    // carries the client secret and refresh token to Slack by design.
    for (const call of fake.calls.filter((c) => c.method !== 'oauth.v2.access')) captured.add('sent to Slack', { method: call.method, args: call.args });
    for (const upload of fake.uploads.values()) captured.add('files', upload.bytes ?? Buffer.alloc(0));
    for (const { row } of (await slack.opened.rows()).filter((r) => r.table === 'jobs' && r.row.last_error)) captured.add('error messages', row.last_error);
    const secrets = { 'signing secret': SIGNING_SECRET, 'client secret': OAUTH.clientSecret, 'state secret': OAUTH.stateSecret, ...named('token', issued.all()) };
    // The install's tokens and their rotation at least: a bot and a user token, and a refresh token for each, twice.
    expect(issued.all().length).toBeGreaterThanOrEqual(8);
    expectNoLeaks(captured, secrets, ['logs', 'http answers', 'sent to Slack', 'files', 'error messages', 'backup output'], SLACK_TOKEN_SHAPE);
  });
});

describe('Teams, with an app id and password, at debug level', () => {
  let login: FakeMicrosoftLogin;
  let fake: FakeConnector;
  let teams: SetwiseTeams;
  let restoreConsole: () => void;
  const captured = new Captured();
  const alice = teamsPerson('Alice');
  const bob = teamsPerson('Bob');
  const carol = teamsPerson('Carol');
  /** The Bot Framework tokens Teams' requests carried: bearer secrets too. */
  const inbound: string[] = [];

  /** Posts an activity as the Bot Framework would, keeping Setwise's answer. */
  async function send(activity: unknown, authorization?: string): Promise<{ status: number; body: unknown }> {
    const answer = await teams.post(activity, authorization ? { authorization } : {});
    captured.add('http answers', answer);
    return answer;
  }
  /** Signed as Teams signs its requests to the bot. */
  function fromTeams(activity: unknown): Promise<{ status: number; body: unknown }> {
    const token = login.channelToken(APP_ID, fake.url);
    inbound.push(token);
    return send(activity, `Bearer ${token}`);
  }
  /** Accepts every file consent card sent to `person`'s chat that is not yet answered. */
  async function acceptOffers(person: Person): Promise<void> {
    type Attachment = { contentType: string; name?: string; content?: { acceptContext?: { offer: string } } };
    const offers = fake.sent.filter((s: SentActivity) => s.conversation.startsWith(`a:`) && s.conversation.includes(person.id)).flatMap((s) => (s.activity.attachments as Attachment[] | undefined) ?? []).filter((a) => a.contentType === FILE_CONSENT);
    for (const offer of offers) {
      const name = offer.name ?? 'file';
      await fromTeams({
        type: 'invoke',
        name: 'fileConsent/invoke',
        id: `consent-${Math.random()}`,
        channelId: 'msteams',
        serviceUrl: fake.url,
        from: person,
        recipient: { id: '28:bot-app-id', name: 'Setwise' },
        conversation: { id: `a:chat-with-${person.id}`, conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
        value: { type: 'fileUpload', action: 'accept', context: offer.content!.acceptContext!, uploadInfo: { name, uploadUrl: `${fake.url}upload/${name}`, contentUrl: `https://onedrive.example/${name}`, uniqueId: name, fileType: name.split('.').pop() } },
      });
    }
  }

  beforeAll(async () => {
    restoreConsole = captureConsole(captured);
    login = await fakeMicrosoftLogin();
    fake = await startFakeConnector();
    fake.members.push(alice, bob, carol);
    teams = await startSetwiseTeams(START, { appId: APP_ID, appPassword: APP_PASSWORD, appType: 'SingleTenant', tenantId: TENANT });
  });
  afterAll(async () => {
    restoreConsole?.();
    await teams?.close();
    await fake?.close();
    await login?.close();
  });

  it('refuses requests without a good Bot Framework token (the password offered as one among them), and reads none', async () => {
    const hello = () => personalMessage({ serviceUrl: fake.url, from: alice, text: 'help' });
    for (const authorization of [undefined, 'Bearer not-a-token', `Bearer ${APP_PASSWORD}`, `Basic ${Buffer.from(`${APP_ID}:${APP_PASSWORD}`).toString('base64')}`]) {
      expect((await send(hello(), authorization)).status).toBe(401);
    }
    // Signed by the Bot Framework's key, but for another bot, for another service, or long expired (botbuilder prints that one itself).
    const refused = [login.channelToken('99999999-8888-7777-6666-555555555555', fake.url), login.channelToken(APP_ID, 'https://elsewhere.example/'), login.channelToken(APP_ID, fake.url, -3600)];
    inbound.push(...refused);
    for (const token of refused) expect((await send(hello(), `Bearer ${token}`)).status).toBe(401);
    // Those were checked against the Bot Framework's keys (served here), and nothing was sent.
    expect(login.requests).toContain('GET login.botframework.com /v1/discovery/v2.0/keys');
    expect(fake.sent).toEqual([]);
  });

  it('answers commands while the token endpoint refuses the password, fails and drops the connection, then gives a token', async () => {
    login.failNext('invalid_client');
    login.failNext('500');
    login.failNext('drop');
    const create = () => channelMessage({ serviceUrl: fake.url, from: alice, text: 'set create Leaders tz Europe/London' });
    for (let i = 0; i < 6 && fake.sent.length === 0; i++) await fromTeams(create());
    expect(fake.sent.length).toBeGreaterThan(0);
    // The password reached the token endpoint (and only there), and a token came back.
    expect(login.secretSeen(APP_PASSWORD)).toBeGreaterThanOrEqual(3);
    expect(login.tokens.length).toBeGreaterThan(0);
    expect(teams.logs.join('')).toContain('invalid_client');
  });

  it('hands people files through consent cards, while the connector fails', async () => {
    fake.fail(1, 500);
    await fromTeams(channelMessage({ serviceUrl: fake.url, from: alice, text: 'member add @Bob @Carol', people: [bob, carol] }));
    // The schedule is kept; its answer is refused (401).
    fake.fail(1, 401);
    await fromTeams(channelMessage({ serviceUrl: fake.url, from: alice, text: 'schedule every week on tuesday at 10:00 from 2027-01-05 for 4 meetings' }));
    expect(teams.logs.join('')).toContain('schedule set');
    await fromTeams(personalMessage({ serviceUrl: fake.url, from: bob, text: 'privacy export' }));
    await acceptOffers(bob);
    await fromTeams(channelMessage({ serviceUrl: fake.url, from: alice, text: 'report' }));
    await acceptOffers(alice);
    // Three offers accepted (the export, the report's chart and its figures), each file made afresh and
    // uploaded. This process loaded Bolt before its first fetch, as `npm start` does, so Node 20's fetch
    // runs on Bolt's undici: the upload must not set a header it refuses (adapters/teams/files.ts).
    const failed = teams.logs.filter((l) => l.includes('could not handle a Teams activity') && l.includes('fileConsent/invoke'));
    expect(failed).toEqual([]);
    expect(fake.uploads.length).toBe(3);
  });

  it('sends nudges the connector fails, slows and refuses, and reports the dead one to the facilitator', async () => {
    fake.fail(1, 500);
    fake.fail(1, 429, 1);
    fake.fail(1, 403);
    await teams.advanceTo(new Date('2027-01-05T12:00:00Z'));
    expect(teams.logs.join('')).toContain('nudge dead-lettered');
  });

  it('shows none of its secrets in its logs, answers, messages, files, error messages or database', async () => {
    captured.add('logs', teams.logs.join(''));
    // What Setwise sent Teams; not the Authorization header, which carries the access token by design.
    for (const s of [...fake.sent, ...fake.updated]) captured.add('sent to Teams', s);
    for (const o of fake.opened) captured.add('sent to Teams', o.body);
    for (const u of fake.uploads) captured.add('files', u.body);
    const rows = await teams.opened.rows();
    for (const { row } of rows.filter((r) => r.table === 'jobs' && r.row.last_error)) captured.add('error messages', row.last_error);
    // Unlike Slack's installations, nothing Teams needs is kept: the password is configuration, the access token memory.
    captured.add('database', rows);
    const secrets = { 'app password': APP_PASSWORD, ...named('access token', login.tokens), ...named('inbound token', inbound) };
    expectNoLeaks(captured, secrets, ['logs', 'console', 'http answers', 'sent to Teams', 'error messages', 'database']);
  });
});

describe('real processes (as npm start runs them) at debug level', () => {
  /** Waits until the process answers /healthz, or fails with what it printed. */
  async function healthy(base: string, run: ReturnType<typeof startNode>): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if ((await fetch(`${base}/healthz`).then((r) => r.status, () => 0)) === 200) return;
      if (run.child.exitCode !== null) throw new Error(`Setwise exited: ${run.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Setwise did not become healthy: ${run.output()}`);
  }
  /** SIGTERM, and the process's last words. */
  async function stop(run: ReturnType<typeof startNode>): Promise<string> {
    run.child.kill('SIGTERM');
    await run.exited;
    return run.output();
  }

  it('Slack with OAuth: an install, a rotation, refused and failed calls and a privacy export print no secret or token', async () => {
    const captured = new Captured();
    const fake = await startFakeSlack({ users: { U0PAT: { name: 'pat', displayName: 'Pat' }, U0SAM: { name: 'sam', displayName: 'Sam' } } });
    const issued = rotatingOAuth(fake, { id: OAUTH.clientId, secret: OAUTH.clientSecret }, { 'code-process': NORTH });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const run = startNode(['src/main.ts'], {
      SETWISE_DB: ':memory:', LOG_LEVEL: 'debug', PORT: String(port), SLACK_API_URL: fake.url,
      SLACK_CLIENT_ID: OAUTH.clientId, SLACK_CLIENT_SECRET: OAUTH.clientSecret, SLACK_STATE_SECRET: OAUTH.stateSecret, SLACK_SIGNING_SECRET: SIGNING_SECRET,
    });
    try {
      await healthy(base, run);
      expect((await installSlack(captured, base, 'code-process')).status).toBe(200);

      const events = `${base}/slack/events`;
      const command = async (user: string, text: string) => {
        await keep(captured, await post(events, slashCommand({ text, userId: user, userName: user.slice(2).toLowerCase(), teamId: NORTH.id, channelId: 'C0PROC', channelName: 'leaders', responseUrl: fake.responseUrl(text) }), { secret: SIGNING_SECRET }));
        await expect.poll(() => fake.callsTo('response_url').filter((c) => c.id === text && c.status === 200).length, { timeout: 15_000 }).toBeGreaterThan(0);
      };
      fake.failNext('oauth.v2.access', { status: 200, body: { ok: false, error: 'invalid_refresh_token' } });
      await command('U0PAT', 'set create Process Set');
      fake.failNext('users.info', { status: 500 });
      fake.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'invalid_auth' } });
      await command('U0PAT', 'member add <@U0SAM|sam>');
      await command('U0SAM', 'privacy export');
      expect([...fake.uploads.values()].some((u) => u.filename.endsWith('.json'))).toBe(true);
      await keep(captured, await post(events, eventCallback({ eventId: 'Ev0PROCGONE', teamId: NORTH.id, event: { type: 'app_uninstalled' } }), { secret: SIGNING_SECRET }));
      await expect.poll(run.output, { timeout: 15_000 }).toContain('Slack installation removed');
    } finally {
      captured.add('stdout and stderr', await stop(run));
      await fake.close();
    }
    // It logged at debug level, and logged the failures, so a leak would have shown.
    expect(run.output()).toMatch(/"level":20/);
    expect(run.output()).toContain('token rotation');
    for (const call of fake.calls.filter((c) => c.method !== 'oauth.v2.access')) captured.add('sent to Slack', { method: call.method, args: call.args });
    for (const upload of fake.uploads.values()) captured.add('files', upload.bytes ?? Buffer.alloc(0));
    expect(issued.bot.length).toBeGreaterThanOrEqual(2);
    const secrets = { 'signing secret': SIGNING_SECRET, 'client secret': OAUTH.clientSecret, 'state secret': OAUTH.stateSecret, ...named('token', issued.all()) };
    expectNoLeaks(captured, secrets, ['stdout and stderr', 'http answers', 'sent to Slack', 'files'], SLACK_TOKEN_SHAPE);
  }, 90_000);

  it('Teams with an app password: refused requests (the password offered as a token among them) print no secret', async () => {
    const captured = new Captured();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const run = startNode(['src/main.ts'], {
      SETWISE_DB: ':memory:', LOG_LEVEL: 'debug', PORT: String(port),
      MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT,
    });
    try {
      await healthy(base, run);
      // Each is refused before any key is fetched: this process reaches no Microsoft host, and sends nothing.
      const foreign = `${Buffer.from('{"alg":"RS256","kid":"k1"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: 'https://sts.example/', aud: APP_ID })).toString('base64url')}.c2ln`;
      for (const authorization of [undefined, 'Bearer not-a-token', `Bearer ${APP_PASSWORD}`, `Basic ${Buffer.from(`${APP_ID}:${APP_PASSWORD}`).toString('base64')}`, `Bearer ${foreign}`]) {
        const answer = await fetch(`${base}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: JSON.stringify(personalMessage({ serviceUrl: 'https://smba.trafficmanager.net/emea/', from: teamsPerson('Pat'), text: 'help' })),
        });
        expect((await keep(captured, answer)).status).toBe(401);
      }
      await expect.poll(() => run.output().split('refused a Teams request').length - 1).toBe(5);
    } finally {
      captured.add('stdout and stderr', await stop(run));
    }
    expect(run.output()).toContain('Setwise is ready for Teams');
    expectNoLeaks(captured, { 'app password': APP_PASSWORD }, ['stdout and stderr', 'http answers']);
  }, 90_000);
});
