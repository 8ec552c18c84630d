import { DateTime } from 'luxon';
import type { QuietHours } from '../model';

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/**
 * If `now` falls in the person's quiet hours (their local time, possibly across
 * midnight), the instant those hours end; otherwise null. A private nudge waits
 * until then.
 */
export function quietUntil(now: Date, zone: string, quiet: QuietHours | null): Date | null {
  if (!quiet) return null;
  const local = DateTime.fromJSDate(now, { zone });
  const t = local.hour * 60 + local.minute;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  const inside = start < end ? t >= start && t < end : t >= start || t < end;
  if (!inside) return null;
  const [h, m] = quiet.end.split(':').map(Number) as [number, number];
  let until = local.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  if (until <= local) until = until.plus({ days: 1 });
  return until.toJSDate();
}
