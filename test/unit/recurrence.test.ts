import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { SetwiseError } from '../../src/domain/errors';
import { MAX_MEETINGS, MAX_PROGRAMME_YEARS, occurrences, type ScheduleRule } from '../../src/domain/recurrence';
import { resolveWallTime } from '../../src/domain/wall-time';
import { LONDON_MEETINGS } from '../support/london';
import { TRANSITIONS, ZONES, wall } from '../support/zones';

const pad = (n: number) => String(n).padStart(2, '0');

const ruleArb = fc
  .record({
    everyWeeks: fc.integer({ min: 1, max: 8 }),
    weekday: fc.integer({ min: 1, max: 7 }),
    // Small hours on purpose: that is where clocks change.
    hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 3 })),
    minute: fc.oneof(fc.constantFrom(0, 15, 30, 45), fc.integer({ min: 0, max: 59 })),
    durationMinutes: fc.integer({ min: 15, max: 720 }),
    from: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-06-30T00:00:00Z'), noInvalidDate: true }),
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
    everyWeeks: fc.integer({ min: 1, max: 8 }),
    hour: fc.integer({ min: 0, max: 3 }),
    minute: fc.integer({ min: 0, max: 59 }),
    count: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ at, hour, minute, ...r }): ScheduleRule => ({
    ...r,
    weekday: DateTime.fromISO(at.date).weekday,
    localTime: `${pad(hour)}:${pad(minute)}`,
    durationMinutes: 90,
    from: at.date,
    until: null,
    zone: at.zone,
  }));

/** The properties every rule's meetings must have; returns how many were shifted out of a gap. */
function checkOccurrences(rule: ScheduleRule): number {
  let found: ReturnType<typeof occurrences>;
  try {
    found = occurrences(rule);
  } catch (error) {
    // Only a count that cannot fit in the longest programme is refused.
    expect(error).toBeInstanceOf(SetwiseError);
    const lastStart = DateTime.fromISO(rule.from).plus({ weeks: rule.everyWeeks * (rule.count! - 1) });
    expect(lastStart.diff(DateTime.fromISO(rule.from), 'years').years).toBeGreaterThan(MAX_PROGRAMME_YEARS - 0.05);
    return 0;
  }
  const first = found[0];
  if (first) {
    const lead = DateTime.fromISO(first.localDate).diff(DateTime.fromISO(rule.from), 'days').days;
    expect(lead).toBeGreaterThanOrEqual(0);
    expect(lead).toBeLessThan(7);
  }
  found.forEach((o, i) => {
    expect(DateTime.fromISO(o.localDate).weekday).toBe(rule.weekday);
    expect(wall(o.instant, rule.zone)).toBe(`${o.localDate} ${o.localTime}`);
    expect(o.ends.getTime() - o.instant.getTime()).toBe(rule.durationMinutes * 60_000);
    if (i > 0) expect(DateTime.fromISO(o.localDate).diff(DateTime.fromISO(found[i - 1]!.localDate), 'days').days).toBe(rule.everyWeeks * 7);
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
    const next = found.length ? DateTime.fromISO(found.at(-1)!.localDate).plus({ weeks: rule.everyWeeks }).toISODate()! : rule.from;
    if (found.length < MAX_MEETINGS && found.length > 0) expect(next > rule.until).toBe(true);
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
    const found = occurrences({ everyWeeks: 4, weekday: 2, localTime: '10:00', durationMinutes: 180, from: '2027-01-05', until: '2027-06-30', count: null, zone: 'Europe/London' });
    expect(found.map((o) => [o.localDate, o.localTime, o.instant.toISOString()])).toEqual(LONDON_MEETINGS);
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
