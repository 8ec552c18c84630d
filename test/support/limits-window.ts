/**
 * Platform send limits as the platforms state them: "at most `most` in any `ms`",
 * counted in sliding windows. The enforcing fakes (./limits-proxy.ts) admit a send only
 * if every window of every key it counts under (a channel, a workspace, a tenant) has
 * room; the delivery benchmark replays the same counting to find the fastest any
 * sender could go.
 */

/** At most `most` sends in any `ms` milliseconds. */
export interface Window {
  readonly most: number;
  readonly ms: number;
}

/** One key a send counts under, with the windows that key is held to. */
export interface Counted {
  readonly key: string;
  readonly windows: readonly Window[];
}

export class SlidingWindows {
  /** Admitted send times per key, oldest first. */
  private readonly times = new Map<string, number[]>();

  /**
   * How long after `now` a send counted under `keys` would first fit: 0 when it fits
   * now. A window (now − ms, now] holding `most` sends already has no room until the
   * oldest of the last `most` is `ms` old. Times must not go backwards.
   */
  wait(keys: readonly Counted[], now: number): number {
    let until = now;
    for (const { key, windows } of keys) {
      const times = this.times.get(key) ?? [];
      for (const { most, ms } of windows) {
        if (times.length < most) continue;
        const oldest = times[times.length - most]!;
        if (oldest > now - ms) until = Math.max(until, oldest + ms);
      }
    }
    return until - now;
  }

  /** Counts a send at `now` under each key. */
  count(keys: readonly Counted[], now: number): void {
    for (const { key, windows } of keys) {
      const times = this.times.get(key) ?? this.times.set(key, []).get(key)!;
      times.push(now);
      // Only the last `most` sends can decide a later one (see `wait`).
      const keep = Math.max(...windows.map((w) => w.most));
      if (times.length > keep) times.splice(0, times.length - keep);
    }
  }
}
