/**
 * A local stand-in for slack.com, served over real HTTP so that the real
 * @slack/web-api WebClient (and Bolt, which wraps it) can be pointed at it with
 * `slackApiUrl`. It records every call and answers with the shapes Slack
 * documents, so adapter tests exercise the same serialisation, retry and
 * error paths they would in production.
 */
import type { Chaos } from '../chaos';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { methodHandlers, type FakeState } from './fake-methods';

export { slackId, BOT_USER_ID, BOT_ID, APP_ID } from './fake-methods';

export type Args = Record<string, unknown>;
export type Answer = Record<string, unknown>;

export interface RecordedCall {
  /** Web API method ('chat.postMessage'), or 'response_url' / 'upload' for the non-API routes. */
  readonly method: string;
  /** Arguments as sent, with JSON-valued form fields (blocks, view, files...) parsed back into objects. */
  readonly args: Args;
  /** From `Authorization: Bearer ...` (or a `token` field, as very old clients send it). */
  readonly token: string | undefined;
  /** The HTTP status the fake answered with, so tests can tell failed attempts from retries. */
  readonly status: number;
  /** For response_url posts and uploads: the id in the URL. */
  readonly id?: string;
  readonly at: number;
  /** What the fake answered (set once the handler has run): a posted message's ts, say. */
  answer?: unknown;
}

export interface FakeUser {
  name: string;
  realName?: string;
  displayName?: string;
  /** IANA zone; defaults to Europe/London. tz_label and tz_offset are derived from it unless given. */
  tz?: string;
  tzLabel?: string;
  tzOffset?: number;
  email?: string;
  isBot?: boolean;
  deleted?: boolean;
}

export interface FakeChannel {
  name: string;
  isPrivate?: boolean;
}

export interface FakeTeam {
  id: string;
  name: string;
  domain?: string;
}

/** What oauth.v2.access hands out for one code; anything left out gets a realistic default. */
export interface FakeInstall {
  team?: FakeTeam;
  accessToken?: string;
  scope?: string;
  botUserId?: string;
  appId?: string;
  authedUserId?: string;
  enterprise?: { id: string; name: string } | null;
}

export interface Failure {
  status: number;
  /** Seconds, sent as the Retry-After header (WebClient reads it on 429s). */
  retryAfter?: number;
  /** JSON body; a default Slack-like error body is sent when left out. */
  body?: unknown;
  /** How many consecutive calls fail; 1 unless given. */
  times?: number;
}

export interface FakeUpload {
  readonly fileId: string;
  readonly filename: string;
  /** The length files.getUploadURLExternal was told. */
  readonly length: number;
  /** The bytes POSTed to the upload URL; undefined until they arrive. */
  bytes?: Buffer;
  /** Filled in by files.completeUploadExternal. */
  completed?: { title?: string; channelId?: string; threadTs?: string; initialComment?: string };
}

export type MethodHandler = (args: Args, context: { token: string | undefined; fake: FakeSlack }) => Answer | Promise<Answer>;

export interface FakeSlackOptions {
  /** Seed users.info; more can be added later through `fake.users`. */
  users?: Record<string, FakeUser>;
  channels?: Record<string, FakeChannel>;
  /** Which workspace each token belongs to; tokens not listed belong to `defaultTeam`. */
  tokens?: Record<string, FakeTeam>;
  /** Defaults to { id: 'T1', name: 'Team One', domain: 'team1' }. */
  defaultTeam?: FakeTeam;
  /** Codes oauth.v2.access accepts; each may be used once, as in Slack. */
  oauthCodes?: Record<string, FakeInstall>;
  /** When set, oauth.v2.access checks client_id/client_secret against it. */
  oauthClient?: { id: string; secret: string };
  /** The ws:// URL apps.connections.open answers with (see socket.ts). */
  socketUrl?: string;
}

