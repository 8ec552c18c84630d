/**
 * B3's table and notes from what each half measured: Setwise's side (the database's
 * counts, retries, its time) and the fake's (what it admitted and refused, and when).
 */
import { SLACK_LIMITS } from '../../../adapters/slack/pace';
import { TEAMS_LIMITS } from '../../../adapters/teams/pace';
import type { Limit } from '../../../src/ports/chat';
import { fmt } from '../section';
import { SLACK_WORKSPACES, type FakeStats, type HalfConfig, type HalfResult } from './shape';

export interface Half {
  readonly platform: HalfConfig['platform'];
  readonly nudges: number;
  readonly result: HalfResult;
  readonly stats: FakeStats;
  /** The theoretical minimum, and what Setwise's own declared limits allow (ms). */
  readonly minimumMs: number;
  readonly pacedMs: number;
}

export const HEAD = ['platform', 'nudges delivered', 'time', 'theoretical minimum', 'ratio', '429s', 'retries', 'duplicates', 'all delivered'];

const seconds = (ms: number) => `${fmt(ms / 1000, 1)} s`;
const count = (n: number, what: string) => `${fmt(n)} ${what}${n === 1 ? '' : 's'}`;
const name = (h: Half) => (h.platform === 'slack' ? 'Slack' : 'Teams');
const rsvpDone = (h: Half) => h.result.kinds['rsvp-reminder']?.done ?? 0;

/**
 * The half's time, or (stopped at the cap) its time projected: from its pace so far,
 * and no sooner than the last job left is due (a retry waiting out its backoff).
 */
function timeOf(h: Half): { ms: number; shown: string } {
  if (h.result.complete) return { ms: h.result.elapsedMs, shown: seconds(h.result.elapsedMs) };
  const due = Object.values(h.result.kinds).reduce((sum, k) => sum + k.due, 0);
  const projected = Math.max((h.result.elapsedMs * due) / Math.max(1, h.stats.admitted), h.result.lastDueMs);
  return { ms: projected, shown: `stopped at ${seconds(h.result.elapsedMs)}; ≈ ${fmt(projected / 1000)} s projected` };
}

export function row(h: Half): string[] {
  const time = timeOf(h);
  const where = h.platform === 'slack' ? `Slack, ${SLACK_WORKSPACES} workspaces × ${fmt(h.nudges / SLACK_WORKSPACES)}` : 'Teams, one tenant';
  const all = rsvpDone(h) === h.nudges && h.result.complete;
  return [
    where,
    `${fmt(rsvpDone(h))} of ${fmt(h.nudges)}`,
    time.shown,
    seconds(h.minimumMs),
    `${h.result.complete ? '' : '≈ '}${fmt(time.ms / h.minimumMs, 2)}x`,
    fmt(h.stats.refused),
    fmt(h.result.retries),
    fmt(h.stats.duplicates),
    all ? 'yes' : `no (${fmt(h.nudges - rsvpDone(h))} not yet)`,
  ];
}

const perSecond = (limit: Limit | readonly Limit[]) => Math.min(...[limit].flat().map((l) => l.rate));

