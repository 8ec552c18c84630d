/**
 * For hunting secrets in what Setwise says: a collector of everything a test captured
 * (logs, HTTP answers, messages, files, error messages), each kept under the channel it
 * came from, searched for every secret value; Slack's OAuth with token rotation, so
 * installations hold bot, user and refresh tokens that change; and a stand-in for
 * Microsoft's login hosts, so the Teams adapter's client secret is really used, and
 * refused, without a test ever reaching Microsoft.
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Args, FakeSlack, FakeTeam } from './slack/fake-api';

/** Anything shaped like a Slack token (bot, user, app-level, refresh, rotated). */
export const SLACK_TOKEN_SHAPE = /x(?:ox[a-z]|app)-[A-Za-z0-9-]{6,}/;

/** Everything a test captured, by channel ("logs", "files", ...), to search for secrets. */
export class Captured {
  private readonly parts: { readonly channel: string; readonly text: string }[] = [];

  /** Text as is; bytes as Latin-1 (so an ASCII secret shows in a binary file too); anything else as JSON. */
  add(channel: string, value: unknown): this {
    const text =
      typeof value === 'string' ? value : value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : (JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v)) ?? String(value));
    this.parts.push({ channel, text });
    return this;
  }

  /** Bytes and lines captured, per channel: a scan of nothing proves nothing. */
  sizes(): Record<string, { bytes: number; lines: number }> {
    const out: Record<string, { bytes: number; lines: number }> = {};
    for (const { channel, text } of this.parts) {
      const s = (out[channel] ??= { bytes: 0, lines: 0 });
      s.bytes += Buffer.byteLength(text);
      s.lines += text.split('\n').filter(Boolean).length;
    }
    return out;
  }

  /**
   * Each place a secret shows, as "channel: name ... context": as written, URL-encoded
   * (a form body, a query) and, when `shape` is given, anything of that shape at all.
   */
  leaks(secrets: Record<string, string>, shape?: RegExp): string[] {
    const found: string[] = [];
    for (const { channel, text } of this.parts) {
      for (const [name, value] of Object.entries(secrets)) {
        for (const form of new Set([value, encodeURIComponent(value)])) {
          const at = text.indexOf(form);
          if (at >= 0) found.push(`${channel}: ${name} in ...${text.slice(Math.max(0, at - 80), at + form.length + 40)}...`);
        }
      }
      const shaped = shape && new RegExp(shape.source, 'g').exec(text);
      if (shaped) found.push(`${channel}: something shaped like ${shape.source}: ${shaped[0]}`);
    }
    return found;
  }
}

/** Every token the rotating OAuth handed out, by what it is. */
export interface IssuedTokens {
  readonly bot: string[];
  readonly user: string[];
  readonly refresh: string[];
  all(): string[];
}

/**
 * oauth.v2.access on the fake Slack as Slack answers it with token rotation on: an
 * install's code gives a bot token, a user token and a refresh token for each, expiring
 * in `expiresIn` seconds (under two hours, Bolt refreshes at the next request), and a
 * refresh token gives fresh ones (for 12 hours). Each token is recognisable, unique,
 * Slack-shaped, and belongs to its workspace for the fake's later calls.
 */
export function rotatingOAuth(fake: FakeSlack, client: { id: string; secret: string }, codes: Record<string, FakeTeam>, expiresIn = 60): IssuedTokens {
  const issued = { bot: [] as string[], user: [] as string[], refresh: [] as string[] };
  const refreshes = new Map<string, { team: FakeTeam; kind: 'bot' | 'user' }>();
  let n = 0;
  const mint = (team: FakeTeam, kind: 'bot' | 'user') => {
    n += 1;
    const mark = `${team.id}${kind}${n}${randomBytes(4).toString('hex')}`;
    const token = kind === 'bot' ? `xoxe.xoxb-1-SECRETbot${mark}` : `xoxe.xoxp-1-SECRETuser${mark}`;
    const refresh = `xoxe-1-SECRETrefresh${mark}`;
    issued[kind].push(token);
    issued.refresh.push(refresh);
    fake.tokens.set(token, team);
    refreshes.set(refresh, { team, kind });
    return { token, refresh };
  };
  fake.handle('oauth.v2.access', (args: Args) => {
    if (args.client_id !== client.id || args.client_secret !== client.secret) return { ok: false, error: 'invalid_client_id' };
    if (args.grant_type === 'refresh_token') {
      const known = refreshes.get(String(args.refresh_token));
      if (!known) return { ok: false, error: 'invalid_refresh_token' };
      refreshes.delete(String(args.refresh_token)); // single use, as Slack's are
      const next = mint(known.team, known.kind);
      return { ok: true, token_type: known.kind, access_token: next.token, refresh_token: next.refresh, expires_in: 43_200, team: { id: known.team.id, name: known.team.name }, enterprise: null, is_enterprise_install: false };
    }
    const team = codes[String(args.code)];
    if (!team) return { ok: false, error: 'invalid_code' };
    delete codes[String(args.code)];
    const bot = mint(team, 'bot');
    const user = mint(team, 'user');
    return {
      ok: true,
      app_id: 'A1',
      authed_user: { id: 'U0INSTALLER', scope: 'search:read', token_type: 'user', access_token: user.token, refresh_token: user.refresh, expires_in: expiresIn },
      scope: 'chat:write,commands,users:read,im:write,channels:join,im:history,files:write,files:read',
      token_type: 'bot',
      access_token: bot.token,
      refresh_token: bot.refresh,
      expires_in: expiresIn,
      bot_user_id: 'UBOT',
      team: { id: team.id, name: team.name },
      enterprise: null,
      is_enterprise_install: false,
    };
  });
  return { ...issued, all: () => [...issued.bot, ...issued.user, ...issued.refresh] };
}

