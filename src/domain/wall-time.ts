import { DateTime, IANAZone } from 'luxon';

/** A local date and 24-hour time in an IANA zone, resolved to the instant it names. */
export interface ResolvedTime {
  readonly localDate: string; // YYYY-MM-DD
  readonly localTime: string; // HH:MM, as it will be on the clock
  readonly zone: string;
  readonly instant: Date;
  /** The time asked for, when it does not exist that day (a DST gap) and was moved forward. */
  readonly shiftedFrom?: string;
}

const MINUTE = 60_000;

/**
 * Resolves a wall time in a zone. Two rules for the clock changes:
 * - in a gap (spring forward), the meeting moves to the first valid time after it,
 *   the moment the clocks jump (02:30 in New York on a spring-forward day: 03:00);
 * - in an overlap (fall back), the first of the two moments is used, as RFC 5545 does.
 * Luxon alone would move a gap time forward by the gap's length and pick the later
 * moment in an overlap, so offsets are tried explicitly.
 */
export function resolveWallTime(localDate: string, localTime: string, zone: string): ResolvedTime {
  const tz = IANAZone.create(zone);
  const [y, mo, d] = localDate.split('-').map(Number) as [number, number, number];
  const [h, mi] = localTime.split(':').map(Number) as [number, number];
  const asIfUtc = Date.UTC(y, mo - 1, d, h, mi);

  // Every offset in force within a day and a half either side covers any transition.
  const offsets = [...new Set([-36, 0, 36].map((hours) => tz.offset(asIfUtc + hours * 60 * MINUTE)))];
  // An instant shows the wanted wall time exactly when the zone's offset then takes it there.
  const matches = offsets
    .map((offset) => asIfUtc - offset * MINUTE)
    .filter((ms) => wallClockMs(ms, zone) === asIfUtc)
    .sort((a, b) => a - b);
  if (matches.length > 0) return { localDate, localTime, zone, instant: new Date(matches[0]!) };

  // A gap: the clocks jump over this time. Find the jump: the earliest instant, between
  // the two readings of the wall time, at which the later offset is in force.
  const [early, late] = offsets.map((offset) => asIfUtc - offset * MINUTE).sort((a, b) => a - b) as [number, number];
  const after = tz.offset(late + MINUTE);
  let lo = early;
  let hi = late;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (tz.offset(mid) === after) hi = mid;
    else lo = mid;
  }
  const shifted = DateTime.fromMillis(hi, { zone });
  return { localDate: shifted.toISODate()!, localTime: shifted.toFormat('HH:mm'), zone, instant: new Date(hi), shiftedFrom: localTime };
}

/** The wall clock in `zone` at instant `ms`, as milliseconds as if that wall time were UTC. */
export const wallClockMs = (ms: number, zone: string): number => ms + IANAZone.create(zone).offset(ms) * MINUTE;

/** Today's date in a zone, as YYYY-MM-DD. */
export const localToday = (now: Date, zone: string): string => DateTime.fromJSDate(now, { zone }).toISODate()!;
