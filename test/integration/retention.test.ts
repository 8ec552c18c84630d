import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RETENTION } from '../../src/app/retention';
import { createHarness, type Harness } from '../support/harness';

/**
 * Retention: finished jobs go 30 days after their moment, handled event ids after 7,
 * by the scheduler's own ticks; what still matters stays, and nothing pruned is ever
 * planned or sent again.
 */
let h: Harness;
const DAY = 86_400_000;
beforeEach(async () => {
  h = await createHarness(new Date('2027-01-04T09:00:00Z'));
  await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
  await h.say('alice', '#leaders', 'member add @bob @carol @dave');
  await h.say('alice', '#leaders', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 4 meetings');
});
afterEach(() => h.close());

describe('retention', () => {
  it('prunes finished jobs a month after their moment, keeps the rest, and never sends a pruned one again', async () => {
    await h.advanceTo(new Date('2027-02-20T00:00:00Z'));
    const before = (await h.planOf()).jobs;
    const firstMeeting = (await h.planOf()).meetings[0]!;
    expect(before.filter((j) => j.meetingId === firstMeeting.id && j.status !== 'pending').length).toBeGreaterThan(5);

    await h.advanceTo(new Date('2027-04-20T00:00:00Z'));
    await h.scheduler.tick(); // a tick now, as cron's next minute would be: it prunes as of now
    const now = h.clock.now().getTime();
    const after = (await h.planOf()).jobs;
    const cutoff = now - RETENTION.jobsDays * DAY;
    // Every finished job left is within the month; every one older is gone; pending ones all stay.
    for (const j of after.filter((x) => x.status !== 'pending' && x.status !== 'claimed')) {
      expect(Math.max(j.runAt.getTime(), j.staleAt?.getTime() ?? 0), j.dedupeKey).toBeGreaterThanOrEqual(cutoff - 10 * 60_000);
    }
    expect(after.filter((j) => j.meetingId === firstMeeting.id)).toEqual([]);
    const keys = new Set(after.map((j) => j.dedupeKey));
    for (const j of before.filter((x) => x.status === 'pending' && x.staleAt! > h.clock.now())) expect(keys.has(j.dedupeKey), j.dedupeKey).toBe(true);

    // A re-plan (any change) plans none of the pruned jobs again, and nothing is sent twice.
    const sent = h.chat.posts.length;
    await h.say('alice', '#leaders', 'set rename Southern Lights');
    await h.say('bob', '#leaders', 'rotation');
    expect((await h.planOf()).jobs.filter((j) => j.meetingId === firstMeeting.id)).toEqual([]);
    await h.advanceTo(new Date('2027-06-01T00:00:00Z'));
    const texts = h.chat.posts.map((p) => `${JSON.stringify(p.to)} ${p.message.text}`);
    expect(new Set(texts).size).toBe(texts.length);
    expect(h.chat.posts.slice(sent).every((p) => !p.message.text.includes('Tue 5 Jan 2027'))).toBe(true);
  });

  it('forgets handled event ids after a week, and still refuses a redelivery within it', async () => {
    const t0 = new Date('2027-01-04T09:00:00Z');
    expect(await h.store.events.firstDelivery('slack', 'Ev-old', t0)).toBe(true);
    expect(await h.store.events.firstDelivery('slack', 'Ev-new', new Date(t0.getTime() + 6 * DAY))).toBe(true);
    expect(await h.store.events.prune(new Date(t0.getTime() + 1), 100)).toBe(1);
    expect(await h.store.events.firstDelivery('slack', 'Ev-new', new Date(t0.getTime() + 6 * DAY))).toBe(false);
    expect(await h.store.events.firstDelivery('slack', 'Ev-old', new Date(t0.getTime() + 8 * DAY))).toBe(true);
    // By the scheduler: eight days on, the ticks forget them.
    await h.advanceTo(new Date(t0.getTime() + 16 * DAY));
    expect(await h.store.events.firstDelivery('slack', 'Ev-new', h.clock.now())).toBe(true);
  });

  it('prunes a backlog a batch at a time', async () => {
    await h.advanceTo(new Date('2027-05-01T00:00:00Z'));
    const finished = (await h.planOf()).jobs.filter((j) => j.status !== 'pending').length;
    expect(await h.store.jobs.prune(new Date('2099-01-01T00:00:00Z'), 3)).toBe(Math.min(3, finished));
  });
});
