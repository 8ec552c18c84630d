import { DateTime } from 'luxon';

/** The zones every time property is checked in: real DST, none, half-hour and 45-minute shifts. */
export const ZONES = [
  'Europe/London',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Pacific/Chatham', // +12:45/+13:45, changes at 02:45
  'America/Sao_Paulo', // DST abolished in 2019: no shifts at all
  'UTC',
  'Australia/Lord_Howe', // a 30-minute DST shift
  'America/St_Johns', // a half-hour offset with DST
  'Asia/Kathmandu', // +05:45
] as const;

/** Every day in 2026-2030 on which a zone's offset changes, and the day before: where gaps and overlaps live. */
export const TRANSITIONS: readonly { readonly zone: string; readonly date: string }[] = ZONES.flatMap((zone) => {
  const days: string[] = [];
  for (let day = DateTime.fromISO('2026-01-01', { zone }); day.year <= 2030; day = day.plus({ days: 1 })) {
    if (day.offset !== day.plus({ days: 1 }).offset) days.push(day.plus({ days: 1 }).toISODate()!, day.toISODate()!);
  }
  return days.map((date) => ({ zone, date }));
});

/** "2027-03-30 10:00": what a clock in `zone` shows at `instant`. */
export const wall = (instant: Date, zone: string): string => DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM-dd HH:mm');