/** How the stand-in for Microsoft's token endpoint fails the next request. */
export type LoginFailure = 'invalid_client' | '500' | 'drop';

export interface FakeMicrosoftLogin {
  /** Access tokens handed out: secrets too, carried to the connector. */
  readonly tokens: string[];
  /** Every request, as "METHOD host path"; the token requests' bodies carried the client secret. */
  readonly requests: string[];
  /** How many token requests carried this client secret. */
  secretSeen(secret: string): number;
  /** A Bot Framework channel token for `appId`, signed with the key the metadata serves: what Teams sends Setwise (expired when `lifetime` is negative). */
  channelToken(appId: string, serviceUrl: string, lifetime?: number): string;
  failNext(failure: LoginFailure, times?: number): void;
  close(): Promise<void>;
}

const LOGIN_HOSTS = new Set(['login.microsoftonline.com', 'login.botframework.com']);

/**
 * The Bot Framework's signing key, one per test process: botbuilder keeps the keys it
 * fetched for a day, so every fake login in a process must serve the same one.
 */
const SIGNING = (() => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  return { privateKey, jwk: { kty: 'RSA', use: 'sig', kid: 'setwise-test-key', n: jwk.n, e: jwk.e, endorsements: ['msteams'] } };
})();

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Microsoft's login hosts, served locally: botbuilder's MSAL fetches the bot's token
 * from `https://login.microsoftonline.com/...` and botbuilder has no setting that points
 * it elsewhere (MSAL takes only https authorities), so `https.request` for those hosts,
 * and only those, is sent to a local server here. It answers the OpenID metadata, the
 * key that signs `channelToken`s (as Teams' requests are signed), and the token
 * endpoint: a recognisable access token, or the failures queued. `close()` puts
 * `https.request` back.
 */
export async function fakeMicrosoftLogin(): Promise<FakeMicrosoftLogin> {
  const tokens: string[] = [];
  const requests: string[] = [];
  const bodies: string[] = [];
  const failures: LoginFailure[] = [];
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const host = String(req.headers['x-login-host'] ?? '');
      const path = (req.url ?? '/').split('?')[0]!;
      requests.push(`${req.method} ${host} ${path}`);
      const tenant = path.split('/')[1] ?? 'common';
      const base = `https://login.microsoftonline.com/${tenant}`;
      if (path.endsWith('/keys')) return json(res, 200, { keys: [SIGNING.jwk] });
      if (path.includes('openid')) {
        return json(res, 200, {
          issuer: host === 'login.botframework.com' ? 'https://api.botframework.com' : `${base}/v2.0`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `https://${host}/${tenant}/discovery/v2.0/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        });
      }
      if (req.method === 'POST' && path.endsWith('/token')) {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        const failure = failures.shift();
        if (failure === 'drop') return void req.socket.destroy();
        if (failure === '500') return json(res, 500, { error: 'temporarily_unavailable', error_description: 'AADSTS50001: the service is unavailable.' });
        if (failure === 'invalid_client') {
          return json(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.', error_codes: [7000215], trace_id: 't', correlation_id: 'c' });
        }
        const token = `eyJ0eXAiOiJKV1QifQ.SECRETteamsaccess${tokens.length + 1}${randomBytes(6).toString('hex')}.c2ln`;
        tokens.push(token);
        return json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
      }
      json(res, 404, { error: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const original = https.request;
  const redirected = ((...args: unknown[]) => {
    const [first, second] = args;
    const options = typeof first === 'object' && first !== null && !(first instanceof URL) ? (first as https.RequestOptions) : undefined;
    const host = String(options?.hostname ?? options?.host ?? '').split(':')[0]!;
    if (!options || !LOGIN_HOSTS.has(host)) return (original as (...a: unknown[]) => http.ClientRequest)(...args);
    const callback = typeof second === 'function' ? (second as (res: IncomingMessage) => void) : undefined;
    return http.request({ ...options, protocol: 'http:', hostname: '127.0.0.1', host: '127.0.0.1', port, agent: undefined, headers: { ...options.headers, 'x-login-host': host } }, callback);
  }) as typeof https.request;
  https.request = redirected;

  return {
    tokens,
    requests,
    secretSeen: (secret) => bodies.filter((b) => new URLSearchParams(b).get('client_secret') === secret).length,
    channelToken(appId, serviceUrl, lifetime = 3600) {
      const now = Math.floor(Date.now() / 1000);
      const claims = { iss: 'https://api.botframework.com', aud: appId, serviceurl: serviceUrl, nbf: now - 7200, iat: now - 7200, exp: now + lifetime };
      const unsigned = `${base64url({ alg: 'RS256', kid: SIGNING.jwk.kid, typ: 'JWT' })}.${base64url(claims)}`;
      return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), SIGNING.privateKey).toString('base64url')}`;
    },
    failNext(failure, times = 1) {
      for (let i = 0; i < times; i++) failures.push(failure);
    },
    async close() {
      if (https.request === redirected) https.request = original;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
