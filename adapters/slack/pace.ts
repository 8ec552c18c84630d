import type { Address, SendLimits } from '../../src/ports/chat';
import { teamOf } from './address';

/**
 * Slack's published limits, with headroom: chat.postMessage allows about one message
 * a second to a channel (short bursts tolerated) and several hundred a minute across
 * a workspace. Each workspace has its own budget, so the scope is the team.
 */
export const SLACK_LIMITS: SendLimits = {
  perAddress: { rate: 1, burst: 1 },
  perScope: { rate: 4, burst: 8 },
  scopeOf: (to: Address) => `slack:${teamOf(to)}`,
};
