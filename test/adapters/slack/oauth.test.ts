/**
 * Several workspaces: the OAuth install through Bolt's installer, against the fake
 * Slack's oauth.v2.access. Installations live in the database (through the Store), are
 * read from it on every request, survive a restart, and every call made for a workspace
 * carries that workspace's own token.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../../adapters/slack/scopes';
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../../support/slack/fake-api';
import { eventCallback, post, slashCommand } from '../../support/slack/sign';
import { SIGNING_SECRET, startSetwiseSlack, type SetwiseSlack } from '../../support/slack/setwise';

const OAUTH = { clientId: '1234567890.9876543210', clientSecret: 'oauth-client-secret-abcdef0123', stateSecret: 'state-secret-for-the-install-0001' };
const NORTH = { id: 'T0NORTH', name: 'North' };
const SOUTH = { id: 'T0SOUTH', name: 'South' };
const TOKENS = { T0NORTH: 'xoxb-north-1111-northtoken', T0SOUTH: 'xoxb-south-2222-southtoken' } as const;
const ROTATED = 'xoxb-north-3333-rotatedtoken';
/** Who belongs to which workspace: every call about one of them must carry that workspace's token. */
const HOME_TEAM: Record<string, keyof typeof TOKENS> = { U0NORA: 'T0NORTH', U0NED: 'T0NORTH', C0T0NORTH: 'T0NORTH', U0SAM: 'T0SOUTH', U0SUE: 'T0SOUTH', C0T0SOUTH: 'T0SOUTH' };
const START = new Date('2027-01-04T09:00:00Z');

