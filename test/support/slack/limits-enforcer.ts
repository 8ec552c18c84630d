/**
 * Slack's chat.postMessage limits in front of the fake Slack (opt-in: see
 * ../limits-proxy.ts). Slack documents "1 message per second per channel, short bursts
 * >1 allowed" and "a workspace-wide limit" without a figure, so the workspace's is
 * modelled here, and stated wherever it is used: five a second over any ten seconds
 * (300 a minute, the low end of the "several hundred a minute" Setwise's pace.ts
 * assumes), with bursts of up to 12 in a second. Each workspace has its own budget;
 * which workspace a call is from is read from its token, as Slack does.
 */
import type { ServerResponse } from 'node:http';
import { startLimitsProxy, type LimitedRequest, type LimitsProxy } from '../limits-proxy';
import type { Counted, Window } from '../limits-window';
import type { FakeSlack } from './fake-api';

export interface SlackLimitsModel {
  readonly perChannel: readonly Window[];
  readonly perWorkspace: readonly Window[];
}

export const SLACK_MODEL: SlackLimitsModel = {
  // One a second, short bursts above one allowed.
  perChannel: [
    { most: 2, ms: 1000 },
    { most: 60, ms: 60_000 },
  ],
  // Modelled: Slack gives no figure.
  perWorkspace: [
    { most: 12, ms: 1000 },
    { most: 50, ms: 10_000 },
  ],
};

/** The keys a post counts under: its channel (or DM) in its workspace, and the workspace. */
export const slackCounted = (team: string, channel: string, model: SlackLimitsModel = SLACK_MODEL): Counted[] => [
  { key: `channel:${team}:${channel}`, windows: model.perChannel },
  { key: `workspace:${team}`, windows: model.perWorkspace },
];

/** The form fields (or JSON) of a Web API call. */
function fieldsOf(req: LimitedRequest): Record<string, unknown> {
  const text = req.body.toString('utf8');
  if (String(req.headers['content-type'] ?? '').startsWith('application/json')) return JSON.parse(text || '{}') as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(text));
}

/** Real Slack's "slow down": HTTP 429, Retry-After in seconds, and a body saying so. */
function refuse(res: ServerResponse, retryAfterSeconds: number): void {
  res.writeHead(429, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfterSeconds) });
  res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
}

/** Starts the limits in front of `fake`; point the WebClient at the answer's `url`. */
export async function enforceSlackLimits(fake: FakeSlack, model: SlackLimitsModel = SLACK_MODEL): Promise<LimitsProxy & { readonly url: string }> {
  const proxy = await startLimitsProxy(fake.origin, {
    countedAs(req) {
      if (new URL(req.path, 'http://x').pathname !== '/api/chat.postMessage') return undefined;
      const fields = fieldsOf(req);
      const bearer = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1] ?? (typeof fields.token === 'string' ? fields.token : undefined);
      const team = (bearer ? fake.tokens.get(bearer)?.id : undefined) ?? fake.defaultTeam.id;
      return slackCounted(team, String(fields.channel ?? ''), model);
    },
    refuse,
  });
  return Object.assign(proxy, { url: `${proxy.origin}/api/` });
}
