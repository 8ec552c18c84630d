/**
 * Several workspaces: the OAuth install through Bolt's installer, against the fake
 * Slack's oauth.v2.access. Installations live in the database (through the Store),
 * survive a restart, and every call for a workspace carries that workspace's token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../../adapters/slack/scopes';
import { startFakeSlack, type FakeSlack } from '../../support/slack/fake-api';
import { eventCallback, post, slashCommand } from '../../support/slack/sign';
import { SIGNING_SECRET, startSetwiseSlack, type SetwiseSlack } from '../../support/slack/setwise';

const OAUTH = { clientId: '1234567890.9876543210', clientSecret: 'oauth-client-secret-abcdef0123', stateSecret: 'state-secret-for-the-install-0001' };
const TOKENS = { T0NORTH: 'xoxb-north-1111-northtoken', T0SOUTH: 'xoxb-south-2222-southtoken' };

let fake: FakeSlack;
let slack: SetwiseSlack;
let dir: string;
/** Everything either run of Setwise logged. */
const logs: string[] = [];
const file = () => join(dir, 'oauth.db');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'setwise-oauth-'));
  fake = await startFakeSlack({
    users: { U0NORA: { name: 'nora', displayName: 'Nora', tz: 'Europe/London' }, U0SAM: { name: 'sam', displayName: 'Sam', tz: 'Europe/London' } },
    oauthCodes: {
      'code-north': { team: { id: 'T0NORTH', name: 'North' }, accessToken: TOKENS.T0NORTH },
      'code-south': { team: { id: 'T0SOUTH', name: 'South' }, accessToken: TOKENS.T0SOUTH },
    },
    tokens: { [TOKENS.T0NORTH]: { id: 'T0NORTH', name: 'North' }, [TOKENS.T0SOUTH]: { id: 'T0SOUTH', name: 'South' } },
  });
  slack = await startSetwiseSlack(fake, new Date('2027-01-04T09:00:00Z'), { botToken: undefined, oauth: OAUTH }, file());
});
afterAll(async () => {
  await slack.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Walks the install as a browser would: /slack/install, Slack's consent (skipped), back to /slack/oauth_redirect. */
async function install(code: string): Promise<Response> {
  const start = await fetch(`${slack.base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  return fetch(`${slack.base}/slack/oauth_redirect?code=${code}&state=${authorize.searchParams.get('state')}`, { headers: { cookie }, redirect: 'manual' });
}

const command = (team: string, user: string, text: string) =>
  post(slack.events, slashCommand({ text, userId: user, userName: user.slice(2).toLowerCase(), teamId: team, channelId: `C0${team}`, channelName: 'leaders', responseUrl: fake.responseUrl(`${team}-${text}`) }), { secret: SIGNING_SECRET });

describe('installing into several workspaces', () => {
  it('sends /slack/install to Slack\'s consent page, on SLACK_API_URL\'s host, asking for exactly the bot scopes', async () => {
    const start = await fetch(`${slack.base}/slack/install`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(new URL(fake.url).origin);
    expect(authorize.pathname).toBe('/oauth/v2/authorize');
    expect(authorize.searchParams.get('client_id')).toBe(OAUTH.clientId);
    expect(authorize.searchParams.get('scope')!.split(',').sort()).toEqual(Object.keys(BOT_SCOPES).sort());
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(start.headers.get('set-cookie')).toMatch(/state/i);
  });

  it('stores each installation in the database, with its own token', async () => {
    expect((await install('code-north')).status).toBe(200);
    expect((await install('code-south')).status).toBe(200);
    expect(fake.callsTo('oauth.v2.access').map((c) => c.args.code)).toEqual(['code-north', 'code-south']);
    const rows = slack.opened.rows().filter((r) => r.table === 'installations');
    expect(rows.map((r) => r.row.install_key).sort()).toEqual(['team:T0NORTH', 'team:T0SOUTH']);
    expect(rows.map((r) => JSON.stringify(r.row.data)).join()).toContain(TOKENS.T0NORTH);
  });

  it('refuses a callback whose state it did not issue, and stores nothing', async () => {
    const forged = await fetch(`${slack.base}/slack/oauth_redirect?code=code-north&state=forged`, { redirect: 'manual' });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(slack.opened.rows().filter((r) => r.table === 'installations')).toHaveLength(2);
  });

  it('answers each workspace with its own token, and nobody from a workspace that never installed', async () => {
    fake.clear();
    await command('T0NORTH', 'U0NORA', 'set create North Set tz Europe/London');
    await command('T0SOUTH', 'U0SAM', 'set create South Set tz Europe/London');
    await expect.poll(() => fake.callsTo('response_url').length).toBe(2);
    // Every Web API call made for a workspace carried that workspace's token.
    const byToken = (token: string) => fake.calls.filter((c) => c.token === token);
    expect(byToken(TOKENS.T0NORTH).length).toBeGreaterThan(0);
    expect(byToken(TOKENS.T0SOUTH).length).toBeGreaterThan(0);
    expect(fake.calls.filter((c) => c.method !== 'response_url' && c.token !== TOKENS.T0NORTH && c.token !== TOKENS.T0SOUTH)).toEqual([]);
    expect(byToken(TOKENS.T0NORTH).every((c) => c.args.user === undefined || c.args.user === 'U0NORA')).toBe(true);

    fake.clear();
    await command('T0NOWHERE', 'U0NORA', 'set create Stray');
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.callsTo('response_url')).toEqual([]);
    expect(slack.opened.rows().filter((r) => r.table === 'sets')).toHaveLength(2);
  });

  it('keeps installations across a restart, and forgets one when Slack says the app was uninstalled', async () => {
    await slack.close();
    logs.push(...slack.logs);
    slack = await startSetwiseSlack(fake, new Date('2027-01-04T09:00:00Z'), { botToken: undefined, oauth: OAUTH }, file());
    fake.clear();
    await command('T0NORTH', 'U0NORA', 'set info');
    await expect.poll(() => fake.callsTo('response_url').length).toBe(1);
    expect(JSON.stringify(fake.callsTo('response_url')[0]!.args)).toContain('North Set');

    await post(slack.events, eventCallback({ event: { type: 'app_uninstalled' }, eventId: 'Ev0GONE', teamId: 'T0SOUTH' }), { secret: SIGNING_SECRET });
    await expect.poll(() => slack.opened.rows().filter((r) => r.table === 'installations').map((r) => r.row.install_key)).toEqual(['team:T0NORTH']);
  });

  it('never writes a token or secret to its log, even at debug level', () => {
    const logged = [...logs, ...slack.logs].join('\n');
    // The OAuth exchange was logged at debug level (so a leak would show)...
    expect(logged).toContain('oauth.v2.access');
    expect(logged.length).toBeGreaterThan(0);
    for (const secret of [...Object.values(TOKENS), OAUTH.clientSecret, OAUTH.stateSecret, SIGNING_SECRET]) expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/xox[abpr]-[A-Za-z0-9-]{6,}/);
  });
});
