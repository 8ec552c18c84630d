import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
};

describe('configuration', () => {
  it('defaults to the console on a local file', () => {
    expect(loadConfig({})).toMatchObject({ adapter: 'console', db: './data/setwise.db', port: 3978, tick: '* * * * *', logLevel: undefined });
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ PORT: '', SETWISE_ADAPTER: ' ' })).toMatchObject({ adapter: 'console', port: 3978 });
  });

  it('chooses the adapter from the credentials present', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's'.repeat(32) }).adapter).toBe('slack');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).adapter).toBe('slack');
    expect(loadConfig({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'pw' }).adapter).toBe('teams');
    expect(loadConfig({ SETWISE_ADAPTER: 'teams' }).adapter).toBe('teams'); // no app id: local, unauthenticated
  });

  it('takes PostgreSQL from SETWISE_DATABASE_URL, and SQLite stays the default', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ SETWISE_DATABASE_URL: ' ' }).databaseUrl).toBeUndefined();
    for (const url of ['postgres://setwise:pw@db.internal:5432/setwise', 'postgresql://db/setwise?sslmode=require', 'postgres:///setwise?host=/var/run/postgresql']) {
      expect(loadConfig({ SETWISE_DATABASE_URL: url }).databaseUrl).toBe(url);
    }
  });

  it('refuses a database URL it cannot use, saying why and never repeating it', () => {
    const cases: [string, RegExp][] = [
      ['not a url at all, hunter2', /^SETWISE_DATABASE_URL: must be a URL such as postgres:\/\/host:5432\/setwise \(user and password before the host, as the server needs\)$/],
      ['mysql://root:hunter2@db/setwise', /^SETWISE_DATABASE_URL: must start with postgres:\/\/ /],
      ['postgres://root:hunter2@db.internal:5432', /^SETWISE_DATABASE_URL: must name the database after the host/],
      ['postgres://root:hunter2@db.internal/a/b', /^SETWISE_DATABASE_URL: must name the database after the host/],
      ['postgres:///setwise', /^SETWISE_DATABASE_URL: must name the server's host, as in postgres:\/\/host:5432\/setwise$/],
    ];
    for (const [url, message] of cases) {
      const said = refusal({ SETWISE_DATABASE_URL: url });
      expect(said, url).toMatch(message);
      expect(said, url).not.toContain('hunter2');
      expect(said, url).not.toContain('root');
    }
  });

  it('names the variable and the problem in one line', () => {
    const cases: [Record<string, string>, string][] = [
      [{ PORT: 'abc' }, 'PORT: must be a whole number from 1 to 65535 (got "abc")'],
      [{ PORT: '70000' }, 'PORT: must be a whole number from 1 to 65535 (got "70000")'],
      [{ SETWISE_DB: '/nonexistent/dir/x.db' }, 'SETWISE_DB: the directory /nonexistent/dir does not exist (got "/nonexistent/dir/x.db")'],
      [{ SETWISE_ADAPTER: 'irc' }, 'SETWISE_ADAPTER: must be console, slack or teams (got "irc")'],
      [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
      [{ SETWISE_TICK: 'every minute' }, 'SETWISE_TICK: must be a cron expression of 5 or 6 fields, e.g. "* * * * *" (got "every minute")'],
      [{ SLACK_API_URL: 'not a url' }, 'SLACK_API_URL: must be an http(s) URL (got "not a url")'],
      [{ SLACK_API_URL: 'https://proxy.example' }, 'SLACK_API_URL: must be the Web API\'s base URL, ending in /api/ (as https://slack.com/api/ does) (got "https://proxy.example")'],
      [
        { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's'.repeat(32), SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c'.repeat(32), SLACK_STATE_SECRET: 't'.repeat(32) },
        'SLACK_BOT_TOKEN: leave it unset when installing into several workspaces: each workspace gets its own token when it installs Setwise',
      ],
      [{ SETWISE_ADAPTER: 'slack' }, 'SLACK_BOT_TOKEN: required for the Slack adapter (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install into several workspaces)'],
      [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET: required for the Slack adapter in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)'],
      [{ MicrosoftAppId: '11111111-2222-3333-4444-555555555555' }, 'MicrosoftAppPassword: required when MicrosoftAppId is set'],
      [{ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'pw' }, 'MicrosoftAppId: must be the bot\'s Microsoft app id, a GUID such as 00000000-0000-0000-0000-000000000000 (got "abc")'],
      [{ SETWISE_ADAPTER: 'teams', MicrosoftAppPassword: 'pw' }, 'MicrosoftAppId: required when MicrosoftAppPassword or MicrosoftAppTenantId is set (leave all unset to run without authentication, for local testing)'],
      [{ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant'],
      [{ MicrosoftAppType: 'Personal' }, 'MicrosoftAppType: must be MultiTenant, SingleTenant or UserAssignedMSI (got "Personal")'],
    ];
    for (const [env, message] of cases) expect(refusal(env)).toBe(message);
  });

  it('never repeats a secret in its complaint', () => {
    expect(refusal({ SLACK_BOT_TOKEN: 'xoxp-user-token-secret' })).toBe('SLACK_BOT_TOKEN: must be a bot token starting with xoxb-');
    expect(refusal({ SLACK_SIGNING_SECRET: 'tiny-s3cret', SLACK_BOT_TOKEN: 'xoxb-1' })).toBe('SLACK_SIGNING_SECRET: looks too short for a Slack signing secret');
  });
});