export interface FakeSlack {
  /** Base URL ending in '/api/', to pass as `slackApiUrl`. */
  readonly url: string;
  /** 'http://127.0.0.1:port', for the non-API routes. */
  readonly origin: string;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Forgets recorded calls, uploads and pending failures; seeded users, channels, tokens and codes stay. */
  clear(): void;
  close(): Promise<void>;
  /** The next call (or next `times` calls) of `method` answers with this status instead. */
  failNext(method: string, failure: Failure): void;
  /** Faults at a rate on these Web API methods from now on (see ../chaos.ts); undefined turns them off. */
  chaos(chaos: Chaos | undefined, methods?: readonly string[]): void;
  /** Add or replace a method's answer, for methods this fake does not model. */
  handle(method: string, handler: MethodHandler): void;
  /** The handler answering `method` now, to wrap (e.g. to hold an answer back). */
  handler(method: string): MethodHandler | undefined;
  /** A response_url on this server; POSTs to it are recorded as method 'response_url'. */
  responseUrl(id: string): string;
  socketUrl: string | undefined;
  readonly users: Map<string, FakeUser>;
  readonly channels: Map<string, FakeChannel>;
  readonly tokens: Map<string, FakeTeam>;
  readonly oauthCodes: Map<string, FakeInstall>;
  readonly uploads: Map<string, FakeUpload>;
  readonly defaultTeam: FakeTeam;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, Failure[]>();
  const handlers = new Map<string, MethodHandler>();
  let origin = '';

  const fake: FakeSlack = {
    get url() {
      return `${origin}/api/`;
    },
    get origin() {
      return origin;
    },
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    clear() {
      calls.length = 0;
      failures.clear();
      fake.uploads.clear();
    },
    close: () => closeServer(),
    failNext(method, failure) {
      const times = failure.times ?? 1;
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(failure);
      failures.set(method, queue);
    },
    chaos(c, methods = ['chat.postMessage', 'chat.update', 'conversations.open']) {
      chaos = c;
      chaosMethods = new Set(methods);
    },
    handle: (method, handler) => void handlers.set(method, handler),
    handler: (method) => handlers.get(method),
    responseUrl: (id) => `${origin}/respond/${encodeURIComponent(id)}`,
    socketUrl: options.socketUrl,
    users: new Map(Object.entries(options.users ?? {})),
    channels: new Map(Object.entries(options.channels ?? {})),
    tokens: new Map(Object.entries(options.tokens ?? {})),
    oauthCodes: new Map(Object.entries(options.oauthCodes ?? {})),
    uploads: new Map(),
    defaultTeam: options.defaultTeam ?? { id: 'T1', name: 'Team One', domain: 'team1' },
  };
  const state: FakeState = { fake, oauthClient: options.oauthClient, seq: 0 };
  for (const [method, handler] of Object.entries(methodHandlers(state))) handlers.set(method, handler);