let fake: FakeSlack;
let slack: SetwiseSlack;
let dir: string;
/** Everything every run of Setwise logged. */
const logs: string[] = [];
const file = () => join(dir, 'oauth.db');
const settings = { botToken: undefined, oauth: OAUTH };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'setwise-oauth-'));
  fake = await startFakeSlack({
    users: {
      U0NORA: { name: 'nora', displayName: 'Nora' },
      U0NED: { name: 'ned', displayName: 'Ned' },
      U0SAM: { name: 'sam', displayName: 'Sam' },
      U0SUE: { name: 'sue', displayName: 'Sue' },
    },
    oauthClient: { id: OAUTH.clientId, secret: OAUTH.clientSecret },
    oauthCodes: {
      'code-north': { team: NORTH, accessToken: TOKENS.T0NORTH },
      'code-south': { team: SOUTH, accessToken: TOKENS.T0SOUTH },
      'code-west': { team: { id: 'T0WEST', name: 'West' }, accessToken: 'xoxb-west-4444-westtoken' },
    },
  });
  fake.tokens.set(ROTATED, NORTH);
  slack = await startSetwiseSlack(fake, START, settings, file());
});
afterAll(async () => {
  await slack?.close();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** GET /slack/install as a browser would: the redirect to Slack's consent page, and the state cookie it sets. */
async function beginInstall(): Promise<{ authorize: URL; cookie: string }> {
  const start = await fetch(`${slack.base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const cookie = start.headers.get('set-cookie');
  expect(cookie).toBeTruthy();
  return { authorize: new URL(start.headers.get('location')!), cookie: cookie!.split(';')[0]! };
}

/** The whole install: /slack/install, Slack's consent (skipped), back to /slack/oauth_redirect with the code and that browser's cookie. */
async function install(code: string): Promise<Response> {
  const { authorize, cookie } = await beginInstall();
  return fetch(`${slack.base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(authorize.searchParams.get('state')!)}`, { headers: { cookie }, redirect: 'manual' });
}

const command = (team: string, user: string, text: string) =>
  post(slack.events, slashCommand({ text, userId: user, userName: user.slice(2).toLowerCase(), teamId: team, channelId: `C0${team}`, channelName: 'leaders', responseUrl: fake.responseUrl(`${team}-${user}-${text}`) }), { secret: SIGNING_SECRET });

const installed = async () => (await slack.opened.rows()).filter((r) => r.table === 'installations');
const webApi = () => fake.calls.filter((c) => c.method !== 'response_url');
/** The person or channel a Web API call is about. */
const subjectOf = (c: RecordedCall): string => String(c.args.user ?? c.args.user_id ?? c.args.users ?? c.args.channel ?? c.args.channel_id ?? '');

/** Every Web API call carries the token of the workspace whose person or channel it is about. */
function expectEachCallWithItsWorkspaceToken(): void {
  expect(webApi().length).toBeGreaterThan(0);
  for (const call of webApi()) {
    const team = HOME_TEAM[subjectOf(call).replace(/^D(?=U)/, '')];
    expect({ method: call.method, subject: subjectOf(call), team }).toMatchObject({ team: expect.any(String) });
    expect({ method: call.method, token: call.token }).toEqual({ method: call.method, token: TOKENS[team!] });
  }
}

describe('installing into several workspaces', () => {
  it('sends /slack/install to Slack\'s consent page, on SLACK_API_URL\'s host, asking for exactly the bot scopes, with a state cookie', async () => {
    const { authorize, cookie } = await beginInstall();
    expect(authorize.origin).toBe(new URL(fake.url).origin);
    expect(authorize.pathname).toBe('/oauth/v2/authorize');
    expect(authorize.searchParams.get('client_id')).toBe(OAUTH.clientId);
    expect(authorize.searchParams.get('scope')!.split(',').sort()).toEqual(Object.keys(BOT_SCOPES).sort());
    const state = authorize.searchParams.get('state')!;
    expect(state).toBeTruthy();
    // The browser that began the install carries the state back in a cookie.
    expect(cookie).toMatch(/state/i);
    expect(decodeURIComponent(cookie.split('=').slice(1).join('='))).toBe(state);
    // Nothing has been asked of Slack yet, and nothing stored.
    expect(fake.callsTo('oauth.v2.access')).toEqual([]);
    expect(await installed()).toEqual([]);
  });

  it('exchanges the code with oauth.v2.access and stores each installation in the database, with its own token', async () => {
    expect((await install('code-north')).status).toBe(200);
    expect((await install('code-south')).status).toBe(200);
    const exchanges = fake.callsTo('oauth.v2.access');
    expect(exchanges.map((c) => c.args.code)).toEqual(['code-north', 'code-south']);
    expect(exchanges.every((c) => c.args.client_id === OAUTH.clientId)).toBe(true);
    expect((await installed()).map((r) => r.row.install_key).sort()).toEqual(['team:T0NORTH', 'team:T0SOUTH']);
    // Through the Store, as any instance of Setwise on this database reads it.
    const north = (await slack.opened.store.installations.find('slack', 'team:T0NORTH')) as { bot?: { token?: string }; team?: { id?: string } };
    const south = (await slack.opened.store.installations.find('slack', 'team:T0SOUTH')) as { bot?: { token?: string } };
    expect(north).toMatchObject({ team: { id: 'T0NORTH' }, bot: { token: TOKENS.T0NORTH } });
    expect(south).toMatchObject({ bot: { token: TOKENS.T0SOUTH } });
    // Nothing but the database (and its journal) is written beside it.
    expect(readdirSync(dir).filter((f) => !f.startsWith('oauth.db'))).toEqual([]);
  });

  it('refuses a callback whose state it did not issue, or that comes back without the state cookie, and exchanges nothing', async () => {
    const forged = await fetch(`${slack.base}/slack/oauth_redirect?code=code-west&state=forged`, { redirect: 'manual' });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    const { authorize } = await beginInstall();
    const cookieless = await fetch(`${slack.base}/slack/oauth_redirect?code=code-west&state=${encodeURIComponent(authorize.searchParams.get('state')!)}`, { redirect: 'manual' });
    expect(cookieless.status).toBeGreaterThanOrEqual(400);
    expect(fake.callsTo('oauth.v2.access').map((c) => c.args.code)).not.toContain('code-west');
    expect(await installed()).toHaveLength(2);
  });

  it('answers each workspace\'s command, and every call made for it (lookups, replies, DMs, App Homes) carries that workspace\'s token', async () => {
    fake.clear();
    expect((await command('T0NORTH', 'U0NORA', 'set create North Set tz Europe/London')).status).toBe(200);
    expect((await command('T0SOUTH', 'U0SAM', 'set create South Set tz Europe/London')).status).toBe(200);
    await expect.poll(() => fake.callsTo('response_url').length).toBe(2);
    expect((await command('T0NORTH', 'U0NORA', 'member add <@U0NED>')).status).toBe(200);
    expect((await command('T0SOUTH', 'U0SAM', 'member add <@U0SUE>')).status).toBe(200);
    await expect.poll(() => fake.callsTo('response_url').length).toBe(4);
    // Each new member is told by DM, through the outbound chat port, and each Home is redrawn.
    await expect.poll(() => fake.callsTo('chat.postMessage').map((c) => c.args.channel).sort()).toEqual(['U0NED', 'U0SUE']);
    await expect.poll(() => new Set(fake.callsTo('views.publish').map((c) => c.args.user_id))).toEqual(new Set(['U0NORA', 'U0NED', 'U0SAM', 'U0SUE']));
    const replies = fake.callsTo('response_url').map((c) => `${c.id} ${JSON.stringify(c.args)}`);
    expect(replies.filter((r) => r.startsWith('T0NORTH') && r.includes('North Set'))).toHaveLength(2);
    expect(replies.filter((r) => r.startsWith('T0SOUTH') && r.includes('South Set'))).toHaveLength(2);
    expectEachCallWithItsWorkspaceToken();
  });

  it('reads the token from the database on every request: a token changed there is the one used next', async () => {
    const stored = await slack.opened.store.installations.find('slack', 'team:T0NORTH');
    const rotated = JSON.parse(JSON.stringify(stored)) as { bot: { token: string } };
    rotated.bot.token = ROTATED;
    await slack.opened.store.installations.save('slack', 'team:T0NORTH', rotated, START);
    try {
      fake.clear();
      await command('T0NORTH', 'U0NORA', 'set info');
      await expect.poll(() => fake.callsTo('response_url').length).toBe(1);
      await expect.poll(() => fake.callsTo('views.publish').length).toBe(1);
      expect(new Set(webApi().map((c) => c.token))).toEqual(new Set([ROTATED]));
    } finally {
      await slack.opened.store.installations.save('slack', 'team:T0NORTH', stored, START);
    }
  });

  it('does not answer a workspace that never installed it, and sends nothing with another workspace\'s token', async () => {
    fake.clear();
    const before = slack.logs.length;
    const answer = await command('T0NOWHERE', 'U0NORA', 'set create Stray');
    // Bolt's authorize has failed by the time the request is answered: no listener ran.
    expect(answer.status).toBeLessThan(500);
    expect(fake.calls).toEqual([]);
    expect(slack.logs.slice(before).join('\n')).toContain('Authorization of incoming event did not succeed');
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.calls).toEqual([]);
    expect((await slack.opened.rows()).filter((r) => r.table === 'sets').map((r) => r.row.name).sort()).toEqual(['North Set', 'South Set']);
  });

  it('keeps installations across a restart on the same database, each still answered with its own token', async () => {
    await slack.close();
    logs.push(...slack.logs);
    slack = await startSetwiseSlack(fake, START, settings, file());
    fake.clear();
    await command('T0NORTH', 'U0NORA', 'set info');
    await command('T0SOUTH', 'U0SAM', 'set info');
    await expect.poll(() => fake.callsTo('response_url').length).toBe(2);
    await expect.poll(() => new Set(fake.callsTo('views.publish').map((c) => c.args.user_id))).toEqual(new Set(['U0NORA', 'U0SAM']));
    const replies = fake.callsTo('response_url').map((c) => `${c.id} ${JSON.stringify(c.args)}`);
    expect(replies.find((r) => r.startsWith('T0NORTH'))).toContain('North Set');
    expect(replies.find((r) => r.startsWith('T0SOUTH'))).toContain('South Set');
    expectEachCallWithItsWorkspaceToken();
    // No new install was needed.
    expect(fake.callsTo('oauth.v2.access')).toEqual([]);
  });

  it('forgets a workspace when Slack says the app was uninstalled, and no longer answers it', async () => {
    await post(slack.events, eventCallback({ event: { type: 'app_uninstalled' }, eventId: 'Ev0GONE', teamId: 'T0SOUTH' }), { secret: SIGNING_SECRET });
    await expect.poll(async () => (await installed()).map((r) => r.row.install_key)).toEqual(['team:T0NORTH']);
    fake.clear();
    await command('T0SOUTH', 'U0SAM', 'set info');
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.calls).toEqual([]);
  });

  it('never writes a token or secret to its log, even at debug level', () => {
    const logged = [...logs, ...slack.logs].join('\n');
    // The OAuth exchange was logged at debug level, so a leak would show.
    expect(logged).toContain('oauth.v2.access');
    for (const secret of [...Object.values(TOKENS), ROTATED, OAUTH.clientSecret, OAUTH.stateSecret, SIGNING_SECRET]) expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/x(?:ox[a-z]|app)-[A-Za-z0-9-]{6,}/);
  });
});
