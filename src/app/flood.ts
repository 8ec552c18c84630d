/**
 * A polite limit on how fast one person can send Setwise requests: a token bucket per
 * person (platform, workspace, user), so a flood from one is answered "slow down" at
 * once, without work, and without slowing anyone else. Kept in memory, per process:
 * with several instances each holds its own bucket, which bounds the flood all the
 * same (a few times the rate at most).
 */
export interface FloodLimits {
  /** Requests one person may send at once, after a pause. */
  readonly burst: number;
  /** Requests a second one person may send for as long as they like. */
  readonly perSecond: number;
}

export const DEFAULT_FLOOD_LIMITS: FloodLimits = { burst: 20, perSecond: 0.5 };

/** Buckets idle this long are forgotten, so the map holds only people active lately. */
const IDLE_MS = 10 * 60_000;

export class FloodGuard {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private swept = 0;

  constructor(private readonly limits: FloodLimits = DEFAULT_FLOOD_LIMITS) {}

  /** Takes one request from `who`'s bucket at `now`; false when it is empty. */
  take(who: string, now: Date): boolean {
    const t = now.getTime();
    this.sweep(t);
    const b = this.buckets.get(who) ?? { tokens: this.limits.burst, at: t };
    const tokens = Math.min(this.limits.burst, b.tokens + Math.max(0, t - b.at) / 1000 * this.limits.perSecond);
    const allowed = tokens >= 1;
    this.buckets.set(who, { tokens: allowed ? tokens - 1 : tokens, at: t });
    return allowed;
  }

  private sweep(t: number): void {
    if (t - this.swept < IDLE_MS) return;
    this.swept = t;
    for (const [who, b] of this.buckets) if (t - b.at > IDLE_MS) this.buckets.delete(who);
  }
}
