/**
 * `npm start` as Slack, as a real child process on a clean environment: a bad
 * credential stops start-up with one line naming it, and a running Setwise answers
 * signed requests, refuses forged ones and survives Slack's errors, without a token or
 * secret ever reaching its output, even at debug level.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startIn, type Run } from '../support/process';
import { startFakeSlack, type FakeSlack } from '../support/slack/fake-api';
import { blockAction, eventCallback, post, slashCommand } from '../support/slack/sign';
import { freePort } from '../support/free-port';

const TOKEN = 'xoxb-4444-5555-processtesttoken';
const SECRET = 'process-signing-secret-0123456789';
const APP_TOKEN = 'xapp-1-A1-4444-processapptoken';
const CLIENT_ID = '1234567890.1234567890';
const CLIENT_SECRET = 'client-secret-0123456789';
const STATE_SECRET = 'state-secret-0123456789abc';
/** Anything shaped like a Slack token (bot, user, app-level, refresh). */
const ANY_TOKEN = /x(?:ox[a-z]|app)-[A-Za-z0-9-]{6,}/;

/**
 * Every setting Setwise reads, blank: neither the test runner's environment nor a
 * developer's `.env` (which never overrides a variable that is set) can leak in.
 */
const CLEAN: Record<string, string> = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? tmpdir(),
  ...Object.fromEntries(
    [
      'SETWISE_ADAPTER', 'SETWISE_DB', 'PORT', 'LOG_LEVEL', 'SETWISE_PROMPTS', 'SETWISE_TICK',
      'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_API_URL',
      'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId',
    ].map((name) => [name, '']),
  ),
};

/** `npm start` with only `env` set, as a person would run it. */
const npmStart = (env: Record<string, string>): Promise<Run> => startIn({ ...CLEAN, ...env });

/** The values of an environment that must never be printed: tokens and secrets. */
const secretsIn = (env: Record<string, string>): string[] => Object.entries(env).flatMap(([name, value]) => (/TOKEN|SECRET/.test(name) && value ? [value] : []));

