import type { Address, SendLimits } from '../../src/ports/chat';
import { tenantOf } from './address';

/**
 * Teams' published limits for one bot. In one conversation: 7 messages a second, 8 in
 * 2 s, 60 in 30 s and 1,800 an hour; across a tenant, 50 requests a second. Each
 * window is a bucket whose burst plus refill over the window stays within it (burst b
 * and rate r allow at most b + r·w in any w seconds), so no window is ever exceeded.
 */
export const TEAMS_LIMITS: SendLimits = {
  perAddress: [
    { rate: 3, burst: 4 }, // 4 + 3 × 1 = 7 in any second
    { rate: 2, burst: 4 }, // 4 + 2 × 2 = 8 in any 2 s
    { rate: 1.8, burst: 6 }, // 6 + 1.8 × 30 = 60 in any 30 s
    { rate: 0.49, burst: 36 }, // 36 + 0.49 × 3600 = 1,800 in any hour
  ],
  // 46 a second across the tenant, evenly, not 50: a send's way to Teams (a new connection,
  // a busy event loop) moves it by tens of milliseconds, and at 48 after a burst of 2 the
  // margin was one send (21 ms), so some arrived early and were refused (429) in
  // `npm run bench:delivery`; at 46 none were, 8% under the limit (docs/benchmarks.md, B3).
  perScope: { rate: 46, burst: 1 },
  scopeOf: (to: Address) => `teams:${tenantOf(to)}`,
};
