/**
 * A local stand-in for the Bot Framework connector (the `serviceUrl` of the activities
 * tests post), speaking the REST API botbuilder calls: send, reply, update, open a
 * 1:1 conversation, read members. It records every call so tests assert on what the
 * bot really sent, and can answer with failures (429 with Retry-After, 5xx) on demand.
 */
import type { Chaos } from '../chaos';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  readonly conversation: string;
  readonly id: string;
  readonly replyTo?: string;
  readonly activity: Record<string, unknown>;
}

export interface Member {
  readonly id: string;
  readonly name: string;
}

export interface FakeConnector {
  readonly url: string;
  /** Every activity posted (new messages and replies), in order. */
  readonly sent: SentActivity[];
  /** Every edit of a posted activity. */
  readonly updated: SentActivity[];
  /** Conversations opened with createConversation: the member's id and the new conversation's id. */
  readonly opened: { member: string; conversation: string; body: Record<string, unknown> }[];
  /** Files uploaded to /upload/<name> (a stand-in for the OneDrive address Teams gives on a consent card). */
  readonly uploads: { name: string; headers: Record<string, string | string[] | undefined>; body: Buffer }[];
  /** Every request, as "METHOD path". */
  readonly calls: string[];
  /** People the members API knows, for every conversation. */
  readonly members: Member[];
  /** The next `count` sends or edits are answered with `status` (and Retry-After when given). */
  fail(count: number, status: number, retryAfterSeconds?: number): void;
  /** Faults at a rate on sends, edits and opened chats from now on (see ../chaos.ts); undefined turns them off. */
  chaos(chaos: Chaos | undefined): void;
  /** Everything sent to one conversation. */
  to(conversation: string): SentActivity[];
  close(): Promise<void>;
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch (error) {
        reject(error as Error);
      }
    });
    req.on('error', reject);
  });
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const sent: SentActivity[] = [];
  const updated: SentActivity[] = [];
  const opened: FakeConnector['opened'] = [];
  const calls: string[] = [];
  const uploads: FakeConnector['uploads'] = [];
  const members: Member[] = [];
  const failures: { status: number; retryAfter?: number }[] = [];
  let chaos: Chaos | undefined;
  let next = 1;

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    calls.push(`${req.method} ${decodeURIComponent(path)}`);
    if (path.startsWith('/upload/')) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        uploads.push({ name: decodeURIComponent(path.slice('/upload/'.length)), headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(201).end();
      });
      return;
    }
    const answer = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    void readJson(req)
      .then(async (body) => {
        const parts = path.split('/').filter(Boolean).map(decodeURIComponent); // v3, conversations, id, activities, id?
        if (parts[0] !== 'v3' || parts[1] !== 'conversations') return answer(404, { error: { code: 'NotFound', message: path } });
        const conversation = parts[2];
        const isSend = conversation !== undefined && parts[3] === 'activities' && (req.method === 'POST' || req.method === 'PUT');
        const fault = chaos && (isSend || (req.method === 'POST' && parts.length === 2)) ? chaos.pick(`${req.method} ${conversation ?? 'new'} ${parts[4] ?? ''} ${JSON.stringify(body.attachments ?? body.members ?? '').slice(0, 300)}`) : undefined;
        if (fault === 'drop') return void req.socket.destroy();
        if (fault === '429' || fault === '500' || fault === '502' || fault === '504') {
          return answer(Number(fault), { error: { code: fault === '429' ? 'Throttled' : 'ServiceError', message: 'injected' } }, fault === '429' ? { 'retry-after': String(chaos!.retryAfterSeconds) } : {});
        }
        if (fault === 'slow') await new Promise((r) => setTimeout(r, chaos!.slowMs));
        if (isSend && failures.length > 0) {
          const f = failures.shift()!;
          return answer(f.status, { error: { code: 'Throttled', message: 'slow down' } }, f.retryAfter !== undefined ? { 'retry-after': String(f.retryAfter) } : {});
        }
        if (req.method === 'POST' && parts.length === 2) {
          const member = ((body.members as { id?: string }[] | undefined) ?? [])[0]?.id ?? 'nobody';
          const id = `a:personal-${member}`;
          opened.push({ member, conversation: id, body });
          return answer(201, { id });
        }
        if (isSend && req.method === 'POST') {
          const id = `m${next++}`;
          sent.push({ conversation: conversation!, id, ...(parts[4] ? { replyTo: parts[4] } : {}), activity: body });
          return answer(201, { id });
        }
        if (isSend && req.method === 'PUT') {
          updated.push({ conversation: conversation!, id: parts[4] ?? '', activity: body });
          return answer(200, { id: parts[4] });
        }
        if (req.method === 'GET' && parts[3] === 'members' && parts[4]) {
          const found = members.find((m) => m.id === parts[4]);
          return found ? answer(200, found) : answer(404, { error: { code: 'MemberNotFoundInConversation', message: 'no such member' } });
        }
        if (req.method === 'GET' && parts[3] === 'pagedmembers') {
          const size = Number(query.get('pageSize') ?? 500);
          const from = Number(query.get('continuationToken') ?? 0);
          const page = members.slice(from, from + size);
          return answer(200, { members: page, ...(from + size < members.length ? { continuationToken: String(from + size) } : {}) });
        }
        if (req.method === 'DELETE') return answer(200);
        return answer(404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
      })
      .catch(() => answer(400, { error: { code: 'BadRequest', message: 'not JSON' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    updated,
    opened,
    calls,
    uploads,
    members,
    chaos(c) {
      chaos = c;
    },
    fail(count, status, retryAfterSeconds) {
      for (let i = 0; i < count; i++) failures.push({ status, ...(retryAfterSeconds !== undefined ? { retryAfter: retryAfterSeconds } : {}) });
    },
    to: (conversation) => sent.filter((s) => s.conversation.split(';messageid=')[0] === conversation),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
