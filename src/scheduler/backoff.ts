/**
 * When a failed send is tried again. Exponential backoff with full jitter spreads
 * retries from many jobs so they do not hit a recovering platform together; a
 * platform's Retry-After is a floor, never shortened.
 */
export interface RetryPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  readonly maxAttempts: number;
}

/**
 * Ten tries over about three hours (30 s, 1, 2, 4, 8, 16, 32 minutes, then hourly):
 * failures the platform calls passing (rate limits, 5xx, dropped connections) get
 * through even at a 30% fault rate (ten in a row: 6 in a million), and a refusal for
 * good (Undeliverable) is not retried at all. A nudge whose moment passes meanwhile is
 * skipped as stale, not sent late.
 */
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, maxMs: 60 * 60_000, maxAttempts: 10 };

export type RetryDecision = { readonly retry: true; readonly delayMs: number } | { readonly retry: false };

/**
 * `attempt` counts the tries already made (1 after the first failure);
 * `random` is injectable so tests can pin the jitter.
 */
export function nextRetry(
  attempt: number,
  retryAfterSeconds: number | undefined,
  policy: RetryPolicy = DEFAULT_RETRY,
  random: () => number = Math.random,
): RetryDecision {
  if (attempt >= policy.maxAttempts) return { retry: false };
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  const floor = retryAfterSeconds === undefined ? 0 : Math.ceil(retryAfterSeconds * 1000);
  return { retry: true, delayMs: Math.max(jittered, floor) };
}
