import { z } from 'zod';
import { resolveWallTime, wallClockMs } from '../wall-time';

/**
 * How far a nudge is from its meeting. Days (and weeks) are calendar days in the
 * recipient's zone, so "7 days before" a 10:00 meeting is 10:00 a week earlier even
 * across a clock change; hours and minutes are exact durations.
 */
export type NudgeOffset = { readonly days: number } | { readonly minutes: number };

export const offsetSchema = (maxDays: number) =>
  z.union([
    z.object({ days: z.number().int().min(0).max(maxDays) }).strict(),
    z.object({ minutes: z.number().int().min(0).max(maxDays * 1440) }).strict(),
  ]);

/** Older settings kept every offset in minutes; whole days were typed as days. */
export const offsetFromMinutes = (minutes: number): NudgeOffset => (minutes > 0 && minutes % 1440 === 0 ? { days: minutes / 1440 } : { minutes });

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The same wall time as `instant` shows in `zone`, `days` calendar days later
 * (earlier when negative). A wall time the clocks skip that day is the first valid
 * time after it; in an overlap the first of the two moments is used, as for meetings.
 */
export function sameWallTime(instant: Date, days: number, zone: string): Date {
  // No days is the instant itself, even in an hour the clocks repeat.
  if (days === 0) return instant;
  const wall = new Date(wallClockMs(instant.getTime(), zone)); // its UTC fields are the local ones
  const day = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + days));
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const resolved = resolveWallTime(date, `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`, zone);
  return new Date(resolved.instant.getTime() + wall.getUTCSeconds() * 1000 + wall.getUTCMilliseconds());
}

/** `instant` moved by `offset` (`direction` -1 for before, 1 for after), days counted in `zone`. */
export function shiftBy(instant: Date, offset: NudgeOffset, direction: -1 | 1, zone: string): Date {
  return 'days' in offset ? sameWallTime(instant, direction * offset.days, zone) : new Date(instant.getTime() + direction * offset.minutes * 60_000);
}

/** Whole calendar days from `a`'s local date to `b`'s, in `zone`. */
export function calendarDaysBetween(a: Date, b: Date, zone: string): number {
  return Math.floor(wallClockMs(b.getTime(), zone) / DAY) - Math.floor(wallClockMs(a.getTime(), zone) / DAY);
}