  /** Takes the next queued failure for a route, if any. */
  let chaos: Chaos | undefined;
  let chaosMethods = new Set<string>();
  const takeFailure = (method: string): Failure | undefined => {
    const queue = failures.get(method);
    const failure = queue?.shift();
    if (queue && queue.length === 0) failures.delete(method);
    return failure;
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      // A bug in the fake should fail the test loudly, not hang it.
      send(res, 500, { ok: false, error: 'fake_slack_crashed', detail: String(error) });
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', origin).pathname;
    const [, kind, rawName] = path.split('/');
    const name = decodeURIComponent(rawName ?? '');
    const raw = await readBody(req);
    const token = bearer(req);

    if (kind === 'upload') {
      const failure = takeFailure('upload');
      const upload = fake.uploads.get(name);
      const status = failure?.status ?? (upload ? 200 : 404);
      calls.push({ method: 'upload', args: { length: raw.length }, token, status, id: name, at: Date.now() });
      if (failure) return sendFailure(res, failure);
      if (!upload) return send(res, 404, 'Not Found');
      upload.bytes = await uploadedBytes(raw, req.headers['content-type']);
      // Slack's upload host answers plain text, which WebClient only checks for a 200.
      return send(res, 200, `OK - ${upload.bytes.length}`);
    }

    const args = await parseArgs(raw, req);
    if (kind === 'respond') {
      const failure = takeFailure('response_url');
      calls.push({ method: 'response_url', args, token, status: failure?.status ?? 200, id: name, at: Date.now() });
      return failure ? sendFailure(res, failure) : send(res, 200, { ok: true });
    }
    if (kind !== 'api' || !name) return send(res, 404, 'Not Found');

    const fault = chaos && chaosMethods.has(name) ? chaos.pick(`${name} ${String(args.channel ?? '')} ${String(args.ts ?? '')} ${String(args.text ?? '').slice(0, 200)}`) : undefined;
    if (fault === 'drop') {
      calls.push({ method: name, args, token, status: 0, at: Date.now() });
      req.socket.destroy();
      return;
    }
    if (fault === '429' || fault === '500' || fault === '502' || fault === '504') {
      const status = Number(fault);
      calls.push({ method: name, args, token, status, at: Date.now() });
      return sendFailure(res, { status, ...(status === 429 ? { retryAfter: chaos!.retryAfterSeconds } : {}) });
    }
    if (fault === 'slow') await new Promise((r) => setTimeout(r, chaos!.slowMs));
    const failure = takeFailure(name);
    const effectiveToken = token ?? (typeof args.token === 'string' ? args.token : undefined);
    const call: RecordedCall = { method: name, args, token: effectiveToken, status: failure?.status ?? 200, at: Date.now() };
    calls.push(call);
    if (failure) return sendFailure(res, failure);
    const handler = handlers.get(name);
    if (!handler) return send(res, 200, { ok: false, error: 'unknown_method', req_method: name });
    // A handler may take its time (a slow Slack), so the adapter's order of work shows.
    call.answer = await handler(args, { token: effectiveToken, fake });
    return send(res, 200, call.answer);
  }

  function closeServer(): Promise<void> {
    return new Promise((resolve, reject) => {
      // WebClient's fetch keeps connections alive; without this close() would wait for them to idle out.
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return match?.[1];
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Fields that carry free text: never parse these as JSON even when they look like it. */
const TEXT_FIELDS = new Set(['text', 'fallback', 'title', 'initial_comment', 'alt_text', 'markdown_text', 'content', 'filename']);

/**
 * WebClient form-encodes everything and JSON-stringifies any non-scalar value
 * (blocks, view, files...). Parse those back so tests assert on objects.
 */
function decodeField(key: string, value: string): unknown {
  if (TEXT_FIELDS.has(key) || !/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

async function parseArgs(raw: Buffer, req: IncomingMessage): Promise<Args> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  const args: Args = {};
  if (req.method === 'GET') {
    for (const [k, v] of new URL(req.url ?? '/', 'http://x').searchParams) args[k] = decodeField(k, v);
    return args;
  }
  if (raw.length === 0) return args;
  if (type.startsWith('application/json')) {
    const parsed = JSON.parse(raw.toString('utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Args) : { value: parsed };
  }
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
    for (const [k, v] of form) args[k] = typeof v === 'string' ? decodeField(k, v) : Buffer.from(await v.arrayBuffer());
    return args;
  }
  for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) args[k] = decodeField(k, v);
  return args;
}

/** WebClient uploads as multipart with the file in one part; curl-style clients send raw bytes. */
async function uploadedBytes(raw: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return raw;
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  for (const [, value] of form) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  const first = form.values().next();
  return Buffer.from(first.done ? '' : String(first.value));
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const isText = typeof body === 'string';
  res.writeHead(status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    ...headers,
  });
  res.end(isText ? body : JSON.stringify(body));
}

function sendFailure(res: ServerResponse, failure: Failure): void {
  const headers: Record<string, string> = {};
  if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
  const fallback = failure.status === 429 ? { ok: false, error: 'ratelimited' } : { ok: false, error: 'internal_error' };
  send(res, failure.status, failure.body ?? fallback, headers);
}
