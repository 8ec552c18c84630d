import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, nextRetry } from '../../src/scheduler/backoff';

describe('retry backoff', () => {
  it('doubles the window each attempt, within half to all of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: DEFAULT_RETRY.maxAttempts - 1 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const decision = nextRetry(attempt, undefined, DEFAULT_RETRY, () => r);
        const ceiling = Math.min(DEFAULT_RETRY.maxMs, DEFAULT_RETRY.baseMs * 2 ** (attempt - 1));
        expect(decision.retry).toBe(true);
        if (decision.retry) {
          expect(decision.delayMs).toBeGreaterThanOrEqual(ceiling / 2);
          expect(decision.delayMs).toBeLessThanOrEqual(ceiling);
        }
      }),
    );
  });

  it('never retries sooner than the platform asked', () => {
    expect(nextRetry(1, 120, DEFAULT_RETRY, () => 0)).toEqual({ retry: true, delayMs: 120_000 });
    expect(nextRetry(1, 1, DEFAULT_RETRY, () => 0)).toEqual({ retry: true, delayMs: 15_000 });
  });

  it('gives up after the last attempt', () => {
    expect(nextRetry(DEFAULT_RETRY.maxAttempts, undefined)).toEqual({ retry: false });
  });
});
