import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { SetwiseError } from '../../src/domain/errors';
import { MAX_MEETINGS, MAX_PROGRAMME_YEARS, occurrences } from '../../src/domain/recurrence';
import type { Cadence, MonthWeek, Occurrence, ScheduleRule } from '../../src/domain/schedule';
import { DATE_WINDOW } from '../../src/domain/limits';
import { resolveWallTime } from '../../src/domain/wall-time';
import { LONDON_MEETINGS } from '../support/london';
import { TRANSITIONS, ZONES, wall } from '../support/zones';

const pad = (n: number) => String(n).padStart(2, '0');
/** A moment before `date` begins in every zone (the furthest ahead is UTC+14), so none of its dates is past. */
const before = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 14 * 3_600_000);

const cadenceArb: fc.Arbitrary<Cadence> = fc.oneof(
  fc.integer({ min: 1, max: 8 }).map((everyWeeks) => ({ kind: 'weekly' as const, everyWeeks })),
  fc.record({ everyMonths: fc.integer({ min: 1, max: 3 }), week: fc.constantFrom<MonthWeek>(1, 2, 3, 4, -1) }).map((m) => ({ kind: 'monthly' as const, ...m })),
);

const ruleArb = fc
  .record({
    cadence: cadenceArb,
    weekday: fc.integer({ min: 1, max: 7 }),
    // Small hours on purpose: that is where clocks change.
    hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 3 })),
    minute: fc.oneof(fc.constantFrom(0, 15, 30, 45), fc.integer({ min: 0, max: 59 })),
    durationMinutes: fc.integer({ min: 15, max: 720 }),
    // Any date of the window Setwise accepts, its first and last years most of all.
    from: fc.oneof(
      fc.date({ min: new Date(`${DATE_WINDOW.first}T00:00:00Z`), max: new Date(`${DATE_WINDOW.last}T00:00:00Z`), noInvalidDate: true }),
      fc.date({ min: new Date(`${DATE_WINDOW.first}T00:00:00Z`), max: new Date('2001-01-01T00:00:00Z'), noInvalidDate: true }),
      fc.date({ min: new Date('2099-01-01T00:00:00Z'), max: new Date(`${DATE_WINDOW.last}T00:00:00Z`), noInvalidDate: true }),
    ),
    span: fc.oneof(fc.record({ count: fc.integer({ min: 1, max: 40 }) }), fc.record({ days: fc.integer({ min: 0, max: 900 }) })),
    zone: fc.constantFrom(...ZONES),
  })
  .map(({ hour, minute, from, span, ...r }): ScheduleRule => {
    const start = from.toISOString().slice(0, 10);
    return {
      ...r,
      localTime: `${pad(hour)}:${pad(minute)}`,
      from: start,
      count: 'count' in span ? span.count : null,
      until: 'days' in span ? DateTime.fromISO(start).plus({ days: span.days }).toISODate()! : null,
    };
  });

const transitionRuleArb = fc
  .record({
    at: fc.constantFrom(...TRANSITIONS),
    monthly: fc.boolean(),
    everyWeeks: fc.integer({ min: 1, max: 8 }),
    hour: fc.integer({ min: 0, max: 3 }),
    minute: fc.integer({ min: 0, max: 59 }),
    count: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ at, hour, minute, monthly, everyWeeks, ...r }): ScheduleRule => {
    const day = DateTime.fromISO(at.date);
    // The weekday-of-month the change falls on, so a monthly rule meets on that very day.
    const week: MonthWeek = day.plus({ days: 7 }).month !== day.month ? -1 : (Math.ceil(day.day / 7) as MonthWeek);
    return {
      ...r,
      cadence: monthly ? { kind: 'monthly', everyMonths: 1, week } : { kind: 'weekly', everyWeeks },
      weekday: day.weekday,
      localTime: `${pad(hour)}:${pad(minute)}`,
      durationMinutes: 90,
      from: at.date,
      until: null,
      zone: at.zone,
    };
  });

/** Days a cadence puts between two dates, or months for a monthly one. */
const stepBetween = (cadence: Cadence, a: string, b: string) =>
  cadence.kind === 'weekly'
    ? DateTime.fromISO(b).diff(DateTime.fromISO(a), 'days').days === cadence.everyWeeks * 7
    : (DateTime.fromISO(b).year - DateTime.fromISO(a).year) * 12 + DateTime.fromISO(b).month - DateTime.fromISO(a).month === cadence.everyMonths;

/** The `week`th `weekday` of `month`, found by walking its days: independent of the code under test. */
function dayOfMonth(month: DateTime, weekday: number, week: MonthWeek): string {
  const days: string[] = [];
  for (let d = month.startOf('month'); d.month === month.month; d = d.plus({ days: 1 })) if (d.weekday === weekday) days.push(d.toISODate()!);
  return week === -1 ? days.at(-1)! : days[week - 1]!;
}

/** True when `date` is the rule's weekday of the month (the first to fourth, or the last). */
function isWeekOfMonth(date: string, week: MonthWeek): boolean {
  const d = DateTime.fromISO(date);
  return week === -1 ? d.plus({ days: 7 }).month !== d.month : Math.ceil(d.day / 7) === week;
}

