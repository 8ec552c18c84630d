/**
 * `npm start` as Slack: a bad credential stops start-up with one line naming it, and
 * a running Setwise answers signed requests without a token or secret ever reaching
 * its output, whatever the log level and whatever Slack answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, start } from '../support/process';
import { startFakeSlack, type FakeSlack } from '../support/slack/fake-api';
import { blockAction, post, slashCommand } from '../support/slack/sign';
import { freePort } from '../support/slack/setwise';

const TOKEN = 'xoxb-4444-5555-processtesttoken';
const SECRET = 'process-signing-secret-0123456789';
const APP_TOKEN = 'xapp-1-A1-4444-processapptoken';

describe('start-up with bad Slack credentials', () => {
  const cases: [string, Record<string, string>, string, string | undefined][] = [
    ['no bot token', { SETWISE_ADAPTER: 'slack', SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN: required', undefined],
    ['a user token for a bot token', { SLACK_BOT_TOKEN: 'xoxp-9999-user-token', SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN: must be a bot token', 'xoxp-9999-user-token'],
    ['a bot token that is not one', { SETWISE_ADAPTER: 'slack', SLACK_BOT_TOKEN: 'abc-not-a-token', SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN: must be a bot token', 'abc-not-a-token'],
    ['no signing secret', { SLACK_BOT_TOKEN: TOKEN }, 'SLACK_SIGNING_SECRET: required', undefined],
    ['a short signing secret', { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: 'short-secret' }, 'SLACK_SIGNING_SECRET: looks too short', 'short-secret'],
    ['a bot token as the app token', { SLACK_BOT_TOKEN: TOKEN, SLACK_APP_TOKEN: 'xoxb-wrong-kind-apptoken' }, 'SLACK_APP_TOKEN: must be an app-level token', 'xoxb-wrong-kind-apptoken'],
    ['two of the three OAuth settings', { SLACK_CLIENT_ID: '1234567890.1234567890', SLACK_CLIENT_SECRET: 'client-secret-0123456789', SLACK_SIGNING_SECRET: SECRET }, 'SLACK_STATE_SECRET: required', undefined],
    ['a short client secret', { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_CLIENT_SECRET: 'tiny' }, 'SLACK_CLIENT_SECRET: looks too short', 'tiny'],
  ];

  it.each(cases)('%s stops it with one line naming the variable, never echoing the value', async (_name, env, expected, value) => {
    const run = await start('', { SETWISE_DB: ':memory:', ...env });
    expect(run.code).not.toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`setwise: ${expected}`);
    if (value) expect(run.stdout + run.stderr).not.toContain(value);
  }, 30_000);
});

describe('a running Setwise for Slack', () => {
  let fake: FakeSlack;
  let child: ChildProcess;
  let output = '';
  let base = '';

  beforeAll(async () => {
    fake = await startFakeSlack({ users: { U0ALICE: { name: 'alice', displayName: 'Alice', tz: 'Europe/London' } } });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, SETWISE_ADAPTER: '', SETWISE_DB: ':memory:', LOG_LEVEL: 'debug', PORT: String(port), SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, SLACK_APP_TOKEN: '', MicrosoftAppId: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    // Ready when /healthz answers (a hook cannot use expect.poll).
    for (let i = 0; i < 150; i++) {
      if ((await fetch(`${base}/healthz`).then((r) => r.status, () => 0)) === 200) return;
      if (child.exitCode !== null) throw new Error(`Setwise exited: ${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`Setwise did not become healthy: ${output}`);
  }, 40_000);

  afterAll(async () => {
    child.kill('SIGKILL');
    await fake.close();
  });

  it('says it is ready and healthy', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', adapter: 'slack' });
    await expect.poll(() => output).toContain('Setwise is ready for Slack');
  });

  it('answers, refuses and survives Slack errors, and never prints a token or secret', async () => {
    const events = `${base}/slack/events`;
    const command = (text: string) => slashCommand({ text, userId: 'U0ALICE', userName: 'alice', teamId: 'T1', channelId: 'C0LEADERS', channelName: 'leaders', responseUrl: fake.responseUrl(text) });
    expect((await post(events, command('set create Process Set'), { secret: SECRET })).status).toBe(200);
    await expect.poll(() => fake.callsTo('response_url').length, { timeout: 10_000 }).toBe(1);
    expect((await post(events, command('help'), { secret: 'a-wrong-signing-secret-000' })).status).toBe(401);
    await post(events, blockAction({ actionId: 'rsvp#0', value: 'garbage:::', userId: 'U0ALICE', teamId: 'T1', responseUrl: fake.responseUrl('junk'), channelId: 'C0LEADERS', channelName: 'leaders' }), { secret: SECRET });
    // Slack failing in every way it can: the process logs it and carries on.
    fake.failNext('users.info', { status: 500 });
    fake.failNext('views.publish', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    fake.failNext('response_url', { status: 429, retryAfter: 3 });
    await post(events, command('member add <@U0BOB|bob>'), { secret: SECRET });
    await post(events, command('rotation'), { secret: SECRET });
    await expect.poll(() => fake.callsTo('response_url').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(output).toContain('"level":20'); // debug lines were written, so a leak would show
    for (const secret of [TOKEN, SECRET, APP_TOKEN]) expect(output).not.toContain(secret);
    expect(output).not.toMatch(/x(?:ox[a-z]|app)-[A-Za-z0-9-]{6,}/);
  }, 40_000);
});
