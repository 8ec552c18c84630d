import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateLimited, Undeliverable } from '../../src/ports/chat';
import { channel, createHarness, dmOf, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2026-12-01T12:00:00Z'));
  await h.say('alice', '#six', 'set create Six tz Europe/London');
  await h.say('alice', '#six', 'member add @bob @carol @dave @erin @frank @gina');
});
afterEach(() => h.close());

const SIX = channel('six').address;
const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' }).toJSDate();
const sentTo = (name: string) => h.chat.to(dmOf(name)).map((m) => m.text);
/** The set's outbox, read through the Store port. */
const jobRows = async () => (await h.planOf('six')).jobs;
const idOf = (name: string) => h.idOf(name, 'six');
/** The outbox row whose key is `prefix` and then that person's id. */
const jobFor = async (prefix: string, name: string) => {
  const key = `${prefix}${await idOf(name)}`;
  return (await jobRows()).find((j) => j.dedupeKey === key);
};
const postsAbout = (day: string) => h.chat.posts.filter((p) => p.message.text.includes(day));

describe('nudges', () => {
  it('plans the catalogue for each meeting at its offsets', async () => {
    await h.say('alice', '#six', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 2 meetings');
    const first = (await jobRows()).filter((j) => j.dedupeKey.startsWith('meeting:1:'));
    const at = (key: string) => first.find((j) => j.dedupeKey === key)?.runAt.toISOString();
    expect(at(`meeting:1:presenter-notice:${await idOf('bob')}`)).toBe('2026-12-29T10:00:00.000Z'); // 7 days before
    expect(at('meeting:1:meeting-reminder')).toBe('2027-01-04T10:00:00.000Z');
    expect(at(`meeting:1:rsvp-reminder:${await idOf('dave')}`)).toBe('2027-01-04T10:00:00.000Z');
    expect(at('meeting:1:checkin')).toBe('2027-01-05T10:00:00.000Z');
    expect(at(`meeting:1:reflection:${await idOf('carol')}`)).toBe('2027-01-05T15:00:00.000Z'); // 2 hours after it ends
    expect(at(`meeting:1:action-follow-up:${await idOf('carol')}`)).toBe('2027-01-19T10:00:00.000Z'); // halfway to 2 Feb: day 14 of 28, at the meeting's time
    // The programme's last meeting is 2 Feb: the review goes the next day, at the meeting's time.
    expect((await jobFor(`meeting:2:programme-end:`, 'carol'))?.runAt.toISOString()).toBe('2027-02-03T10:00:00.000Z');
    expect(first.filter((j) => j.kind === 'challenge-reminder')).toHaveLength(0); // off unless the set asks
  });

  it('counts a week before in calendar days across the clock change, in each presenter\'s own zone', async () => {
    // 30 Mar 2027 10:00 London is 09:00 UTC (BST since the 28th); a week earlier it is GMT.
    await h.say('alice', '#six', 'schedule every 4 weeks on tuesday at 10:00 from 2027-03-30 for 1 meetings');
    const notices = async () => (await jobRows()).filter((j) => j.kind === 'presenter-notice');
    const [first, second] = (await notices()).map((j) => j.personId!);
    const nameOf = async (id: number) => (await h.store.people.get(id))!.displayName;
    expect((await notices()).map((j) => j.runAt.toISOString())).toEqual(['2027-03-23T10:00:00.000Z', '2027-03-23T10:00:00.000Z']);
    // One presenter reads times in New York, where the clocks changed on 14 Mar: 05:00 there, on the 23rd as on the 30th.
    await h.say(await nameOf(second!), 'dm', 'me tz America/New_York');
    const byPerson = new Map((await notices()).map((j) => [j.personId!, j.runAt.toISOString()]));
    expect(byPerson.get(first!)).toBe('2027-03-23T10:00:00.000Z');
    expect(byPerson.get(second!)).toBe('2027-03-23T09:00:00.000Z');
    await h.advanceTo(new Date('2027-03-24T00:00:00Z'));
    const sent = h.chat.posts.filter((p) => p.message.text.startsWith('You are presenting'));
    expect(sent.map((p) => DateTime.fromJSDate(p.at, { zone: 'Europe/London' }).toFormat('ccc d LLL HH:mm')).sort()).toEqual(['Tue 23 Mar 09:00', 'Tue 23 Mar 10:00']);
    // The channel's day-before reminder counts in the set's zone: 10:00 BST on the 29th.
    expect((await jobRows()).find((j) => j.kind === 'meeting-reminder')?.runAt.toISOString()).toBe('2027-03-29T09:00:00.000Z');
  });

  it('keeps a day-based nudge at the meeting\'s time when the clocks go back', async () => {
    // 2 Nov 2027 10:00 London is GMT; a week earlier (26 Oct) is still BST, so 09:00 UTC.
    await h.say('alice', '#six', 'schedule every 4 weeks on tuesday at 10:00 from 2027-11-02 for 1 meetings');
    expect((await jobRows()).filter((j) => j.kind === 'presenter-notice').map((j) => j.runAt.toISOString())).toEqual(['2027-10-26T09:00:00.000Z', '2027-10-26T09:00:00.000Z']);
    // Hours stay exact durations: 36 hours before 10:00 GMT on the 2nd is 22:00 GMT on 31 Oct.
    await h.say('alice', '#six', 'set nudges meeting-reminder 36h');
    expect((await jobRows()).find((j) => j.kind === 'meeting-reminder')?.runAt.toISOString()).toBe('2027-10-31T22:00:00.000Z');
    await h.say('alice', '#six', 'set nudges meeting-reminder 1w');
    expect((await jobRows()).find((j) => j.kind === 'meeting-reminder')?.runAt.toISOString()).toBe('2027-10-26T09:00:00.000Z');
  });

  it('sends every kind, each once, as the programme runs', async () => {
    await h.say('alice', '#six', 'set nudges challenge-reminder on');
    await h.say('alice', '#six', 'set nudges low-attendance 4');
    await h.say('alice', '#six', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 2 meetings');
    await h.say('carol', '#six', 'action add call the finance lead');
    await h.say('dave', '#six', 'rsvp no');
    await h.say('erin', '#six', 'rsvp no');
    await h.say('frank', '#six', 'rsvp no');
    await h.say('gina', '#six', 'rsvp no');
    await h.advanceTo(new Date('2027-03-01T00:00:00Z'));
    const texts = h.chat.posts.map((p) => p.message.text);
    const count = (re: RegExp) => texts.filter((t) => re.test(t)).length;
    expect(count(/^You are presenting at Six on Tue 5 Jan/)).toBe(2);
    expect(count(/^A reminder: you present at Six/)).toBe(4);
    expect(count(/^Six meets on Tue 5 Jan 2027/)).toBe(1);
    expect(count(/^Will you be at Six on Tue 5 Jan/)).toBe(3); // not the four who said no
    expect(sentTo('alice').filter((t) => t.startsWith('Only 3 people may come to Six on Tue 5 Jan 2027, 10:00–13:00 Europe/London (4 said no); the set\'s minimum is 4.'))).toHaveLength(1);
    expect(count(/^Check-in for today's meeting of Six/)).toBe(2);
    expect(count(/^Thank you for Six on Tue 5 Jan 2027/)).toBe(3); // attendees only
    expect(count(/^Halfway to the next meeting of Six/)).toBe(1); // carol, who has an action
    expect(count(/^The programme of Six has come to its end/)).toBe(7);
    expect(sentTo('carol').some((t) => t.includes('1. call the finance lead'))).toBe(true);
    // Re-running the same stretch sends nothing again.
    const before = h.chat.posts.length;
    await h.advanceTo(new Date('2027-03-02T00:00:00Z'));
    expect(h.chat.posts.length).toBe(before);
  });

  it('moves a meeting\'s reminders with it, and sends none for a cancelled one', async () => {
    await h.say('alice', '#six', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 3 meetings');
    await h.say('alice', '#six', 'meeting move 2027-01-05 to 2027-01-07 at 14:00');
    await h.say('alice', '#six', 'meeting cancel 2027-02-02');
    await h.advanceTo(new Date('2027-03-03T00:00:00Z'));
    const reminders = h.chat.posts.filter((p) => p.message.text.startsWith('Six meets on'));
    expect(reminders.map((p) => [p.message.text.slice(13, 40), p.at.toISOString()])).toEqual([
      ['Thu 7 Jan 2027, 14:00–17:00', '2027-01-06T14:00:00.000Z'],
      ['Tue 2 Mar 2027, 10:00–13:00', '2027-03-01T10:00:00.000Z'],
    ]);
    expect(postsAbout('5 Jan')).toHaveLength(0);
    expect(postsAbout('2 Feb')).toHaveLength(0);
    expect(h.chat.posts.filter((p) => p.message.text.startsWith('Check-in')).map((p) => p.at.toISOString())).toEqual(['2027-01-07T14:00:00.000Z', '2027-03-02T10:00:00.000Z']);
  });

  it('holds a private nudge in quiet hours until they end, in the person\'s own zone', async () => {
    await h.say('bob', 'dm', 'me tz America/New_York');
    await h.say('bob', 'dm', 'me quiet 20:00-08:00');
    // Reflection due 23:30 New York: a meeting ending 21:00 there, reflection 2h30 later.
    await h.say('alice', '#six', 'schedule every 4 weeks on tuesday at 18:00 for 3h from 2027-01-05 for 1 meetings tz America/New_York');
    await h.say('alice', '#six', 'set nudges reflection 150m');
    await h.advanceTo(new Date('2027-01-07T00:00:00Z'));
    const reflections = h.chat.posts.filter((p) => p.message.text.startsWith('Thank you for Six'));
    const bob = reflections.find((p) => JSON.stringify(p.to) === JSON.stringify(dmOf('bob')))!;
    expect(DateTime.fromJSDate(bob.at, { zone: 'America/New_York' }).toFormat('yyyy-MM-dd HH:mm')).toBe('2027-01-06 08:00');
    const carol = reflections.find((p) => JSON.stringify(p.to) === JSON.stringify(dmOf('carol')))!;
    expect(DateTime.fromJSDate(carol.at, { zone: 'America/New_York' }).toFormat('yyyy-MM-dd HH:mm')).toBe('2027-01-05 23:30');
  });

  it('retries with backoff, honours Retry-After, and dead-letters to the facilitators', async () => {
    await h.say('alice', '#six', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 1 meetings');
    h.chat.failWith = new Error('channel_not_found');
    h.chat.failFor = (to) => JSON.stringify(to) === JSON.stringify(dmOf('gina'));
    await h.advanceTo(new Date('2027-01-04T10:00:00Z')); // reminders due now
    const gina = async () => (await jobFor(`meeting:1:rsvp-reminder:`, 'gina'))!;
    expect((await gina())).toMatchObject({ status: 'pending', attempts: 1, lastError: 'channel_not_found' });
    const retryIn = (await gina()).runAt.getTime() - Date.parse('2027-01-04T10:00:00Z');
    expect(retryIn).toBeGreaterThanOrEqual(15_000);
    expect(retryIn).toBeLessThanOrEqual(30_000);
    await h.advanceTo(new Date('2027-01-05T09:00:00Z'));
    expect((await gina())).toMatchObject({ status: 'dead', attempts: 10 });
    expect(sentTo('alice').at(-1)).toBe('I could not deliver a rsvp reminder for Six after 10 tries (channel_not_found). Nothing else is affected; you may want to pass the message on yourself.');

    // A re-plan while a job waits out its backoff does not bring the retry forward.
    h.chat.failWith = new Error('timeout');
    h.chat.failFor = (to) => JSON.stringify(to) === JSON.stringify(dmOf('frank'));
    await h.say('frank', '#six', 'action add something to report');
    h.clock.set(new Date('2027-01-05T09:46:00Z'));
    await h.scheduler.tick(); // frank's pre-check-in actions fail once
    const frank = async () => (await jobFor(`meeting:1:checkin-actions:`, 'frank'))!;
    const backoff = (await frank()).runAt.getTime();
    expect((await frank())).toMatchObject({ status: 'pending', attempts: 1, lastError: 'timeout' });
    await h.say('frank', '#six', 'rsvp maybe'); // re-plans the set's jobs
    expect((await frank())).toMatchObject({ attempts: 1, lastError: 'timeout' });
    expect((await frank()).runAt.getTime()).toBe(backoff);

    h.chat.failWith = new RateLimited(600);
    h.chat.failFor = (to) => JSON.stringify(to) === JSON.stringify(SIX);
    await h.advanceTo(new Date('2027-01-05T10:00:00Z')); // the check-in is due
    const checkin = (await jobRows()).find((j) => j.dedupeKey === 'meeting:1:checkin')!;
    expect(checkin.runAt.getTime() - Date.parse('2027-01-05T10:00:00Z')).toBeGreaterThanOrEqual(600_000);
  });

  it('dead-letters at once what the platform refuses for good, and tells the facilitators', async () => {
    await h.say('alice', '#six', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 1 meetings');
    h.chat.failWith = new Undeliverable('Slack refused it: user_not_found');
    h.chat.failFor = (to) => JSON.stringify(to) === JSON.stringify(dmOf('gina'));
    await h.advanceTo(new Date('2027-01-04T10:00:00Z'));
    expect(await jobFor(`meeting:1:rsvp-reminder:`, 'gina')).toMatchObject({ status: 'dead', attempts: 1, lastError: 'Slack refused it: user_not_found' });
    expect(sentTo('alice').some((t) => /I could not deliver a rsvp reminder for Six .*user_not_found/.test(t))).toBe(true);
  });

  it('skips a nudge that has gone stale while Setwise was down, rather than send it late', async () => {
    await h.say('alice', '#six', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 1 meetings');
    h.clock.set(new Date('2027-01-05T11:00:00Z')); // down through the reminders and the start
    await h.scheduler.tick();
    expect(h.chat.posts.filter((p) => /^(Six meets|Will you be|You are presenting)/.test(p.message.text))).toHaveLength(0);
    const skipped = (await jobRows()).filter((j) => j.status === 'skipped' && j.lastError?.startsWith('stale'));
    expect(skipped.map((j) => j.kind).sort()).toContain('meeting-reminder');
    expect(h.chat.posts.filter((p) => p.message.text.startsWith('Check-in'))).toHaveLength(1); // still useful: the meeting is on
  });

  it('re-plans the rotation on an RSVP no, and answers RSVP buttons the same way', async () => {
    await h.say('alice', '#six', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 2 meetings');
    expect(await h.text('carol', '#six', 'rsvp no')).toBe(
      'Noted: you cannot come to Six on Tue 5 Jan 2027, 10:00–13:00 Europe/London. If you were due to present, the rotation has passed your turn on, and you go first next time.',
    );
    expect(await h.text('bob', '#six', 'rotation')).toContain('1. @carol: missed their turn on Tue 5 Jan 2027 (said no)');
    const reply = await h.core.handle({
      platform: 'console',
      workspaceId: 'W1',
      actor: { userId: 'U-carol', displayName: 'carol', dm: dmOf('carol') },
      where: { kind: 'dm', id: 'D-carol', label: 'dm @carol', address: dmOf('carol') },
      payload: { type: 'action', actionId: 'rsvp', value: '1:yes' },
    });
    expect(reply.message.text).toMatch(/^Noted: you are coming to Six on Tue 5 Jan 2027/);
    expect(await h.text('zed', 'dm', 'rsvp yes')).toBe("You're not in a set yet. A facilitator can add you with `member add`.");
    expect(await h.text('bob', '#six', 'rsvp perhaps')).toBe('Answer yes, no or maybe. Example: `rsvp no 2027-03-02`');
  });

  it('lets facilitators change nudge times, moving what is planned', async () => {
    await h.say('alice', '#six', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 1 meetings');
    expect(await h.text('alice', '#six', 'set nudges presenter-notice 10d')).toBe('Changed: presenter-notice: 10d before the meeting, at the same time of day, to each presenter. Nudges already planned have moved to match.');
    expect((await jobFor(`meeting:1:presenter-notice:`, 'bob'))?.runAt.toISOString()).toBe('2026-12-26T10:00:00.000Z');
    await h.say('alice', '#six', 'set nudges checkin off');
    expect((await jobRows()).find((j) => j.dedupeKey === 'meeting:1:checkin')?.status).toBe('skipped');
    expect(await h.text('bob', '#six', 'set nudges checkin on')).toBe('Only a facilitator of Six can change its nudges.');
    expect(await h.text('alice', '#six', 'set nudges reflection soon')).toBe('"soon" is not a time I can use for reflection. Write it like 1w, 7d, 36h or 90m (up to 7d); days and weeks keep the meeting\'s time of day. Example: `set nudges reflection 2d`.');
    expect(await h.text('bob', '#six', 'set nudges')).toContain('- checkin: off');
    expect(london('2027-01-05T10:00')).toBeInstanceOf(Date);
  });
});