/** The properties every rule's meetings must have; returns how many were shifted out of a gap. */
function checkOccurrences(rule: ScheduleRule): number {
  let found: readonly Occurrence[];
  try {
    const dates = occurrences(rule, before(rule.from));
    expect(dates.past.count).toBe(0);
    found = dates.upcoming;
  } catch (error) {
    // Only a count that cannot fit in the longest programme is refused.
    expect(error).toBeInstanceOf(SetwiseError);
    // Worked out independently: the count's last date falls past the longest programme.
    const from = DateTime.fromISO(rule.from);
    const steps = rule.count! - 1;
    let last: string;
    if (rule.cadence.kind === 'weekly') {
      last = from.plus({ days: (rule.weekday - from.weekday + 7) % 7 }).plus({ weeks: rule.cadence.everyWeeks * steps }).toISODate()!;
    } else {
      const own = from.startOf('month');
      const first = dayOfMonth(own, rule.weekday, rule.cadence.week) >= rule.from ? own : own.plus({ months: 1 });
      last = dayOfMonth(first.plus({ months: rule.cadence.everyMonths * steps }), rule.weekday, rule.cadence.week);
    }
    expect(last > from.plus({ years: MAX_PROGRAMME_YEARS }).toISODate()!, `${rule.count} meetings end ${last}`).toBe(true);
    return 0;
  }
  const first = found[0];
  if (first) {
    const lead = DateTime.fromISO(first.localDate).diff(DateTime.fromISO(rule.from), 'days').days;
    expect(lead).toBeGreaterThanOrEqual(0);
    // Weekly: within the first week; monthly: in the month of `from` or the next.
    expect(lead).toBeLessThan(rule.cadence.kind === 'weekly' ? 7 : 62);
  }
  found.forEach((o, i) => {
    expect(DateTime.fromISO(o.localDate).weekday).toBe(rule.weekday);
    if (rule.cadence.kind === 'monthly') expect(isWeekOfMonth(o.localDate, rule.cadence.week), o.localDate).toBe(true);
    expect(wall(o.instant, rule.zone)).toBe(`${o.localDate} ${o.localTime}`);
    expect(o.ends.getTime() - o.instant.getTime()).toBe(rule.durationMinutes * 60_000);
    if (i > 0) expect(stepBetween(rule.cadence, found[i - 1]!.localDate, o.localDate), `${found[i - 1]!.localDate} -> ${o.localDate}`).toBe(true);
    if (o.shiftedFrom === undefined) {
      expect(o.localTime).toBe(rule.localTime);
      // In an overlap the first of the two moments is used: none earlier shows the same wall time.
      for (const back of [30, 60]) expect(wall(new Date(o.instant.getTime() - back * 60_000), rule.zone)).not.toBe(`${o.localDate} ${o.localTime}`);
    } else {
      // A gap: a minute earlier the clock still read before the asked time, and now reads after it.
      expect(o.shiftedFrom).toBe(rule.localTime);
      expect(o.localTime > rule.localTime).toBe(true);
      expect(wall(new Date(o.instant.getTime() - 60_000), rule.zone) < `${o.localDate} ${rule.localTime}`).toBe(true);
    }
  });
  if (rule.count !== null) expect(found).toHaveLength(Math.min(rule.count, MAX_MEETINGS));
  if (rule.until !== null) {
    expect(found.every((o) => o.localDate <= rule.until!)).toBe(true);
    if (found.length < MAX_MEETINGS && found.length > 0) {
      // The next date the rule would give is past `until`.
      const lastDay = DateTime.fromISO(found.at(-1)!.localDate);
      const next =
        rule.cadence.kind === 'weekly'
          ? lastDay.plus({ weeks: rule.cadence.everyWeeks }).toISODate()!
          : dayOfMonth(lastDay.startOf('month').plus({ months: rule.cadence.everyMonths }), rule.weekday, rule.cadence.week);
      expect(next > rule.until).toBe(true);
    }
  }
  return found.filter((o) => o.shiftedFrom !== undefined).length;
}

describe('recurrence in every zone', () => {
  it('falls on the asked weekday, N weeks apart in local dates, at the asked time or the first valid one after a gap', () => {
    fc.assert(fc.property(ruleArb, (rule) => void checkOccurrences(rule)), { numRuns: 300 });
  });

  it('holds on the very days the clocks change, in the small hours', () => {
    expect(TRANSITIONS.length).toBeGreaterThan(100);
    let shifted = 0;
    fc.assert(fc.property(transitionRuleArb, (rule) => void (shifted += checkOccurrences(rule))), { numRuns: 500 });
    // The run must have met real gaps, or it proved nothing about them.
    expect(shifted).toBeGreaterThan(10);
  });

  it('gives the seven Tuesdays of the London programme, in GMT then BST', () => {
    const found = occurrences({ cadence: { kind: 'weekly', everyWeeks: 4 }, weekday: 2, localTime: '10:00', durationMinutes: 180, from: '2027-01-05', until: '2027-06-30', count: null, zone: 'Europe/London' }, before('2027-01-01')).upcoming;
    expect(found.map((o) => [o.localDate, o.localTime, o.instant.toISOString()])).toEqual(LONDON_MEETINGS);
  });
});

