import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { REDACT_PATHS, withoutCredentials } from '../../src/secrets';

describe('secrets', () => {
  it('never echoes the credentials of a URL in a configuration error', () => {
    let message = '';
    try {
      loadConfig({ SLACK_API_URL: 'ftp://user:PASSWORD123@x' });
    } catch (error) {
      message = error instanceof ConfigError ? error.message : '';
    }
    expect(message).toBe('SLACK_API_URL: must be an http(s) URL (got "ftp://***@x")');
    const refused = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return error instanceof ConfigError ? error.message : '';
      }
      return '';
    };
    for (const [env, secret] of [
      [{ SLACK_API_URL: 'ftp://user:p@ss@x' }, 'p@ss'],
      [{ SLACK_API_URL: 'ftp://user:pa ss word@x' }, 'pa ss'],
      [{ SLACK_API_URL: 'ftp:user:hunter2@x' }, 'hunter2'],
      [{ SETWISE_DB: 'postgres://setwise:hunter2@db/x.db' }, 'hunter2'],
    ] as const) {
      const said = refused(env);
      expect(said, JSON.stringify(env)).toMatch(/^(SLACK_API_URL|SETWISE_DB): /);
      expect(said, said).not.toContain(secret);
    }
    expect(withoutCredentials('see postgres://setwise:hunter2@db:5432/x and https://tok@host/p')).toBe('see postgres://***@db:5432/x and https://***@host/p');
    expect(withoutCredentials('https://example.com/a@b')).toBe('https://example.com/***@b'); // the host stays; too little is the safe side
  });

  it('redacts secret fields in logs however deeply they are nested', () => {
    let out = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) });
    const log = pino({ redact: { paths: [...REDACT_PATHS], censor: '[secret]' } }, sink);
    log.info({ botToken: 'S-top' }, 'top');
    log.info({ slack: { signingSecret: 'S-one' } }, 'one');
    log.info({ config: { slack: { botToken: 'S-two', appToken: 'S-two-b' } } }, 'two');
    log.info({ err: { config: { teams: { appPassword: 'S-three' } } } }, 'three');
    log.info({ req: { headers: { authorization: 'Bearer S-four', cookie: 'S-cookie' } } }, 'headers');
    log.info({ a: { b: { c: { d: { clientSecret: 'S-deep' } } } } }, 'deep');
    log.info({ res: { headers: { Authorization: 'S-capital', Cookie: 'S-Cookie' } }, env: { MicrosoftAppPassword: 'S-teams' } }, 'as spelt');
    expect(out.split('\n').filter(Boolean)).toHaveLength(7);
    expect(out).not.toMatch(/S-(top|one|two|three|four|cookie|deep|capital|Cookie|teams)/);
    expect(out.match(/\[secret\]/g)).toHaveLength(11);
  });
});
