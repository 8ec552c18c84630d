/**
 * The organisation B3 delivers to, shared by the processes that play Setwise and the
 * platforms: on Slack, an Enterprise Grid of 20 workspaces, each with its own
 * installation (bot token) and its own budget; on Teams, one tenant.
 */
export { TENANT, CHANNEL } from '../../../test/support/teams/activities';

export const SLACK_WORKSPACES = 20;
export const slackTeam = (w: number) => `T0BENCH${w}`;
export const slackToken = (w: number) => `xoxb-bench-${w}`;
export const slackChannel = (w: number) => `C0BENCH${w}`;

/** What the section asks of one half. */
export interface HalfConfig {
  readonly platform: 'slack' | 'teams';
  /** Private nudges (RSVP reminders) in all. */
  readonly nudges: number;
  /** The limits' front: Slack's Web API base URL, or Teams' service URL. */
  readonly url: string;
  /** Where the half keeps its database. */
  readonly dir: string;
  /** The most the drain may take before the half reports what it has done. */
  readonly capMs: number;
}

/** How many of each kind were due at the start, and how many were sent, per the database. */
export type KindCounts = Record<string, { due: number; done: number; dead: number }>;

export interface HalfResult {
  readonly complete: boolean;
  readonly elapsedMs: number;
  /** ms since the epoch when the first tick began, comparable with the fake's clock. */
  readonly startedAt: number;
  readonly kinds: KindCounts;
  /** Stopped at the cap: how long after the start the last job not yet sent is due (a retry's wait), ms. */
  readonly lastDueMs: number;
  /** Sends the scheduler put back for a retry (a 429 or any other failure). */
  readonly retries: number;
  readonly warnings: readonly string[];
  /** The Setwise process's event-loop delay, ms: how late a timer (a pacing wait) could fire. */
  readonly lag: { readonly p99: number; readonly max: number };
}

export interface FakeStats {
  readonly admitted: number;
  readonly refused: number;
  /** How much too soon each refused request came, ms, largest first. */
  readonly refusedEarlyMs: readonly number[];
  /** Admitted sends to people (DMs, personal chats), and to channels. */
  readonly privateSends: number;
  readonly channelSends: number;
  /** The same message to the same place more than once. */
  readonly duplicates: number;
  readonly firstAt: number | undefined;
  readonly lastAt: number | undefined;
  /** Per workspace (Slack) or tenant (Teams): sends admitted, and when the first and the last came. */
  readonly scopes: readonly { readonly scope: string; readonly sends: number; readonly firstAt: number; readonly lastAt: number }[];
  readonly lag: { readonly p99: number; readonly max: number };
}
