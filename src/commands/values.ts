import { DateTime } from 'luxon';
import { z } from 'zod';
import { SetwiseError } from '../domain/errors';
import { DATE_WINDOW } from '../domain/limits';
import { parseSetName } from '../domain/set-name';
import { parseZone } from '../domain/zone';

/**
 * Value schemas for command arguments. A message may carry a second line after
 * "\n": the hint shown under the error (usually an example).
 */

/** A calendar date written as ISO 2027-03-02, and one that exists. */
export const isoDate = z.string().superRefine((raw, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a date I can read.\nWrite dates as YYYY-MM-DD, e.g. 2027-03-02.` });
  } else if (!DateTime.fromISO(raw).isValid) {
    ctx.addIssue({ code: 'custom', message: `${raw} is not a real date.` });
  } else if (raw < DATE_WINDOW.first || raw > DATE_WINDOW.last) {
    ctx.addIssue({ code: 'custom', message: `${raw} is outside the dates Setwise works with, ${DATE_WINDOW.first} to ${DATE_WINDOW.last}.` });
  }
});

/** 24-hour time; "9:30" is accepted and written back as "09:30". */
export const time24 = z.string().transform((raw, ctx) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(raw);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || h > 23 || min > 59) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a 24-hour time.\nWrite times as HH:MM, e.g. 10:00 or 14:30.` });
    return z.NEVER;
  }
  return `${String(h).padStart(2, '0')}:${m[2]}`;
});

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** A weekday name (or its first three letters) as ISO 1 = Monday ... 7 = Sunday. */
export const weekday = z.string().transform((raw, ctx) => {
  const word = raw.toLowerCase();
  const index = WEEKDAYS.findIndex((d) => d === word || (word.length >= 3 && d.startsWith(word)));
  if (index < 0) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a weekday.\nUse monday, tuesday, wednesday, thursday, friday, saturday or sunday.` });
    return z.NEVER;
  }
  return index + 1;
});

/** A zod schema from a domain parser: its SetwiseError becomes the issue (message, then hint). */
const fromDomain = <T>(parse: (raw: string) => T) =>
  z.string().transform((raw, ctx) => {
    try {
      return parse(raw);
    } catch (error) {
      if (!(error instanceof SetwiseError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.hint ? `${error.message}\n${error.hint}` : error.message });
      return z.NEVER;
    }
  });

/** An IANA time zone, canonically spelt. */
export const zone = fromDomain(parseZone);

export const wholeNumber = (what: string, min: number, max: number) =>
  z.string().transform((raw, ctx) => {
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${what} must be a whole number from ${min} to ${max}, not "${raw}".` });
      return z.NEVER;
    }
    return n;
  });

/** How long a meeting lasts: 90m, 3h, 1h30m, 1h30. From 15 minutes to a full day. */
export const duration = z.string().transform((raw, ctx) => {
  const m = /^(?:(\d+)h)?(?:(\d+)m?)?$/i.exec(raw);
  const minutes = m && (m[1] || m[2]) ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
  if (!Number.isFinite(minutes) || minutes < 15 || minutes > 12 * 60) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a meeting length I can use.\nWrite it like 90m, 3h or 1h30m (15 minutes to 12 hours).` });
    return z.NEVER;
  }
  return minutes;
});

/** A person named with @, e.g. "@bob". Adapters map these tokens to platform users. */
export const mention = z.string().regex(/^@\S+$/, { message: 'Name people with @, e.g. @bob.' });

export const rsvpAnswer = z.enum(['yes', 'no', 'maybe'], { message: 'Answer yes, no or maybe.' });

/** Quiet hours as HH:MM-HH:MM in the person's zone; may wrap past midnight. */
export const quietRange = z.string().transform((raw, ctx) => {
  const m = /^(\d{1,2}:\d{2})-(\d{1,2}:\d{2})$/.exec(raw);
  const start = m && time24.safeParse(m[1]);
  const end = m && time24.safeParse(m[2]);
  if (!start?.success || !end?.success || start.data === end.data) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a range of quiet hours.\nWrite it as HH:MM-HH:MM, e.g. 20:00-08:00, or "off".` });
    return z.NEVER;
  }
  return { start: start.data, end: end.data };
});

/** A set's name, checked as the domain wants it (length, printable). */
export const setName = fromDomain(parseSetName);
