import { DateTime } from 'luxon';
import { SetwiseError } from './errors';
import type { Cadence, MonthWeek, Occurrence, ScheduleRule } from './schedule';
import { localToday, resolveWallTime } from './wall-time';

/** A programme runs months, not decades; this also bounds the work one command can cause. */
export const MAX_PROGRAMME_YEARS = 3;
export const MAX_MEETINGS = 100;
/** With neither `until` nor a count, meetings are planned this far ahead of today (or of `from`, if later). */
export const OPEN_ENDED_MONTHS = 12;

export const DEFAULT_DURATION_MINUTES = 180;

const WEEK_WORDS: Record<MonthWeek, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };
export const monthWeekWord = (week: MonthWeek): string => WEEK_WORDS[week];

/** "every 4 weeks", "every week", "every month", "every 3 months". */
export function everyPhrase(cadence: Cadence): string {
  if (cadence.kind === 'weekly') return cadence.everyWeeks === 1 ? 'every week' : `every ${cadence.everyWeeks} weeks`;
  return cadence.everyMonths === 1 ? 'every month' : `every ${cadence.everyMonths} months`;
}

const iso = (d: DateTime) => d.toISODate()!;
const plusYears = (date: string, years: number) => iso(DateTime.fromISO(date, { zone: 'UTC' }).plus({ years }));

/** The rule's last allowed local date: `until`; with a count, the longest programme; else the open-ended horizon. */
export function lastDate(rule: ScheduleRule, today: string): string {
  if (rule.until !== null) return rule.until;
  if (rule.count !== null) return plusYears(rule.from, MAX_PROGRAMME_YEARS);
  const start = rule.from > today ? rule.from : today;
  return iso(DateTime.fromISO(start, { zone: 'UTC' }).plus({ months: OPEN_ENDED_MONTHS }));
}

/** The last date a meeting may have: a programme runs at most three years from its start (today, or a rule's later `from`). */
export function latestMeetingDate(rule: Pick<ScheduleRule, 'from'> | undefined, today: string): string {
  return plusYears(rule && rule.from > today ? rule.from : today, MAX_PROGRAMME_YEARS);
}

/** Refuses rules that cannot describe a programme, in words a facilitator can act on. */
export function checkRule(rule: ScheduleRule, today: string): void {
  // A programme runs at most three years, so a schedule starts within three years of today, either way.
  const earliest = plusYears(today, -MAX_PROGRAMME_YEARS);
  const latest = plusYears(today, MAX_PROGRAMME_YEARS);
  if (rule.from < earliest) {
    throw new SetwiseError('invalid', `A programme runs at most ${MAX_PROGRAMME_YEARS} years, so its schedule cannot start before ${earliest}.`, 'Give `from` a date from today on.');
  }
  if (rule.from > latest) {
    throw new SetwiseError('invalid', `A schedule can start at most ${MAX_PROGRAMME_YEARS} years ahead, by ${latest}.`, 'Give `from` an earlier date.');
  }
  if (rule.until !== null && rule.until < rule.from) {
    throw new SetwiseError('invalid', `The programme cannot end (${rule.until}) before it starts (${rule.from}).`);
  }
  const longest = plusYears(rule.from, MAX_PROGRAMME_YEARS);
  if (rule.until !== null && rule.until > longest) {
    throw new SetwiseError('invalid', `A programme can run at most ${MAX_PROGRAMME_YEARS} years: end it by ${longest}.`);
  }
}

/** The `week`th `weekday` of a month (the last when -1), as a date. */
function weekdayOfMonth(month: DateTime, weekday: number, week: MonthWeek): DateTime {
  if (week === -1) {
    const end = month.endOf('month').startOf('day');
    return end.minus({ days: (end.weekday - weekday + 7) % 7 });
  }
  const first = month.startOf('month');
  return first.plus({ days: ((weekday - first.weekday + 7) % 7) + (week - 1) * 7 });
}

/**
 * The rule's dates, on or after `from`, in order and without end. Dates step in the
 * set's own calendar (never N*7*24 hours of UTC, which drifts across a clock change).
 */
function* datesOf(rule: ScheduleRule): Generator<string> {
  const from = DateTime.fromISO(rule.from, { zone: 'UTC' });
  const { cadence } = rule;
  if (cadence.kind === 'weekly') {
    for (let date = from.plus({ days: (rule.weekday - from.weekday + 7) % 7 }); ; date = date.plus({ weeks: cadence.everyWeeks })) yield iso(date);
  }
  // The first month whose meeting day is not before `from`, then every N months from there.
  const own = from.startOf('month');
  const start = weekdayOfMonth(own, rule.weekday, cadence.week) >= from ? own : own.plus({ months: 1 });
  for (let month = start; ; month = month.plus({ months: cadence.everyMonths })) yield iso(weekdayOfMonth(month, rule.weekday, cadence.week));
}

/** What a rule gives: the meetings still to come, and how many of its dates were already past. */
export interface RuleDates {
  readonly upcoming: readonly Occurrence[];
  /** Dates of the rule whose meeting would already have started: history that Setwise does not plan. */
  readonly past: { readonly count: number; readonly first?: string; readonly last?: string };
}

/**
 * The meetings a rule describes from `now` on, each date's wall time resolved in the
 * rule's zone. A date whose meeting would already have started (today's included)
 * is past. A count includes the past dates, as a programme of six meetings that
 * began in January has fewer than six still to come.
 */
export function occurrences(rule: ScheduleRule, now: Date): RuleDates {
  const today = localToday(now, rule.zone);
  checkRule(rule, today);
  const last = lastDate(rule, today);
  const limit = Math.min(rule.count ?? MAX_MEETINGS, MAX_MEETINGS);
  const upcoming: Occurrence[] = [];
  const past: { count: number; first?: string; last?: string } = { count: 0 };
  for (const date of datesOf(rule)) {
    if (date > last || upcoming.length >= MAX_MEETINGS) break;
    if (rule.count !== null && past.count + upcoming.length >= limit) break;
    const resolved = date < today ? undefined : resolveWallTime(date, rule.localTime, rule.zone);
    if (!resolved || resolved.instant.getTime() <= now.getTime()) {
      past.count += 1;
      past.first ??= date;
      past.last = date;
      continue;
    }
    upcoming.push({ ...resolved, ends: new Date(resolved.instant.getTime() + rule.durationMinutes * 60_000) });
  }
  if (rule.count !== null && past.count + upcoming.length < limit) {
    throw new SetwiseError(
      'invalid',
      `${rule.count} meetings ${everyPhrase(rule.cadence)} would run past ${MAX_PROGRAMME_YEARS} years; plan fewer, or meet more often.`,
    );
  }
  return { upcoming, past };
}
