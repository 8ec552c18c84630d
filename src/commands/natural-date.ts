import { DateTime } from 'luxon';
import { DATE_WINDOW } from '../domain/limits';

/**
 * Dates written the way people write them ("5 Jan 2027", "Tue 5 Jan 2027", "January
 * 5, 2027", "5/1/2027"). Setwise takes ISO dates only, so each gets a refusal that
 * quotes the whole date and shows its ISO form; a slashed date that reads both ways
 * (5 January or 1 May) shows both.
 */
export interface DateAdvice {
  readonly message: string;
  /** Only where the ISO form cannot be shown; otherwise the command's own example follows. */
  readonly hint?: string;
}

/** "jan", "january", "sept"... -> 1..12. */
const MONTHS = new Map<string, number>(
  Array.from({ length: 12 }, (_, i) => {
    const name = DateTime.fromObject({ year: 2027, month: i + 1 }).setLocale('en');
    return [
      [name.toFormat('LLL').toLowerCase(), i + 1],
      [name.toFormat('LLLL').toLowerCase(), i + 1],
    ] as const;
  }).flat(),
).set('sept', 9);
const WEEKDAYS = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|sday|nesday|rsday|urday)?$/;
const HINT = 'Dates are written YYYY-MM-DD.';

const monthOf = (word: string): number | undefined => MONTHS.get(word);

const isoOf = (y: number, m: number, d: number): string | undefined => {
  const date = DateTime.fromObject({ year: y, month: m, day: d });
  return date.isValid ? date.toISODate()! : undefined;
};

/** The advice for a date that reads one way: its ISO form, or that it is outside the dates Setwise takes. */
const oneReading = (quoted: string, iso: string): DateAdvice =>
  iso < DATE_WINDOW.first || iso > DATE_WINDOW.last
    ? { message: `${quoted} is outside the dates Setwise works with, ${DATE_WINDOW.first} to ${DATE_WINDOW.last}.` }
    : { message: `${quoted} is not a date I can read: write it as ${iso}.` };

const longName = (iso: string) => DateTime.fromISO(iso).setLocale('en').toFormat('d LLLL yyyy');

/** Advice for `text` if it is a date written another way; undefined if it is no date at all. */
export function naturalDate(text: string): DateAdvice | undefined {
  const quoted = `"${text}"`;
  const words = text.toLowerCase().replace(/,/g, ' ').split(/\s+/).filter(Boolean).map((w) => w.replace(/^(\d{1,2})(st|nd|rd|th)$/, '$1').replace(/\.$/, ''));
  if (words.length > 1 && WEEKDAYS.test(words[0]!)) words.shift();

  if (words.length === 1) {
    const one = words[0]!;
    const ymd = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(one);
    if (ymd) {
      const iso = isoOf(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
      return iso ? oneReading(quoted, iso) : { message: `${quoted} is not a real date.`, hint: HINT };
    }
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(one);
    if (!dmy) return undefined;
    const year = Number(dmy[3]!.length === 2 ? `20${dmy[3]}` : dmy[3]);
    const [a, b] = [Number(dmy[1]), Number(dmy[2])];
    const readings = [...new Set([isoOf(year, b, a), isoOf(year, a, b)].filter((x): x is string => x !== undefined))];
    if (readings.length === 0) return { message: `${quoted} is not a real date.`, hint: HINT };
    if (readings.length === 1) return oneReading(quoted, readings[0]!);
    return { message: `${quoted} could be ${longName(readings[0]!)} or ${longName(readings[1]!)}: write ${readings[0]} or ${readings[1]}.` };
  }

  if (words.length < 2 || words.length > 3) return undefined;
  const monthAt = words.findIndex((w) => monthOf(w) !== undefined);
  if (monthAt < 0) return undefined;
  const rest = words.filter((_, i) => i !== monthAt);
  const day = rest.find((w) => /^\d{1,2}$/.test(w));
  const year = rest.find((w) => /^\d{4}$/.test(w));
  if (!day || rest.length !== (year ? 2 : 1)) return undefined;
  const month = monthOf(words[monthAt]!)!;
  if (!year) {
    const example = isoOf(2027, month, Number(day));
    return { message: `${quoted} needs a year: write it as YYYY-MM-DD${example ? `, e.g. ${example} for ${longName(example)}` : ''}.` };
  }
  const iso = isoOf(Number(year), month, Number(day));
  return iso ? oneReading(quoted, iso) : { message: `${quoted} is not a real date.`, hint: HINT };
}
