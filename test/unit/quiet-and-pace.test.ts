import { describe, expect, it } from 'vitest';
import { quietUntil } from '../../src/domain/nudges/quiet';
import type { Address } from '../../src/domain/address';
import type { ChatPort } from '../../src/ports/chat';
import { PacedChat, type PacerClock } from '../../src/scheduler/pacer';
import { SLACK_LIMITS } from '../../adapters/slack/pace';

describe('quiet hours', () => {
  const night = { start: '20:00', end: '08:00' };

  it('holds a nudge at 23:30 until 08:00 in the person\'s own zone', () => {
    const at = new Date('2027-01-06T04:30:00Z'); // 23:30 in New York
    expect(quietUntil(at, 'America/New_York', night)?.toISOString()).toBe('2027-01-06T13:00:00.000Z'); // 08:00 there
  });

  it('covers the small hours, and lets the day through', () => {
    expect(quietUntil(new Date('2027-01-06T06:59:00Z'), 'Europe/London', night)?.toISOString()).toBe('2027-01-06T08:00:00.000Z');
    expect(quietUntil(new Date('2027-01-06T08:00:00Z'), 'Europe/London', night)).toBeNull();
    expect(quietUntil(new Date('2027-01-06T19:59:00Z'), 'Europe/London', night)).toBeNull();
    expect(quietUntil(new Date('2027-01-06T13:00:00Z'), 'Europe/London', { start: '12:30', end: '13:30' })?.toISOString()).toBe('2027-01-06T13:30:00.000Z');
    expect(quietUntil(new Date('2027-01-06T23:00:00Z'), 'Europe/London', null)).toBeNull();
  });
});

describe('pacing', () => {
  /** A fake clock: sleeping moves it on, so the test sees the waits without waiting. */
  function fakeTime(): PacerClock & { waited: number[] } {
    let t = 0;
    const waited: number[] = [];
    return { now: () => t, sleep: async (ms) => void (waited.push(ms), (t += ms)), waited };
  }
  const sent: { to: string; at: number }[] = [];
  const channel = (id: string, team = 'T1'): Address => ({ platform: 'slack', kind: 'channel', ref: { team, channel: id } });

  it('sends to one Slack channel at most once a second, and to the workspace within its rate', async () => {
    const time = fakeTime();
    const inner: ChatPort = { post: async (to) => (sent.push({ to: JSON.stringify(to.ref), at: time.now() }), { address: to, ref: null }), update: async () => {} };
    const paced = new PacedChat(inner, SLACK_LIMITS, time);
    sent.length = 0;
    for (let i = 0; i < 5; i++) await paced.post(channel('C1'), { text: 'x' });
    expect(sent.map((s) => Math.round(s.at))).toEqual([0, 1000, 2000, 3000, 4000]);

    sent.length = 0;
    const start = time.now();
    for (let i = 0; i < 40; i++) await paced.post(channel(`D${i}`), { text: 'x' });
    const span = (sent.at(-1)!.at - start) / 1000;
    // 40 sends to different people: the workspace bucket (4/s after a burst of 8) sets the pace.
    expect(40 / span).toBeLessThanOrEqual(5.5);
  });

  it('gives each Slack workspace its own budget', async () => {
    const time = fakeTime();
    const paced = new PacedChat({ post: async (to) => ({ address: to, ref: null }), update: async () => {} }, SLACK_LIMITS, time);
    // Each workspace's burst is its own: 8 sends in each of two teams go out at once.
    for (let i = 0; i < 8; i++) await paced.post(channel(`C${i}`, 'T1'), { text: 'x' });
    for (let i = 0; i < 8; i++) await paced.post(channel(`C${i}`, 'T2'), { text: 'x' });
    expect(time.waited).toEqual([]);
    await paced.post(channel('C9', 'T1'), { text: 'x' });
    expect(time.waited).toHaveLength(1);
  });
});