describe('start-up with bad Slack credentials', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['no bot token', { SETWISE_ADAPTER: 'slack', SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN: required'],
    ['a user token for a bot token', { SETWISE_ADAPTER: 'slack', SLACK_BOT_TOKEN: 'xoxp-9999-8888-usertoken', SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN: must be a bot token'],
    ['a bot token that is not one', { SETWISE_ADAPTER: 'slack', SLACK_BOT_TOKEN: 'abc', SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN: must be a bot token'],
    ['no signing secret', { SETWISE_ADAPTER: 'slack', SLACK_BOT_TOKEN: TOKEN }, 'SLACK_SIGNING_SECRET: required'],
    ['a short signing secret', { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: 'short-secret' }, 'SLACK_SIGNING_SECRET: looks too short'],
    ['Socket Mode without a bot token', { SETWISE_ADAPTER: 'slack', SLACK_APP_TOKEN: APP_TOKEN }, 'SLACK_BOT_TOKEN: required'],
    ['a bot token as the app token', { SLACK_BOT_TOKEN: TOKEN, SLACK_APP_TOKEN: 'xoxb-wrong-kind-apptoken' }, 'SLACK_APP_TOKEN: must be an app-level token'],
    ['an app token that is not one', { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_APP_TOKEN: 'app-token-garbage' }, 'SLACK_APP_TOKEN: must be an app-level token'],
    ['two of the three OAuth settings', { SLACK_CLIENT_ID: CLIENT_ID, SLACK_CLIENT_SECRET: CLIENT_SECRET, SLACK_SIGNING_SECRET: SECRET }, 'SLACK_STATE_SECRET: required'],
    ['one of the three OAuth settings', { SETWISE_ADAPTER: 'slack', SLACK_CLIENT_ID: CLIENT_ID, SLACK_SIGNING_SECRET: SECRET }, 'SLACK_CLIENT_SECRET: required'],
    ['the OAuth pair without its client id', { SETWISE_ADAPTER: 'slack', SLACK_CLIENT_SECRET: CLIENT_SECRET, SLACK_STATE_SECRET: STATE_SECRET, SLACK_SIGNING_SECRET: SECRET }, 'SLACK_CLIENT_ID: required'],
    ['a bot token as well as OAuth', { SLACK_BOT_TOKEN: TOKEN, SLACK_CLIENT_ID: CLIENT_ID, SLACK_CLIENT_SECRET: CLIENT_SECRET, SLACK_STATE_SECRET: STATE_SECRET, SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN: leave it unset'],
    ['a short client secret', { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_CLIENT_SECRET: 'tiny' }, 'SLACK_CLIENT_SECRET: looks too short'],
  ];

  it.each(cases)('%s: exits non-zero with one stderr line naming the variable, never echoing a value', async (_name, env, expected) => {
    const run = await npmStart({ SETWISE_DB: ':memory:', ...env });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toEqual([expect.stringContaining(`setwise: ${expected}`)]);
    for (const secret of secretsIn(env)) expect(run.stdout + run.stderr).not.toContain(secret);
    expect(run.stdout + run.stderr).not.toMatch(ANY_TOKEN);
  }, 60_000);

  it('a bot token Slack refuses (auth.test: invalid_auth): exits non-zero with one stderr line naming it, never echoing it', async () => {
    const fake = await startFakeSlack();
    try {
      fake.failNext('auth.test', { status: 200, body: { ok: false, error: 'invalid_auth' } });
      const env = { SETWISE_DB: ':memory:', SLACK_BOT_TOKEN: 'xoxb-7777-8888-refusedtoken', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, PORT: String(await freePort()) };
      const run = await npmStart(env);
      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^setwise: .*SLACK_BOT_TOKEN: .*invalid_auth/)]);
      expect(fake.callsTo('auth.test').map((c) => c.token)).toEqual([env.SLACK_BOT_TOKEN]);
      for (const secret of secretsIn(env)) expect(run.stdout + run.stderr).not.toContain(secret);
      expect(run.stdout + run.stderr).not.toMatch(ANY_TOKEN);
    } finally {
      await fake.close();
    }
  }, 60_000);
});

describe('a start the machine refuses', () => {
  it('exits with one line, rather than hanging, when its port is taken', async () => {
    const fake = await startFakeSlack();
    const port = await freePort();
    const squatter = createServer().listen(port, '127.0.0.1');
    try {
      const run = await npmStart({ SETWISE_DB: ':memory:', SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, PORT: String(port) });
      expect(run.code).not.toBe(0);
      expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^setwise: could not start: .*EADDRINUSE/)]);
      // Nothing was sent: Slack is started before the scheduler's first tick.
      expect(fake.calls.map((c) => c.method)).toEqual(['auth.test']);
    } finally {
      squatter.close();
      await fake.close();
    }
  }, 60_000);
});