/** Each target, met or missed, by how much; then why, from what was measured. */
export function notes(h: Half): string[] {
  const ratio = timeOf(h).ms / h.minimumMs;
  // Sends a second while sending: from the first tick to the last send the fake took.
  const pace = h.stats.admitted / (((h.stats.lastAt ?? h.result.startedAt) - h.result.startedAt) / 1000);
  const out = [
    `${name(h)}: within 1.1x of the minimum ${ratio <= 1.1 ? `met (${fmt(ratio, 2)}x)` : `missed: ${fmt(ratio, 2)}x, ${fmt((ratio / 1.1 - 1) * 100)}% over`}; ` +
      `zero 429s ${h.stats.refused === 0 ? 'met' : `missed: ${fmt(h.stats.refused)}, each ${fmt(h.stats.refusedEarlyMs.at(-1) ?? 0, 1)} to ${fmt(h.stats.refusedEarlyMs[0] ?? 0, 1)} ms too soon, its nudge put back 15 to 30 s (the outbox's backoff, Retry-After its floor)`}. ` +
      `Besides the nudges, ${count(h.stats.channelSends, 'channel reminder')} and ${count(h.stats.privateSends - rsvpDone(h), 'presenter notice')} went, counted in the pace and the minimum. ` +
      `Setwise's declared limits alone would take ${seconds(h.pacedMs)} (${fmt(h.pacedMs / h.minimumMs, 2)}x) if every send were asked for at once; it went at ${fmt(pace, 1)} sends a second. ` +
      `Event-loop delay p99 / max: Setwise ${fmt(h.result.lag.p99)} / ${fmt(h.result.lag.max)} ms, the fake ${fmt(h.stats.lag.p99)} / ${fmt(h.stats.lag.max)} ms.`,
  ];
  if (h.platform === 'slack') out.push(slackWhy(h, pace));
  if (h.platform === 'teams' && h.stats.refused > 0) out.push(teamsWhy(h));
  for (const w of h.result.warnings.slice(0, 2)) out.push(`${name(h)} logged: ${w}`);
  return out;
}

/** How the workspaces were served: at once, or one after another. */
function slackWhy(h: Half, pace: number): string {
  // Each workspace's set also has its channel reminder and two presenter notices.
  const perWorkspace = h.nudges / SLACK_WORKSPACES + 3;
  const budget = perSecond(SLACK_LIMITS.perScope);
  const finished = h.stats.scopes.filter((s) => s.sends >= perWorkspace);
  const doneAt = finished.map((s) => (s.lastAt - h.result.startedAt) / 1000).sort((a, b) => a - b);
  const busy = h.stats.scopes.filter((s) => s.sends > 3).length;
  const seen =
    `Slack's workspaces: ${finished.length} of ${SLACK_WORKSPACES} had all their ${fmt(perWorkspace)} sends, ${busy} had begun their RSVP reminders` +
    (doneAt.length > 0 ? `; they finished at ${doneAt.map((t) => `${fmt(t, 1)} s`).join(', ')}. ` : '. ');
  if (pace > 2 * budget) return `${seen}They were served side by side (${fmt(pace, 1)} sends a second, SLACK_LIMITS allowing ${fmt(budget)} a workspace); what is left of the gap is SLACK_LIMITS' headroom under the modelled workspace limit.`;
  return (
    `${seen}The pace, ${fmt(pace, 1)} a second, is about one workspace's budget (SLACK_LIMITS: ${fmt(budget)} a second after a burst), not ${SLACK_WORKSPACES}: ` +
    `the scheduler sends 4 at a time from a batch of due jobs in the order they were planned, set by set, so all 4 lanes wait on one workspace's pacing while the others idle. ` +
    `To close it: pace-aware dispatch (take the next job whose workspace has room: e.g. the pacer saying when an address could go, and the runner deferring a job with a long wait as it defers quiet hours; or lanes per workspace). ` +
    `Then the time would be one workspace's at SLACK_LIMITS (${seconds(h.pacedMs)}, ${fmt(h.pacedMs / h.minimumMs, 2)}x); the rest of the gap is SLACK_LIMITS' headroom under the modelled workspace limit.`
  );
}

/** Why Teams' documented window was overrun although the pacer keeps inside it. */
function teamsWhy(h: Half): string {
  const tenant = [TEAMS_LIMITS.perScope].flat()[0]!;
  const room = 1000 / tenant.rate;
  // A nudge refused late in the run is the last to go, once its backoff is over.
  const late = h.result.complete && h.result.elapsedMs > h.pacedMs + 5_000;
  return (
    `Teams' 429s: TEAMS_LIMITS paces a tenant at ${fmt(tenant.rate)} a second after a burst of ${fmt(tenant.burst)}, which leaves one send (${fmt(room, 1)} ms) of room in any second of the 50; ` +
    `a send's trip from the pacer's timer to the connector varies by more than that (a first request's new connection, an event-loop stall on either side), so the connector counts 51 in a second. ` +
    (late ? `The time is the last retry's: without the 429s it would have been near the paced ${seconds(h.pacedMs)}. ` : '') +
    `To close it: a tenant bucket with a few sends' room, e.g. 46 a second with a burst of 1 (about 4 sends, 87 ms, for about 4% more time: still inside 1.1x), in adapters/teams/pace.ts.`
  );
}
