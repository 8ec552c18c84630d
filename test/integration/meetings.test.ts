import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness';
import { LONDON_MEETINGS, LONDON_SCHEDULE } from '../support/london';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2026-12-01T12:00:00Z'));
  await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
  await h.say('alice', '#leaders', 'member add @bob @carol');
});
afterEach(() => h.close());

const LONDON = LONDON_SCHEDULE;

const meetingRows = async () =>
  (await h.store.meetings.list(1)).map((m) => `${m.localDate} ${m.localTime} ${m.status}${m.origin === 'rule' ? '' : ` ${m.origin}`}`);

/** Parses an .ics text with a real iCalendar parser. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      status: String(v.getFirstPropertyValue('status')),
      sequence: event.sequence,
    };
  });
}

describe('scheduling a set', () => {
  it('plans the seven London Tuesdays, at 09:00 UTC once summer time starts', async () => {
    const reply = await h.say('alice', '#leaders', LONDON);
    expect(reply.visibility).toBe('public');
    expect(reply.message.text.split('\n')[0]).toBe('Northern Lights meets every 4 weeks on Tuesday at 10:00 Europe/London, 3h: 7 meetings planned.');
    const meetings = await h.store.meetings.list(1);
    expect(meetings.map((m) => [m.localDate, m.localTime, m.startsAt.toISOString()])).toEqual(LONDON_MEETINGS);
    expect(meetings.every((m) => m.zone === 'Europe/London' && m.endsAt.getTime() - m.startsAt.getTime() === 3 * 3600_000)).toBe(true);
    expect(reply.message.text).toContain('The programme ends with its last meeting, on Tue 22 Jun 2027, and everyone gets the end-of-programme review the next day. The schedule allows meetings until Wed 30 Jun 2027.');
  });

  it('says when a meeting time falls in a clock change, and moves it forward', async () => {
    await h.say('alice', '#leaders', 'set close');
    await h.say('alice', '#ny', 'set create Manhattan tz America/New_York');
    const text = await h.text('alice', '#ny', 'schedule every 1 week on sunday at 02:30 for 90m from 2027-03-07 for 3 meetings');
    expect(text).toContain('02:30 does not exist on Sun 14 Mar 2027 in America/New_York (the clocks go forward), so that meeting starts at 03:00, the first valid time.');
    const rows = (await h.store.meetings.list(2)).map((m) => `${m.localDate} ${m.localTime} ${m.requestedLocalTime ?? ''}`.trim());
    expect(rows).toEqual(['2027-03-07 02:30', '2027-03-14 03:00 02:30', '2027-03-21 02:30']);
  });

  it('shows each person times in their own zone, with the set\'s alongside', async () => {
    await h.say('alice', '#leaders', LONDON);
    await h.say('bob', 'dm', 'me tz America/New_York');
    await h.say('carol', 'dm', 'me tz Asia/Kolkata');
    const bob = await h.text('bob', '#leaders', 'meetings');
    expect(bob).toContain('- Tue 5 Jan 2027, 05:00–08:00 America/New_York (10:00 Europe/London)');
    expect(bob).toContain('- Tue 30 Mar 2027, 05:00–08:00 America/New_York (10:00 Europe/London)');
    expect(bob).toContain('The programme ends with its last meeting, on Tue 22 Jun 2027, and everyone gets the end-of-programme review the next day. The schedule allows meetings until Wed 30 Jun 2027.');
    expect(await h.text('carol', '#leaders', 'meetings')).toContain('- Tue 5 Jan 2027, 15:30–18:30 Asia/Kolkata (10:00 Europe/London)');
    expect(await h.text('alice', '#leaders', 'meetings')).toContain('- Tue 5 Jan 2027, 10:00–13:00 Europe/London\n');
    expect(await h.text('bob', '#leaders', 'schedule show')).toBe(
      'Northern Lights meets every 4 weeks on Tuesday at 10:00 Europe/London, 3h, from Tue 5 Jan 2027. Next: Tue 5 Jan 2027, 05:00–08:00 America/New_York (10:00 Europe/London). The programme ends with its last meeting, on Tue 22 Jun 2027, and everyone gets the end-of-programme review the next day. The schedule allows meetings until Wed 30 Jun 2027.',
    );
  });

  it('plans from today when `from` is past, says so, and counts the open-ended horizon from today', async () => {
    // It is Tue 1 Dec 2026, 12:00: the rule's dates up to today's 10:00 meeting are history.
    const text = await h.text('alice', '#leaders', 'schedule every 4 weeks on tuesday at 10:00 from 2026-01-05');
    expect(text.split('\n')[0]).toBe('Northern Lights meets every 4 weeks on Tuesday at 10:00 Europe/London, 3h: 13 meetings planned.');
    expect(text).toContain('The schedule starts before today: its 12 dates already past (Tue 6 Jan 2026 to Tue 10 Nov 2026) are not planned, only those from today on.');
    expect(text).toContain('No end date is set: meetings are planned a year ahead, the last on Tue 9 Nov 2027.');
    const rows = await meetingRows();
    expect([rows[0], rows.at(-1), rows.length]).toEqual(['2026-12-08 10:00 scheduled', '2027-11-09 10:00 scheduled', 13]);
    // A count includes the dates already past: 14 meetings from January leave two to come.
    expect((await h.text('alice', '#leaders', 'schedule every 4 weeks on tuesday at 10:00 from 2026-01-05 for 14 meetings')).split('\n')).toEqual(
      expect.arrayContaining([
        'Northern Lights meets every 4 weeks on Tuesday at 10:00 Europe/London, 3h: 2 meetings planned.',
        'The schedule starts before today: its 12 dates already past (Tue 6 Jan 2026 to Tue 10 Nov 2026) are not planned, only those from today on. They count towards its 14 meetings.',
      ]),
    );
    expect(await h.text('alice', '#leaders', 'schedule every 4 weeks on tuesday at 10:00 from 2026-01-05 for 6 meetings')).toBe(
      'Every date of that schedule is already past (the last is Tue 26 May 2026), so there is nothing to plan. Plan from today on, e.g. `from 2026-12-02`.',
    );
  });

  it('makes the programme end one fact: its last meeting, with the review the day after', async () => {
    const text = await h.text('alice', '#leaders', 'schedule every 4 weeks on tuesday at 10:00 from 2027-01-26 until 2027-11-29');
    // The rule's last Tuesday is 2 Nov; the schedule allows meetings until 29 Nov.
    expect(text).toContain('The programme ends with its last meeting, on Tue 2 Nov 2027, and everyone gets the end-of-programme review the next day. The schedule allows meetings until Mon 29 Nov 2027.');
    const reviews = (await h.planOf()).jobs.filter((j) => j.kind === 'programme-end');
    expect(reviews).toHaveLength(3);
    expect(new Set(reviews.map((j) => j.runAt.toISOString()))).toEqual(new Set(['2027-11-03T10:00:00.000Z'])); // Wed 3 Nov, 10:00 GMT
    // Cancel the last meeting: both the sentence and the review move to the one before.
    await h.say('alice', '#leaders', 'meeting cancel 2027-11-02');
    expect(await h.text('bob', '#leaders', 'schedule show')).toContain('The programme ends with its last meeting, on Tue 5 Oct 2027');
    const moved = (await h.planOf()).jobs.filter((j) => j.kind === 'programme-end' && j.status === 'pending');
    expect(new Set(moved.map((j) => j.runAt.toISOString()))).toEqual(new Set(['2027-10-06T09:00:00.000Z'])); // Wed 6 Oct, 10:00 BST
  });

  it('runs a monthly set on the first Tuesday: meetings, rotation, nudges and calendar', async () => {
    await h.say('alice', '#leaders', 'member add @dave @erin');
    const text = await h.text('alice', '#leaders', 'schedule every month on the first tuesday at 10:00 for 3h from 2027-01-01 for 6 meetings');
    expect(text.split('\n').slice(0, 7)).toEqual([
      'Northern Lights meets every month on the first Tuesday at 10:00 Europe/London, 3h: 6 meetings planned.',
      '- Tue 5 Jan 2027, 10:00–13:00 Europe/London',
      '- Tue 2 Feb 2027, 10:00–13:00 Europe/London',
      '- Tue 2 Mar 2027, 10:00–13:00 Europe/London',
      '- Tue 6 Apr 2027, 10:00–13:00 Europe/London',
      '- Tue 4 May 2027, 10:00–13:00 Europe/London',
      '- Tue 1 Jun 2027, 10:00–13:00 Europe/London',
    ]);
    expect(await h.text('bob', '#leaders', 'schedule show')).toContain('Northern Lights meets every month on the first Tuesday at 10:00 Europe/London, 3h, from Fri 1 Jan 2027 for 6 meetings.');
    const rotation = await h.text('bob', '#leaders', 'rotation');
    expect(rotation).toContain('Tue 5 Jan 2027');
    expect(rotation).toContain('Tue 2 Feb 2027');
    // 6 Apr is in summer time: 09:00 UTC, and its week-ahead notice 30 Mar at 10:00 BST too.
    const april = (await h.store.meetings.list(1)).find((m) => m.localDate === '2027-04-06')!;
    expect(april.startsAt.toISOString()).toBe('2027-04-06T09:00:00.000Z');
    const aprilJobs = (await h.planOf()).jobs.filter((j) => j.dedupeKey.startsWith(`meeting:${april.id}:`));
    expect(aprilJobs.find((j) => j.kind === 'meeting-reminder')?.runAt.toISOString()).toBe('2027-04-05T09:00:00.000Z');
    // The March meeting's halfway follow-up: 35 days to 6 Apr, so day 17, at 10:00 London (BST by then).
    const march = (await h.store.meetings.list(1)).find((m) => m.localDate === '2027-03-02')!;
    const followUps = (await h.planOf()).jobs.filter((j) => j.dedupeKey.startsWith(`meeting:${march.id}:action-follow-up`));
    expect(new Set(followUps.map((j) => j.runAt.toISOString()))).toEqual(new Set(['2027-03-19T10:00:00.000Z']));
    const events = parseCalendar((await h.say('bob', '#leaders', 'calendar')).message.files![0]!.content as string);
    expect(events.map((e) => e.start)).toEqual(['2027-01-05T10:00:00.000Z', '2027-02-02T10:00:00.000Z', '2027-03-02T10:00:00.000Z', '2027-04-06T09:00:00.000Z', '2027-05-04T09:00:00.000Z', '2027-06-01T09:00:00.000Z']);
  });

  it('changes the set\'s zone with set tz: meetings keep their local time, nudges and the calendar follow', async () => {
    await h.say('alice', '#leaders', LONDON);
    const before = parseCalendar((await h.say('bob', '#leaders', 'calendar')).message.files![0]!.content as string);
    expect(await h.text('bob', '#leaders', 'set tz Europe/Paris')).toBe('Only a facilitator of Northern Lights can change its time zone.');
    expect(await h.text('alice', '#leaders', 'set tz Europe/London')).toBe('Northern Lights already meets in Europe/London time.');
    const reply = await h.say('alice', '#leaders', 'set tz europe/paris');
    expect(reply.visibility).toBe('public');
    expect(reply.message.text.split('\n').slice(0, 3)).toEqual([
      'Northern Lights now meets in Europe/Paris time (it was Europe/London).',
      '7 upcoming meetings keep their local time in Europe/Paris, and their nudges have moved with them:',
      '- Tue 5 Jan 2027, 10:00–13:00 Europe/Paris',
    ]);
    // 10:00 Paris is 09:00 UTC in winter and 08:00 UTC in summer.
    const meetings = await h.store.meetings.list(1);
    expect(meetings.map((m) => `${m.localDate} ${m.localTime} ${m.zone} ${m.startsAt.toISOString().slice(11, 16)}`)).toEqual([
      '2027-01-05 10:00 Europe/Paris 09:00',
      '2027-02-02 10:00 Europe/Paris 09:00',
      '2027-03-02 10:00 Europe/Paris 09:00',
      '2027-03-30 10:00 Europe/Paris 08:00',
      '2027-04-27 10:00 Europe/Paris 08:00',
      '2027-05-25 10:00 Europe/Paris 08:00',
      '2027-06-22 10:00 Europe/Paris 08:00',
    ]);
    // The channel's day-before reminder counts days in the set's new zone.
    const reminder = (await h.planOf()).jobs.find((j) => j.dedupeKey === `meeting:${meetings[3]!.id}:meeting-reminder`);
    expect(reminder?.runAt.toISOString()).toBe('2027-03-29T08:00:00.000Z');
    const after = parseCalendar((await h.say('bob', '#leaders', 'calendar')).message.files![0]!.content as string);
    expect(after.map((e) => [e.uid, e.sequence])).toEqual(before.map((e) => [e.uid, e.sequence + 1]));
    expect(await h.text('bob', '#leaders', 'schedule show')).toContain('meets every 4 weeks on Tuesday at 10:00 Europe/Paris, 3h');
    expect(await h.text('bob', '#leaders', 'set info')).toContain('Time zone: Europe/Paris.');
  });

  it('refuses, changing nothing, when a meeting would already have started in the new zone', async () => {
    // It is 12:00 London on 1 Dec; 14:00 in Tokyo was hours ago.
    await h.say('alice', '#leaders', 'meeting add 2026-12-01 at 14:00');
    await h.say('alice', '#leaders', 'meeting add 2026-12-15 at 14:00');
    const before = (await h.store.meetings.list(1)).map((m) => `${m.localDate} ${m.localTime} ${m.zone} ${m.startsAt.toISOString()}`);
    expect(await h.text('alice', '#leaders', 'set tz Asia/Tokyo')).toBe(
      'The meeting on Tue 1 Dec 2026 would already have started at 14:00 Asia/Tokyo, so the set cannot move to Asia/Tokyo time yet. Change the zone after that meeting, or move or cancel it first.',
    );
    expect((await h.store.meetings.list(1)).map((m) => `${m.localDate} ${m.localTime} ${m.zone} ${m.startsAt.toISOString()}`)).toEqual(before);
    expect((await h.store.sets.get(1))?.timeZone).toBe('Europe/London');
    // After that meeting, the change goes through.
    await h.advanceTo(new Date('2026-12-01T18:00:00Z'));
    expect(await h.text('alice', '#leaders', 'set tz Asia/Tokyo')).toContain('1 upcoming meeting keeps its local time in Asia/Tokyo, and its nudges have moved with it:\n- Tue 15 Dec 2026, 14:00–17:00 Asia/Tokyo');
  });

  it('says a set made with no zone uses UTC, and how to change it', async () => {
    expect(await h.text('carol', '#plain', 'set create Plain')).toBe(
      'Created the action learning set Plain in #plain. Time zone: UTC, as none was given: change it with `set tz <zone>`, e.g. `set tz Europe/London`. You are its facilitator. Next: add people with `member add @name ...`.',
    );
    await h.say('dave', 'dm', 'me tz America/Chicago');
    expect(await h.text('dave', '#windy', 'set create Windy')).toContain('Time zone: America/Chicago, your own, as none was given: change it with `set tz <zone>`');
    expect(await h.text('dave', '#calm', 'set create Calm tz Europe/Dublin')).toContain('Time zone: Europe/Dublin. You are its facilitator.');
  });

  it('counts held meetings and drops them from the upcoming list as time passes', async () => {
    await h.say('alice', '#leaders', LONDON);
    h.clock.set(new Date('2027-02-10T00:00:00Z'));
    const text = await h.text('bob', '#leaders', 'meetings');
    expect(text).not.toContain('5 Jan');
    expect(text).toContain('- Tue 2 Mar 2027');
    expect(text).toContain('2 meetings held so far.');
  });
});

describe('changing meetings', () => {
  beforeEach(async () => {
    await h.say('alice', '#leaders', LONDON);
  });

  it('moves, cancels and adds meetings, then keeps that history when the rule changes', async () => {
    expect(await h.text('alice', '#leaders', 'meeting move 2027-02-02 to 2027-02-09 at 14:00')).toBe(
      'Moved the meeting of Tue 2 Feb 2027 10:00 to Tue 9 Feb 2027 14:00 Europe/London.',
    );
    expect(await h.text('alice', '#leaders', 'meeting cancel 2027-03-02')).toBe(
      'Cancelled the meeting on Tue 2 Mar 2027 (10:00 Europe/London). It stays in the calendar, marked cancelled.',
    );
    expect(await h.text('alice', '#leaders', 'meeting add 2027-04-13 at 10:00')).toBe('Added a meeting on Tue 13 Apr 2027 at 10:00 Europe/London (3h).');

    // Time passes: January's meeting is held. Then the rule changes to Thursdays, fortnightly.
    h.clock.set(new Date('2027-01-20T00:00:00Z'));
    const reply = await h.text('alice', '#leaders', 'schedule every 2 weeks on thursday at 09:30 from 2027-01-21 until 2027-03-31');
    expect(reply).toContain('Kept 4 meetings as they were: held, cancelled, moved or added ones are not re-planned.');
    expect(await meetingRows()).toEqual([
      '2027-01-05 10:00 scheduled', // held: untouched
      '2027-01-21 09:30 scheduled',
      '2027-02-04 09:30 scheduled',
      '2027-02-09 14:00 scheduled moved',
      '2027-02-18 09:30 scheduled',
      '2027-03-02 10:00 cancelled',
      '2027-03-04 09:30 scheduled',
      '2027-03-18 09:30 scheduled',
      '2027-04-13 10:00 scheduled added',
    ]);
  });

  it('keeps a re-planned meeting\'s identity when its date survives the new rule', async () => {
    const before = await h.store.meetings.list(1);
    await h.say('alice', '#leaders', 'schedule every 4 weeks on tuesday at 11:00 from 2027-01-05 until 2027-06-30');
    const after = await h.store.meetings.list(1);
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
    expect(after.every((m) => m.localTime === '11:00' && m.sequence === 1)).toBe(true);
  });

  it('does not bring back a meeting that was moved away, and keeps cancelled dates cancelled', async () => {
    await h.say('alice', '#leaders', 'meeting move 2027-02-02 to 2027-02-03');
    await h.say('alice', '#leaders', 'meeting cancel 2027-03-02');
    await h.say('alice', '#leaders', 'schedule every 4 weeks on tuesday at 10:00 from 2027-01-05 until 2027-04-30');
    expect(await meetingRows()).toEqual([
      '2027-01-05 10:00 scheduled',
      '2027-02-03 10:00 scheduled moved',
      '2027-03-02 10:00 cancelled',
      '2027-03-30 10:00 scheduled',
      '2027-04-27 10:00 scheduled',
    ]);
  });

  it('moves meetings of a schedule that starts years ahead, and refuses one-offs past three years of it', async () => {
    // It is 1 Dec 2026; a programme may start three years on and run three years.
    await h.say('alice', '#leaders', 'schedule every 4 weeks on monday at 10:00 from 2029-11-05 for 20 meetings');
    expect(await h.text('alice', '#leaders', 'meeting move 2029-12-03 to 2029-12-04')).toContain('Moved the meeting of Mon 3 Dec 2029');
    expect(await h.text('alice', '#leaders', 'meeting move 2031-03-24 to 2031-03-24 at 11:00')).toContain('Moved the meeting of Mon 24 Mar 2031 10:00 to Mon 24 Mar 2031 11:00');
    expect(await h.text('alice', '#leaders', 'meeting add 2032-11-08 at 10:00')).toBe('Mon 8 Nov 2032 is more than 3 years after the programme starts: the latest is Fri 5 Nov 2032.');
  });

  it('refuses bad dates, clashes, the past and the wrong people, changing nothing', async () => {
    const before = await meetingRows();
    const cases: [string, string, string][] = [
      ['alice', 'meeting cancel 2027-01-06', 'Northern Lights has no meeting on Wed 6 Jan 2027. Type `meetings` to see them.'],
      ['alice', 'meeting move 2027-01-05 to 2027-02-02', 'There is already a meeting on Tue 2 Feb 2027 (10:00 Europe/London).'],
      ['alice', 'meeting add 2027-02-02 at 15:00', 'There is already a meeting on Tue 2 Feb 2027 (10:00 Europe/London).'],
      ['alice', 'meeting add 2026-11-30 at 10:00', 'Mon 30 Nov 2026 at 10:00 Europe/London has already passed.'],
      ['alice', 'meeting add 2027-07-06 at 10:00', 'Tue 6 Jul 2027 is after the schedule\'s end date (Wed 30 Jun 2027). Change the schedule\'s `until` first.'],
      ['alice', 'meeting move 2027-01-05 to 2027-01-05', 'The meeting is already on Tue 5 Jan 2027 at 10:00.'],
      ['alice', 'meeting move 2027-01-32 to 2027-02-01', '2027-01-32 is not a real date. Example: `meeting move 2027-03-02 to 2027-03-09 at 14:00`'],
      ['alice', 'schedule every 4 weeks on blursday at 10:00', '"blursday" is not a weekday. Use monday, tuesday, wednesday, thursday, friday, saturday or sunday.'],
      ['alice', 'schedule every 0 weeks on tuesday at 10:00', 'The number of weeks must be a whole number from 1 to 52, not "0". Weekly: `schedule every 4 weeks on tuesday at 10:00`; monthly: `schedule every month on the first tuesday at 10:00` (first, second, third, fourth or last).'],
      ['alice', 'schedule every 4 weeks on tuesday at 10:00 from 2027-06-30 until 2027-01-05', '"until 2027-01-05" is before "from 2027-06-30". Example: `schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 until 2027-06-30`'],
      ['alice', 'schedule every 4 weeks on tuesday at 10:00 until 2026-12-02', 'Every date of that schedule is already past (the last is Tue 1 Dec 2026), so there is nothing to plan. Plan from today on, e.g. `from 2026-12-02` with a later `until`.'],
      ['alice', 'schedule every 4 weeks on tuesday at 10:00 from 2027-01-01 until 2031-01-01', 'A programme can run at most 3 years: end it by 2030-01-01.'],
      ['bob', 'meeting cancel 2027-01-05', 'Only a facilitator of Northern Lights can cancel meetings.'],
      ['bob', 'schedule every 2 weeks on monday at 09:00', 'Only a facilitator of Northern Lights can change the schedule.'],
      ['dave', 'meetings', "You're not a member of the set in #leaders, so I can't show you anything of it. A facilitator of the set can add you."],
      ['dave', 'calendar', "You're not a member of the set in #leaders, so I can't show you anything of it. A facilitator of the set can add you."],
    ];
    for (const [who, command, refusal] of cases) expect(await h.text(who, '#leaders', command), command).toBe(refusal);
    expect(await meetingRows()).toEqual(before);
  });

  it('refuses to change a meeting that has started', async () => {
    h.clock.set(new Date('2027-01-05T10:30:00Z'));
    expect(await h.text('alice', '#leaders', 'meeting cancel 2027-01-05')).toBe(
      'The meeting on Tue 5 Jan 2027 has already started, so it stays in the record as it was.',
    );
  });
});

describe('the calendar', () => {
  it('parses as iCalendar, with stable UIDs, moves as updates and cancellations marked', async () => {
    await h.say('alice', '#leaders', LONDON);
    const first = await h.say('bob', '#leaders', 'calendar');
    expect(first.visibility).toBe('private');
    expect(first.message.files?.[0]).toMatchObject({ name: 'northern-lights.ics', mediaType: 'text/calendar' });
    const before = parseCalendar(first.message.files![0]!.content as string);
    expect(before).toHaveLength(7);
    expect(before[3]).toMatchObject({ start: '2027-03-30T09:00:00.000Z', end: '2027-03-30T12:00:00.000Z', status: 'CONFIRMED', sequence: 0 });

    await h.say('alice', '#leaders', 'meeting move 2027-02-02 to 2027-02-09');
    await h.say('alice', '#leaders', 'meeting cancel 2027-03-02');
    const after = parseCalendar((await h.say('bob', '#leaders', 'calendar')).message.files![0]!.content as string);
    // Same UIDs: importing again updates the events instead of duplicating them.
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(new Set(after.map((e) => e.uid)).size).toBe(7);
    expect(after[1]).toMatchObject({ start: '2027-02-09T10:00:00.000Z', status: 'CONFIRMED', sequence: 1 });
    expect(after[2]).toMatchObject({ start: '2027-03-02T10:00:00.000Z', status: 'CANCELLED', sequence: 1 });
  });

  it('carries nothing of the set but its name and channel', async () => {
    await h.say('alice', '#leaders', LONDON);
    const content = (await h.say('bob', '#leaders', 'calendar')).message.files![0]!.content as string;
    expect(content).not.toMatch(/bob|carol|alice/);
  });
});
