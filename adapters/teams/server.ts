/**
 * Setwise's HTTP endpoint for Teams: `POST /api/messages` (Bot Framework activities)
 * and `GET /healthz`. The body is read here, with a size limit, before botbuilder
 * sees it; authentication is botbuilder's (a Bot Framework token, unless no app id is
 * configured); every failure is answered with a status and logged once, never with a
 * stack trace to the caller.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../../src/ports/logger';

/** Activities are small; a card's submission is the largest, well under this. */
export const MAX_BODY_BYTES = 256 * 1024;

// The parts of an activity botbuilder and Setwise read, typed as the Bot Framework sends
// them. botbuilder copies them into its replies and refuses to send a reply whose copied
// parts have the wrong type, and Setwise reads names, ids and text as strings: an
// activity that does not fit is refused here with a 400 that says where, rather than
// failing half way through the turn (found by test/adapters/teams/fuzz.test.ts).
// Anything else in the activity is passed on as sent.
const text = (max: number) => z.string().max(max).nullish();
const account = z.looseObject({ id: z.string().min(1).max(1000), name: text(1000), aadObjectId: text(1000) });
const named = z.looseObject({ id: text(1000), name: text(1000) }).nullish();

/** The shape an activity needs before botbuilder and Setwise can handle it. */
const activityShape = z.looseObject({
  type: z.string().min(1).max(100),
  id: text(1000),
  name: text(1000),
  channelId: z.string().min(1).max(100),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2000),
  from: account,
  recipient: account,
  // botbuilder sends the conversation's id in a header: printable ASCII, as Teams' ids are.
  conversation: z.looseObject({ id: z.string().regex(/^[\x21-\x7e]{1,1000}$/), name: text(1000), conversationType: text(100), tenantId: text(1000), isGroup: z.boolean().nullish() }),
  channelData: z.looseObject({ tenant: named, channel: named, team: named, eventType: text(100) }).nullish(),
  text: text(MAX_BODY_BYTES),
  replyToId: text(1000),
  action: text(100),
  localTimezone: text(100),
  entities: z.array(z.looseObject({ type: text(100) })).max(500).nullish(),
  membersAdded: z.array(account).max(5000).nullish(),
  membersRemoved: z.array(account).max(5000).nullish(),
});

/** Where an activity does not fit the shape, in words for the 400: the path of its first misfit. */
function misfit(error: z.ZodError): string {
  const path = error.issues[0]?.path.map(String).join('.') ?? '';
  return path === '' ? 'the body is not a Bot Framework activity' : `the activity's ${path} is missing or is not what the Bot Framework sends`;
}

/** CloudAdapter with its turn processing reachable, so Setwise owns the HTTP around it. */
export class SetwiseCloudAdapter extends CloudAdapter {
  handleActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export interface ServerDeps {
  readonly adapter: SetwiseCloudAdapter;
  readonly onTurn: (context: TurnContext) => Promise<void>;
  readonly health: () => Promise<boolean>;
  readonly log: Logger;
}

class TooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_BODY_BYTES) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function onMessages(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  let raw: Buffer;
  try {
    raw = await readBody(req);
  } catch (error) {
    // Nothing more is read from a body that is too large; the connection closes after the answer.
    if (error instanceof TooLarge) {
      res.setHeader('connection', 'close');
      return send(res, 413, { error: `the body is larger than ${MAX_BODY_BYTES} bytes` });
    }
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return send(res, 400, { error: 'the body is not JSON' });
  }
  const shape = activityShape.safeParse(parsed);
  if (!shape.success) return send(res, 400, { error: misfit(shape.error) });
  const auth = req.headers.authorization ?? '';
  let started = false;
  try {
    const invoke = await deps.adapter.handleActivity(auth, shape.data as unknown as Activity, async (context) => {
      started = true;
      await deps.onTurn(context);
    });
    send(res, invoke?.status ?? 200, invoke?.body);
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    // Everything before the turn is authentication: whatever went wrong there, the request is not let in.
    if (!started || status === 401 || status === 403) {
      deps.log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'refused a Teams request that was not authenticated');
      return send(res, status === 403 ? 403 : 401, { error: 'unauthorized' });
    }
    deps.log.error({ err: error }, 'a Teams request failed');
    send(res, 500, { error: 'something went wrong in Setwise' });
  }
}

export function createTeamsServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = async () => {
      if (path === '/api/messages') {
        if (req.method !== 'POST') return send(res, 405, { error: 'POST activities here' });
        return onMessages(req, res, deps);
      }
      if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
        const ok = await deps.health().catch(() => false);
        return send(res, ok ? 200 : 503, { status: ok ? 'ok' : 'database unavailable', adapter: 'teams' });
      }
      send(res, 404, { error: 'not found' });
    };
    route().catch((error: unknown) => {
      deps.log.error({ err: error }, 'a Teams request failed');
      send(res, 500, { error: 'something went wrong in Setwise' });
    });
  });
}
