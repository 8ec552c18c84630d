import { DateTime } from 'luxon';

// One fixed locale so copy reads the same on every machine ("Tue 5 Jan 2027").
const at = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone }).setLocale('en');

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const weekdayName = (isoWeekday: number): string => WEEKDAY_NAMES[isoWeekday - 1] ?? '?';

/** "Tue 5 Jan 2027" for a local date. */
export const dayLabel = (localDate: string): string => DateTime.fromISO(localDate).setLocale('en').toFormat('ccc d LLL yyyy');

/** "3h", "90m" -> "1h30m". */
export function lengthLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h${String(m).padStart(2, '0')}m`;
}

interface Timed {
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly zone: string;
}

function span(t: Timed, zone: string): string {
  const start = at(t.startsAt, zone);
  const end = at(t.endsAt, zone);
  const endLabel = end.hasSame(start, 'day') ? end.toFormat('HH:mm') : end.toFormat('ccc d LLL, HH:mm');
  return `${start.toFormat('ccc d LLL yyyy, HH:mm')}–${endLabel}`;
}

/**
 * A meeting's time for one person: in their zone, with the set's zone alongside
 * when it differs ("Tue 5 Jan 2027, 05:00–08:00 America/New_York (10:00 Europe/London)").
 */
export function meetingTime(t: Timed, viewerZone: string): string {
  if (viewerZone === t.zone) return `${span(t, t.zone)} ${t.zone}`;
  const own = at(t.startsAt, t.zone);
  const sameDay = own.hasSame(at(t.startsAt, viewerZone), 'day');
  return `${span(t, viewerZone)} ${viewerZone} (${own.toFormat(sameDay ? 'HH:mm' : 'ccc d LLL, HH:mm')} ${t.zone})`;
}