describe('monthly rules and dates before today', () => {
  const monthly = (week: MonthWeek, extra: Partial<ScheduleRule> = {}): ScheduleRule => ({
    cadence: { kind: 'monthly', everyMonths: 1, week },
    weekday: 2,
    localTime: '10:00',
    durationMinutes: 180,
    from: '2027-01-01',
    until: '2027-06-30',
    count: null,
    zone: 'Europe/London',
    ...extra,
  });
  const dates = (rule: ScheduleRule) => occurrences(rule, before(rule.from)).upcoming.map((o) => `${o.localDate} ${o.instant.toISOString().slice(11, 16)}`);

  it('meets on the first, fourth or last Tuesday of each month, at 10:00 London in GMT and BST', () => {
    expect(dates(monthly(1))).toEqual(['2027-01-05 10:00', '2027-02-02 10:00', '2027-03-02 10:00', '2027-04-06 09:00', '2027-05-04 09:00', '2027-06-01 09:00']);
    expect(dates(monthly(4))).toEqual(['2027-01-26 10:00', '2027-02-23 10:00', '2027-03-23 10:00', '2027-04-27 09:00', '2027-05-25 09:00', '2027-06-22 09:00']);
    // March 2027 has five Tuesdays: the last is the 30th, the first in summer time.
    expect(dates(monthly(-1))).toEqual(['2027-01-26 10:00', '2027-02-23 10:00', '2027-03-30 09:00', '2027-04-27 09:00', '2027-05-25 09:00', '2027-06-29 09:00']);
    // From after the month's first Tuesday: the next month's, then every 2 months from there.
    expect(dates(monthly(1, { from: '2027-01-06', cadence: { kind: 'monthly', everyMonths: 2, week: 1 } }))).toEqual(['2027-02-02 10:00', '2027-04-06 09:00', '2027-06-01 09:00']);
  });

  it('counts dates before today towards a count, plans none of them, and plans a year ahead of today when open-ended', () => {
    const weekly: ScheduleRule = { ...monthly(1), cadence: { kind: 'weekly', everyWeeks: 4 }, from: '2026-01-05', until: null, count: 20 };
    const now = new Date('2026-11-23T12:00:00Z');
    const counted = occurrences(weekly, now);
    expect(counted.past).toEqual({ count: 12, first: '2026-01-06', last: '2026-11-10' });
    expect(counted.upcoming.map((o) => o.localDate)).toEqual(['2026-12-08', '2027-01-05', '2027-02-02', '2027-03-02', '2027-03-30', '2027-04-27', '2027-05-25', '2027-06-22']);
    const open = occurrences({ ...weekly, count: null }, now);
    expect(open.upcoming[0]!.localDate).toBe('2026-12-08');
    expect(open.upcoming.at(-1)!.localDate).toBe('2027-11-09'); // the horizon is a year from today, not from 5 Jan 2026
    expect(() => occurrences({ ...weekly, from: '2023-11-01' }, now)).toThrow('cannot start before 2023-11-23');
    expect(() => occurrences({ ...weekly, from: '9999-12-31' }, now)).toThrow('A schedule can start at most 3 years ahead, by 2029-11-23.');
    // Today's meeting is past once its time has come: it counts, and is not planned.
    const monday: ScheduleRule = { ...weekly, weekday: 1, from: '2026-10-26', count: 3 };
    const afterTen = occurrences(monday, new Date('2026-11-23T10:30:00Z'));
    expect(afterTen.past).toEqual({ count: 2, first: '2026-10-26', last: '2026-11-23' });
    expect(afterTen.upcoming.map((o) => o.localDate)).toEqual(['2026-12-21']);
    expect(occurrences(monday, new Date('2026-11-23T09:30:00Z')).upcoming.map((o) => o.localDate)).toEqual(['2026-11-23', '2026-12-21']);
  });
});

describe('wall times across clock changes', () => {
  it('moves a time in a gap to the moment the clocks jump', () => {
    expect(resolveWallTime('2027-03-14', '02:30', 'America/New_York')).toMatchObject({ localTime: '03:00', shiftedFrom: '02:30' });
    expect(resolveWallTime('2027-10-03', '02:10', 'Australia/Lord_Howe')).toMatchObject({ localTime: '02:30', shiftedFrom: '02:10' });
    expect(resolveWallTime('2027-09-26', '02:50', 'Pacific/Chatham')).toMatchObject({ localTime: '03:45', shiftedFrom: '02:50' });
    expect(resolveWallTime('2027-03-28', '01:00', 'Europe/London').instant.toISOString()).toBe('2027-03-28T01:00:00.000Z');
  });

  it('takes the first of two moments when the clocks go back', () => {
    expect(resolveWallTime('2027-11-07', '01:30', 'America/New_York').instant.toISOString()).toBe('2027-11-07T05:30:00.000Z');
    expect(resolveWallTime('2027-04-04', '01:45', 'Australia/Lord_Howe').instant.toISOString()).toBe('2027-04-03T14:45:00.000Z');
  });
});
