import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nudgeSettings, type NudgeSettings } from '../../src/domain/nudges/settings';
import { planNudges, type PlanMeeting } from '../../src/domain/nudges/catalogue';
import type { PlannedNudge } from '../../src/domain/nudges/job';
import type { NudgeOffset } from '../../src/domain/nudges/offset';
import { resolveWallTime } from '../../src/domain/wall-time';
import { TRANSITIONS, ZONES, wall } from '../support/zones';

const pad = (n: number) => String(n).padStart(2, '0');
const MINUTE = 60_000;

/**
 * A nudge `days` calendar days from `anchor` must show, in `zone`, the anchor's own
 * wall time on that date; where the clocks skip that time, the first valid time after it.
 */
function expectSameWallTime(nudge: Date, anchor: Date, days: number, zone: string, what: string): 'exact' | 'gap' {
  if (days === 0) {
    // No days at all is the anchor itself, whichever of two repeated hours it is in.
    expect(nudge.getTime(), what).toBe(anchor.getTime());
    return 'exact';
  }
  const local = DateTime.fromJSDate(anchor, { zone });
  const date = local.plus({ days }).toISODate()!;
  const wanted = `${date} ${local.toFormat('HH:mm')}`;
  const shown = wall(nudge, zone);
  if (shown === wanted) {
    // In an overlap, the first of the two moments: half an hour or an hour earlier reads differently.
    for (const back of [30, 60]) expect(wall(new Date(nudge.getTime() - back * MINUTE), zone), what).not.toBe(wanted);
    return 'exact';
  }
  // A gap: a minute earlier the clock still read before the wanted time, now it reads after it.
  expect(shown > wanted, `${what}: ${shown} in ${zone}, wanted ${wanted}`).toBe(true);
  expect(wall(new Date(nudge.getTime() - MINUTE), zone) < wanted, `${what}: not the first valid time after ${wanted}`).toBe(true);
  return 'gap';
}

const offsetArb: fc.Arbitrary<NudgeOffset> = fc.oneof(
  fc.constantFrom({ days: 7 }, { days: 2 }, { days: 1 }),
  fc.integer({ min: 0, max: 28 }).map((days) => ({ days })),
  fc.integer({ min: 0, max: 28 * 1440 }).map((minutes) => ({ minutes })),
);

/** Meetings on the days around a clock change, people in every zone, offsets of both kinds. */
const planArb = fc
  .record({
    at: fc.constantFrom(...TRANSITIONS),
    lead: fc.integer({ min: -3, max: 30 }), // the first meeting this many days after the change
    gaps: fc.array(fc.integer({ min: 1, max: 63 }), { minLength: 0, maxLength: 2 }),
    hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 3 })),
    changeHour: fc.constantFrom(1, 2), // where the clocks jump in most zones
    minute: fc.integer({ min: 0, max: 59 }),
    duration: fc.integer({ min: 15, max: 720 }),
    setZoneIsTheChanging: fc.boolean(),
    otherZone: fc.constantFrom(...ZONES),
    personZones: fc.array(fc.option(fc.constantFrom(...ZONES), { nil: undefined }), { minLength: 1, maxLength: 4 }),
    presenterNotice: offsetArb,
    challengeReminder: offsetArb,
    meetingReminder: offsetArb,
    // Half the time the notice is aimed at the very day of the change, where gaps and overlaps are.
    aimAtChange: fc.boolean(),
    reflection: fc.oneof(fc.integer({ min: 0, max: 7 }).map((days) => ({ days })), fc.integer({ min: 0, max: 7 * 1440 }).map((minutes) => ({ minutes }))),
  })
  .map((r) => {
    const setZone = r.setZoneIsTheChanging ? r.at.zone : r.otherZone;
    const aimed = r.aimAtChange && r.lead > 0;
    const time = `${pad(aimed ? r.changeHour : r.hour)}:${pad(r.minute)}`;
    let date = DateTime.fromISO(r.at.date).plus({ days: r.lead });
    const meetings: PlanMeeting[] = [];
    for (const gap of [0, ...r.gaps]) {
      date = date.plus({ days: gap });
      const start = resolveWallTime(date.toISODate()!, time, setZone).instant;
      meetings.push({ id: meetings.length + 1, startsAt: start, endsAt: new Date(start.getTime() + r.duration * MINUTE), status: 'scheduled' });
    }
    // Meetings closer together than they last would overlap: keep them apart, as the Store does.
    const apart = meetings.filter((m, i) => i === 0 || m.startsAt.getTime() > meetings[i - 1]!.endsAt.getTime());
    const people = r.personZones.map((zone, i) => ({ id: 100 + i, zone: i === 0 ? r.at.zone : zone }));
    const settings: NudgeSettings = {
      ...nudgeSettings({}),
      presenterNoticeBefore: aimed ? { days: r.lead } : r.presenterNotice,
      challengeReminder: true,
      challengeReminderBefore: r.challengeReminder,
      meetingReminderBefore: r.meetingReminder,
      reflectionAfter: r.reflection,
    };
    return { setZone, meetings: apart, people, settings };
  });

