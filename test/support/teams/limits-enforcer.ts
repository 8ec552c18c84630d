/**
 * Teams' documented limits for a bot in front of the fake connector (opt-in: see
 * ../limits-proxy.ts). In one conversation: 7 sends in any second, 8 in any 2 s, 60 in
 * any 30 s, 1,800 in any hour; across a tenant, 50 in any second. A send is a new
 * message, a reply or an edit; the tenant is read from the activity, as botbuilder
 * fills it from the conversation reference.
 */
import type { ServerResponse } from 'node:http';
import { startLimitsProxy, type LimitsProxy } from '../limits-proxy';
import type { Counted, Window } from '../limits-window';
import type { FakeConnector } from './connector';

export const TEAMS_DOCUMENTED: { readonly perConversation: readonly Window[]; readonly perTenant: readonly Window[] } = {
  perConversation: [
    { most: 7, ms: 1000 },
    { most: 8, ms: 2000 },
    { most: 60, ms: 30_000 },
    { most: 1800, ms: 3_600_000 },
  ],
  perTenant: [{ most: 50, ms: 1000 }],
};

/** The keys a send counts under: its conversation (not its thread), and its tenant. */
export const teamsCounted = (tenant: string, conversation: string): Counted[] => [
  { key: `conversation:${conversation.split(';messageid=')[0]}`, windows: TEAMS_DOCUMENTED.perConversation },
  { key: `tenant:${tenant}`, windows: TEAMS_DOCUMENTED.perTenant },
];

interface Activity {
  conversation?: { tenantId?: string };
  channelData?: { tenant?: { id?: string } };
}

/** The connector's "slow down": HTTP 429 with Retry-After in seconds. */
function refuse(res: ServerResponse, retryAfterSeconds: number): void {
  res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds) });
  res.end(JSON.stringify({ error: { code: 'Throttled', message: 'The bot is sending too fast' } }));
}

/** Starts the limits in front of `connector`; give the answer's `url` as the serviceUrl. */
export async function enforceTeamsLimits(connector: FakeConnector): Promise<LimitsProxy & { readonly url: string }> {
  const proxy = await startLimitsProxy(connector.url, {
    countedAs(req) {
      // v3/conversations/{id}/activities[/{id}]: POST sends or replies, PUT edits.
      const parts = new URL(req.path, 'http://x').pathname.split('/').filter(Boolean).map(decodeURIComponent);
      if (parts[0] !== 'v3' || parts[1] !== 'conversations' || parts[3] !== 'activities' || (req.method !== 'POST' && req.method !== 'PUT')) return undefined;
      const activity = JSON.parse(req.body.toString('utf8') || '{}') as Activity;
      const tenant = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? 'unknown';
      return teamsCounted(tenant, parts[2]!);
    },
    refuse,
  });
  return Object.assign(proxy, { url: `${proxy.origin}/` });
}
