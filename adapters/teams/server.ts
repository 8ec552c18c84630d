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

/** The shape botbuilder needs before it can route an activity. */
const activityShape = z.looseObject({ type: z.string().min(1).max(100), serviceUrl: z.string().max(2000).optional() });

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
  if (!shape.success) return send(res, 400, { error: 'the body is not a Bot Framework activity (it needs a type)' });
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