describe('nudge times across clock changes', () => {
  it('puts every day-based nudge at its meeting\'s wall time in the recipient\'s zone, and keeps hours exact', () => {
    let dayBased = 0;
    let gaps = 0;
    fc.assert(
      fc.property(planArb, ({ setZone, meetings, people, settings }) => {
        const zones = new Map(people.flatMap((p) => (p.zone ? [[p.id, p.zone] as const] : [])));
        const zoneOf = (id: number | null) => (id === null ? setZone : (zones.get(id) ?? setZone));
        const ids = people.map((p) => p.id);
        const planned = planNudges({
          now: new Date(meetings[0]!.startsAt.getTime() - 60 * 86_400_000),
          settings,
          zone: setZone,
          zones,
          meetings,
          memberIds: ids,
          facilitatorIds: [ids[0]!],
          minAttendance: 1,
          declined: new Map(),
          finalMeetingId: meetings.at(-1)!.id,
          presenters: new Map(meetings.map((m) => [m.id, ids.slice(0, 2)])),
        });
        const meetingOf = (n: PlannedNudge) => meetings.find((m) => m.id === n.meetingId)!;
        const check = (n: PlannedNudge, anchor: Date, offset: NudgeOffset, direction: -1 | 1) => {
          const what = `${n.dedupeKey} (${JSON.stringify(offset)})`;
          if ('minutes' in offset) {
            expect(n.runAt.getTime(), what).toBe(anchor.getTime() + direction * offset.minutes * MINUTE);
            return;
          }
          dayBased++;
          if (expectSameWallTime(n.runAt, anchor, direction * offset.days, zoneOf(n.personId), what) === 'gap') gaps++;
        };
        for (const n of planned) {
          const m = meetingOf(n);
          const next = meetings[meetings.indexOf(m) + 1];
          switch (n.kind) {
            case 'presenter-notice':
              check(n, m.startsAt, settings.presenterNoticeBefore, -1);
              break;
            case 'challenge-reminder':
              check(n, m.startsAt, settings.challengeReminderBefore, -1);
              break;
            case 'meeting-reminder':
            case 'rsvp-reminder':
              check(n, m.startsAt, settings.meetingReminderBefore, -1);
              break;
            case 'reflection':
              check(n, m.endsAt, settings.reflectionAfter, 1);
              break;
            case 'programme-end':
              check(n, m.startsAt, { days: 1 }, 1);
              break;
            case 'checkin-actions':
              expect(n.runAt.getTime()).toBe(m.startsAt.getTime() - 15 * MINUTE);
              break;
            case 'action-follow-up': {
              const zone = zoneOf(n.personId);
              const span = DateTime.fromJSDate(next!.startsAt, { zone }).startOf('day').diff(DateTime.fromJSDate(m.startsAt, { zone }).startOf('day'), 'days').days;
              const half = Math.floor(Math.round(span) / 2);
              const middle = resolveWallTime(DateTime.fromJSDate(m.startsAt, { zone }).plus({ days: half }).toISODate()!, DateTime.fromJSDate(m.startsAt, { zone }).toFormat('HH:mm'), zone).instant;
              if (middle > m.endsAt && middle < next!.startsAt) check(n, m.startsAt, { days: half }, 1);
              else expect(n.runAt.getTime()).toBe((m.endsAt.getTime() + next!.startsAt.getTime()) / 2);
              expect(n.runAt > m.endsAt && n.runAt < next!.startsAt).toBe(true);
              break;
            }
          }
        }
        // Every person has their notice, reminder and reflection: nothing was dropped on the way.
        expect(planned.filter((n) => n.kind === 'rsvp-reminder')).toHaveLength(meetings.length * ids.length);
        expect(planned.filter((n) => n.kind === 'programme-end')).toHaveLength(ids.length);
      }),
      { numRuns: 500 },
    );
    // The runs must have met real day-based nudges and real gaps, or they proved little.
    expect(dayBased).toBeGreaterThan(2000);
    expect(gaps).toBeGreaterThan(0);
  });

  it('sends a week-ahead notice at the meeting\'s London time across both of 2027\'s clock changes', () => {
    const plan = (day: string) => {
      const start = resolveWallTime(day, '10:00', 'Europe/London').instant;
      const meeting: PlanMeeting = { id: 1, startsAt: start, endsAt: new Date(start.getTime() + 3 * 3_600_000), status: 'scheduled' };
      return planNudges({ now: new Date('2027-01-01T00:00:00Z'), settings: nudgeSettings({}), zone: 'Europe/London', zones: new Map([[2, 'America/New_York']]), meetings: [meeting], memberIds: [1, 2], facilitatorIds: [], minAttendance: 1, declined: new Map(), finalMeetingId: null, presenters: new Map([[1, [1, 2]]]) });
    };
    const notice = (day: string, person: number) => plan(day).find((n) => n.dedupeKey === `meeting:1:presenter-notice:${person}`)!.runAt.toISOString();
    // Spring: the clocks go forward on 28 Mar; 168 hours before would be 09:00 on the 23rd.
    expect(notice('2027-03-30', 1)).toBe('2027-03-23T10:00:00.000Z'); // 10:00 GMT
    // Autumn: the clocks go back on 31 Oct; 168 hours before would be 11:00 on the 26th.
    expect(notice('2027-11-02', 1)).toBe('2027-10-26T09:00:00.000Z'); // 10:00 BST
    // New York has changed already by 30 Mar: the meeting is 05:00 there, and so is the notice.
    expect(notice('2027-03-30', 2)).toBe('2027-03-23T09:00:00.000Z'); // 05:00 EDT
    expect(wall(new Date(notice('2027-03-30', 2)), 'America/New_York')).toBe('2027-03-23 05:00');
  });

  it('keeps a zero-day offset at the meeting itself, in the hour the clocks repeat', () => {
    // 30 Oct 2027 23:30 London for 3h ends at 01:30 GMT, the second 01:30 of the night.
    const start = resolveWallTime('2027-10-30', '23:30', 'Europe/London').instant;
    const meeting: PlanMeeting = { id: 1, startsAt: start, endsAt: new Date(start.getTime() + 3 * 3_600_000), status: 'scheduled' };
    const planned = planNudges({ now: new Date('2027-10-01T00:00:00Z'), settings: { ...nudgeSettings({}), reflectionAfter: { days: 0 } }, zone: 'Europe/London', zones: new Map(), meetings: [meeting], memberIds: [1], facilitatorIds: [], minAttendance: 1, declined: new Map(), finalMeetingId: null, presenters: new Map() });
    expect(planned.find((n) => n.kind === 'reflection')!.runAt.toISOString()).toBe('2027-10-31T01:30:00.000Z');
  });

  it('reads settings stored as minutes by earlier versions: whole days as calendar days', () => {
    const old = nudgeSettings({ nudges: { presenterNoticeMinutes: 14400, meetingReminderMinutes: 2160, reflectionMinutes: 120, checkin: false } });
    expect(old).toMatchObject({ presenterNoticeBefore: { days: 10 }, meetingReminderBefore: { minutes: 2160 }, reflectionAfter: { minutes: 120 }, checkin: false });
    expect(nudgeSettings({ nudges: { presenterNoticeBefore: { days: 99 } } }).presenterNoticeBefore).toEqual({ days: 7 }); // damaged: the default
  });
});
