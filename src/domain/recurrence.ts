import { DateTime } from 'luxon';
import { SetwiseError } from './errors';
import { resolveWallTime, type ResolvedTime } from './wall-time';

/** "Every N weeks on a weekday at a local time", for a programme with an end. */
export interface ScheduleRule {
  readonly everyWeeks: number;
  readonly weekday: number; // ISO: 1 = Monday ... 7 = Sunday
  readonly localTime: string; // HH:MM
  readonly durationMinutes: number;
  readonly from: string; // YYYY-MM-DD, the first meeting is on or after it
  readonly until: string | null; // inclusive
  readonly count: number | null;
  readonly zone: string;
}

export interface Occurrence extends ResolvedTime {
  readonly ends: Date;
}

/** A programme runs months, not decades; this also bounds the work one command can cause. */
export const MAX_PROGRAMME_YEARS = 3;
export const MAX_MEETINGS = 100;
/** With neither `until` nor a count, meetings are planned this far ahead of `from`. */
export const OPEN_ENDED_MONTHS = 12;

export const DEFAULT_DURATION_MINUTES = 180;

/** The rule's last allowed local date: `until`; with a count, the longest programme; else the open-ended horizon. */
export function lastDate(rule: ScheduleRule): string {
  const from = DateTime.fromISO(rule.from);
  return rule.until ?? (rule.count !== null ? from.plus({ years: MAX_PROGRAMME_YEARS }) : from.plus({ months: OPEN_ENDED_MONTHS })).toISODate()!;
}

/** Refuses rules that cannot describe a programme, in words a facilitator can act on. */
export function checkRule(rule: ScheduleRule): void {
  if (rule.until !== null && rule.until < rule.from) {
    throw new SetwiseError('invalid', `The programme cannot end (${rule.until}) before it starts (${rule.from}).`);
  }
  const longest = DateTime.fromISO(rule.from).plus({ years: MAX_PROGRAMME_YEARS }).toISODate()!;
  if (rule.until !== null && rule.until > longest) {
    throw new SetwiseError('invalid', `A programme can run at most ${MAX_PROGRAMME_YEARS} years: end it by ${longest}.`);
  }
}

/**
 * The meetings a rule describes, in order. Dates step N weeks in the set's own
 * calendar (never N*7*24 hours of UTC, which drifts across a clock change); each
 * date's wall time is then resolved in the zone.
 */
export function occurrences(rule: ScheduleRule): Occurrence[] {
  checkRule(rule);
  const start = DateTime.fromISO(rule.from, { zone: 'UTC' });
  let date = start.plus({ days: (rule.weekday - start.weekday + 7) % 7 });
  const last = lastDate(rule);
  const limit = Math.min(rule.count ?? MAX_MEETINGS, MAX_MEETINGS);
  const found: Occurrence[] = [];
  while (found.length < limit && date.toISODate()! <= last) {
    const resolved = resolveWallTime(date.toISODate()!, rule.localTime, rule.zone);
    found.push({ ...resolved, ends: new Date(resolved.instant.getTime() + rule.durationMinutes * 60_000) });
    date = date.plus({ weeks: rule.everyWeeks });
  }
  if (rule.count !== null && found.length < limit) {
    throw new SetwiseError(
      'invalid',
      `${rule.count} meetings ${rule.everyWeeks} weeks apart would run past ${MAX_PROGRAMME_YEARS} years; plan fewer, or meet more often.`,
    );
  }
  return found;
}