describe('a running Setwise for Slack', () => {
  let fake: FakeSlack;
  let child: ChildProcess;
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  let output = '';
  let base = '';
  const events = () => `${base}/slack/events`;
  const lines = () =>
    output.split('\n').flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });

  beforeAll(async () => {
    fake = await startFakeSlack({ users: { U0ALICE: { name: 'alice', displayName: 'Alice', tz: 'Europe/London' }, U0BOB: { name: 'bob', displayName: 'Bob' } } });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...CLEAN, SETWISE_DB: ':memory:', LOG_LEVEL: 'debug', PORT: String(port), SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    // Ready when /healthz answers (a hook cannot use expect.poll).
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if ((await fetch(`${base}/healthz`).then((r) => r.status, () => 0)) === 200) return;
      if (child.exitCode !== null) throw new Error(`Setwise exited: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Setwise did not become healthy: ${output}`);
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    await fake?.close();
  });

  it('is healthy at /healthz and says it is ready for Slack', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', adapter: 'slack' });
    await expect.poll(() => lines().find((l) => l.msg === 'Setwise is ready for Slack')).toMatchObject({ mode: 'http', workspaces: 'one' });
    // Bolt checked the token with Slack at start-up.
    expect(fake.callsTo('auth.test').map((c) => c.token)).toContain(TOKEN);
  });

  it('answers a signed command, refuses a forged one and a garbage button, survives Slack\'s errors, and never prints a token or secret', async () => {
    const command = (text: string, id = text) => slashCommand({ text, userId: 'U0ALICE', userName: 'alice', teamId: 'T1', channelId: 'C0LEADERS', channelName: 'leaders', responseUrl: fake.responseUrl(id) });
    const dm = (text: string, eventId: string) => eventCallback({ eventId, teamId: 'T1', event: { type: 'message', channel_type: 'im', channel: 'DU0ALICE', user: 'U0ALICE', text, ts: `${Math.floor(Date.now() / 1000)}.000100` } });
    const answered = (id: string) => fake.callsTo('response_url').filter((c) => c.id === id);

    // A command that replies.
    expect((await post(events(), command('set create Process Set'), { secret: SECRET })).status).toBe(200);
    await expect.poll(() => answered('set create Process Set').length, { timeout: 15_000 }).toBe(1);
    expect(JSON.stringify(answered('set create Process Set')[0]!.args)).toContain('Process Set');

    // A wrongly signed one: refused, and nothing done.
    expect((await post(events(), command('set rename Forged', 'forged'), { secret: 'a-wrong-signing-secret-000' })).status).toBe(401);

    // A button press with a value Setwise never wrote: refused politely.
    const junk = blockAction({ actionId: 'rsvp#0', value: 'garbage:::', userId: 'U0ALICE', teamId: 'T1', responseUrl: fake.responseUrl('junk'), channelId: 'C0LEADERS', channelName: 'leaders' });
    expect((await post(events(), junk, { secret: SECRET })).status).toBe(200);
    await expect.poll(() => answered('junk').length, { timeout: 15_000 }).toBe(1);
    expect(answered('junk')[0]!.args).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('no longer active') });

    // Slack failing in the ways it can: a 500, invalid_auth, a 429. The process logs it and carries on.
    fake.failNext('users.info', { status: 500 });
    fake.failNext('views.publish', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    fake.failNext('response_url', { status: 429, retryAfter: 3 });
    await post(events(), command('member add <@U0BOB|bob>'), { secret: SECRET });
    // The answer met the 429; the person is then told, on the same response_url, that something went wrong.
    await expect.poll(() => answered('member add <@U0BOB|bob>').map((c) => c.status), { timeout: 15_000 }).toEqual([429, 200]);
    expect(answered('member add <@U0BOB|bob>')[1]!.args).toMatchObject({ response_type: 'ephemeral' });

    // chat.postMessage (a command typed in the DM is answered there) refused three ways, then fine.
    const posts = () => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0ALICE');
    const failures = [
      { status: 429, retryAfter: 1 },
      { status: 200, body: { ok: false, error: 'invalid_auth' } },
      { status: 500 },
    ];
    for (const [i, failure] of failures.entries()) {
      fake.failNext('chat.postMessage', failure);
      expect((await post(events(), dm('help', `Ev0FAIL${i}`), { secret: SECRET })).status).toBe(200);
      await expect.poll(() => posts().length, { timeout: 15_000 }).toBe(i + 1);
    }
    expect(posts().map((c) => c.status)).toEqual([429, 200, 500]);
    await post(events(), dm('help', 'Ev0FINE'), { secret: SECRET });
    await expect.poll(() => posts().length, { timeout: 15_000 }).toBe(4);
    expect(posts()[3]!.status).toBe(200);

    // Still up, still answering, and every call it made carried the bot token.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await post(events(), command('set info'), { secret: SECRET });
    await expect.poll(() => answered('set info').length, { timeout: 15_000 }).toBe(1);
    expect(fake.calls.filter((c) => c.method !== 'response_url').every((c) => c.token === TOKEN)).toBe(true);
    expect(answered('forged')).toEqual([]);
    expect(JSON.stringify(answered('set info')[0]!.args)).not.toContain('Forged');
    // Its log said what went wrong (so the errors were logged, not swallowed)...
    await expect.poll(() => lines().filter((l) => (l.level as number) >= 40).length).toBeGreaterThanOrEqual(3);

    // SIGTERM ends it at once, with the signal's exit status.
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 128 + 15, signal: null });

    // ...and nothing it wrote, to stdout or stderr, at debug level, holds a token or secret.
    expect(lines().some((l) => l.level === 20)).toBe(true);
    for (const secret of [TOKEN, SECRET]) expect(output).not.toContain(secret);
    expect(output).not.toMatch(ANY_TOKEN);
  }, 90_000);
});
