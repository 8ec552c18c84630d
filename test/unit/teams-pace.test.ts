/**
 * Teams' limits as the Teams adapter declares them, applied by the scheduler's pacer:
 * whatever the pattern of sends, no conversation ever gets more than 7 in a second, 8
 * in 2 s, 60 in 30 s or 1,800 in an hour, and a tenant no more than 50 in a second.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEAMS_LIMITS } from '../../adapters/teams/pace';
import type { Address, ChatPort } from '../../src/ports/chat';
import { PacedChat, type PacerClock } from '../../src/scheduler/pacer';

const WINDOWS = [
  { ms: 1000, most: 7 },
  { ms: 2000, most: 8 },
  { ms: 30_000, most: 60 },
  { ms: 3_600_000, most: 1800 },
];

/** The largest number of sends in any window of `ms` (a half-open interval starting at a send). */
function busiest(times: readonly number[], ms: number): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= ms) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

function run(sends: readonly { to: number; tenant: number; gap: number }[]) {
  let t = 0;
  const time: PacerClock = { now: () => t, sleep: async (ms) => void (t += ms) };
  const at = new Map<string, number[]>();
  const record = (key: string) => (at.get(key) ?? at.set(key, []).get(key)!).push(t);
  const inner: ChatPort = {
    post: async (to) => {
      const ref = to.ref as { tenant: string; user: string };
      record(`person:${ref.tenant}:${ref.user}`);
      record(`tenant:${ref.tenant}`);
      return { address: to, ref: null };
    },
    update: async () => {},
  };
  const paced = new PacedChat(inner, TEAMS_LIMITS, time);
  return {
    at,
    async go() {
      for (const s of sends) {
        t += s.gap;
        const to: Address = { platform: 'teams', kind: 'user', ref: { tenant: `t${s.tenant}`, user: `29:u${s.to}` } };
        await paced.post(to, { text: 'x' });
      }
    },
  };
}

describe('Teams limits through the pacer', () => {
  it('never exceeds any window, for a conversation or a tenant, whatever the pattern of sends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ to: fc.integer({ min: 0, max: 3 }), tenant: fc.integer({ min: 0, max: 1 }), gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5000 })) }), { maxLength: 400 }), async (sends) => {
        const r = run(sends);
        await r.go();
        for (const [key, times] of r.at) {
          if (key.startsWith('person:')) for (const w of WINDOWS) expect(busiest(times, w.ms)).toBeLessThanOrEqual(w.most);
          else expect(busiest(times, 1000)).toBeLessThanOrEqual(50);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('holds one conversation to 1,800 an hour, and a tenant near its 50 a second', async () => {
    const one = run(Array.from({ length: 2000 }, () => ({ to: 0, tenant: 0, gap: 0 })));
    await one.go();
    const times = one.at.get('person:t0:29:u0')!;
    expect(busiest(times, 3_600_000)).toBeLessThanOrEqual(1800);
    expect(times[1800]! - times[0]!).toBeGreaterThanOrEqual(3_600_000);

    // Many people in one tenant: the tenant's budget is the pace, and it is used, not wasted.
    const many = run(Array.from({ length: 5000 }, (_, i) => ({ to: i, tenant: 0, gap: 0 })));
    await many.go();
    const tenant = many.at.get('tenant:t0')!;
    const rate = tenant.length / ((tenant.at(-1)! - tenant[0]!) / 1000);
    expect(rate).toBeLessThanOrEqual(50);
    expect(rate).toBeGreaterThan(45);
  });
});
