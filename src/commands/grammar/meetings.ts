/** Meetings: the schedule, changes, the calendar and RSVPs. */
import { ArgError, check, type Args } from '../args';
import { spec, none, readDate, optionalDate } from '../spec';
import { duration, rsvpAnswer, time24, wholeNumber, weekday, zone } from '../values';
import type { Cadence, MonthWeek } from '../../domain/schedule';

/** Both forms of a schedule, shown whenever one is half-written. */
export const SCHEDULE_FORMS = 'Weekly: `schedule every 4 weeks on tuesday at 10:00`; monthly: `schedule every month on the first tuesday at 10:00` (first, second, third, fourth or last).';

const MONTH_WEEKS: Record<string, MonthWeek> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: -1 };

/** After `every`: `<n> weeks`, `week`, `month` or `<n> months`. */
function parseEvery(a: Args): { unit: 'weeks' | 'months'; n: number } {
  const first = a.word('how often, e.g. every 4 weeks or every month').toLowerCase();
  if (first === 'week' || first === 'weeks') return { unit: 'weeks', n: 1 };
  if (first === 'month' || first === 'months') return { unit: 'months', n: 1 };
  if (!/^\d+$/.test(first)) throw new ArgError(`"every ${first}" is not a schedule I can read.`, SCHEDULE_FORMS);
  const unit = a.keyword('weeks', 'week', 'months', 'month');
  if (unit === undefined) throw new ArgError('Expected "weeks" or "months" after the number, e.g. every 4 weeks.', SCHEDULE_FORMS);
  const months = unit.startsWith('month');
  const n = check(wholeNumber(months ? 'The number of months' : 'The number of weeks', 1, months ? 12 : 52), first);
  return { unit: months ? 'months' : 'weeks', n };
}

/** The day part: `<weekday>` for weekly rules, `the <first..fourth|last> <weekday>` for monthly ones. */
function parseDay(a: Args, unit: 'weeks' | 'months'): { weekday: number; week?: MonthWeek } {
  if (a.keyword('on') === undefined) {
    const got = a.peek();
    throw new ArgError(got ? `Expected "on" and the day the set meets, not "${got}".` : 'Say which day the set meets.', SCHEDULE_FORMS);
  }
  a.keyword('the');
  const word = a.word(unit === 'months' ? 'which weekday of the month, e.g. the first tuesday' : 'a weekday').toLowerCase();
  const week = MONTH_WEEKS[word];
  if (unit === 'weeks') {
    if (week !== undefined) throw new ArgError(`A weekly schedule meets on a weekday, not on "the ${word}" of it.`, SCHEDULE_FORMS);
    return { weekday: check(weekday, word) };
  }
  if (week === undefined) {
    const day = weekday.safeParse(word);
    const why = day.success ? `Say which ${word} of the month: first, second, third, fourth or last.` : `"${word}" is not a weekday of the month I can use.`;
    throw new ArgError(`${why} Monthly sets meet on a weekday of the month, not a date.`, SCHEDULE_FORMS);
  }
  return { weekday: check(weekday, a.word(`a weekday after "${word}"`)), week };
}

/** Any mistake in how often and when the set meets is answered with both forms. */
function withForms<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ArgError && error.hint === undefined) throw new ArgError(error.message, SCHEDULE_FORMS);
    throw error;
  }
}

/**
 * `schedule every <n> weeks on <weekday> at <HH:MM>` or
 * `schedule every [<n>] month[s] on the <first..fourth|last> <weekday> at <HH:MM>`,
 * then options in any order.
 */
function parseSchedule(a: Args) {
  if (a.keyword('every') === undefined) {
    const got = a.peek();
    throw new ArgError(got ? `"schedule ${got}" is not a schedule I can read.` : 'Say when the set meets.', SCHEDULE_FORMS);
  }
  const { cadence, weekday: day, time } = withForms(() => {
    const every = parseEvery(a);
    const on = parseDay(a, every.unit);
    if (a.keyword('at') === undefined) throw new ArgError('Expected "at" and a time after the day, e.g. at 10:00.');
    const at = check(time24, a.word('a time, e.g. 10:00'));
    const how: Cadence = every.unit === 'weeks' ? { kind: 'weekly', everyWeeks: every.n } : { kind: 'monthly', everyMonths: every.n, week: on.week! };
    return { cadence: how, weekday: on.weekday, time: at };
  });

  const options: { durationMinutes?: number; from?: string; until?: string; count?: number; tz?: string } = {};
  const once = (key: keyof typeof options, word: string) => {
    if (options[key] !== undefined) throw new ArgError(`"${word}" is given twice.`);
  };
  while (!a.empty) {
    const word = a.word('an option');
    switch (word.toLowerCase()) {
      case 'for': {
        const value = a.word('a length (for 3h) or a number of meetings (for 6 meetings)');
        if (a.keyword('meetings', 'meeting') !== undefined) {
          once('count', 'for <n> meetings');
          options.count = check(wholeNumber('The number of meetings', 1, 100), value);
        } else {
          once('durationMinutes', 'for <duration>');
          options.durationMinutes = check(duration, value);
        }
        break;
      }
      case 'from':
        once('from', 'from');
        options.from = readDate(a, 'a date after "from"');
        break;
      case 'until':
        once('until', 'until');
        options.until = readDate(a, 'a date after "until"');
        break;
      case 'tz':
        once('tz', 'tz');
        options.tz = check(zone, a.word('a time zone after "tz"'));
        break;
      default:
        throw new ArgError(`"${word}" is not a schedule option; use for, from, until or tz.`);
    }
  }
  if (options.until !== undefined && options.count !== undefined) {
    throw new ArgError('Give "until <date>" or "for <n> meetings", not both.');
  }
  if (options.from !== undefined && options.until !== undefined && options.until < options.from) {
    throw new ArgError(`"until ${options.until}" is before "from ${options.from}".`);
  }
  return { cadence, weekday: day, time, ...options };
}

export const meetingCommands = {
  schedule: spec({
    usage: 'schedule every <n> weeks on <weekday> at <HH:MM> [for <duration>] [from <date>] [until <date> | for <n> meetings] [tz <zone>]',
    summary: "set the set's recurring meetings",
    example: 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 until 2027-06-30',
    area: 'Meetings',
    who: 'facilitators',
    built: true,
    parse: parseSchedule,
  }),
  'schedule show': spec({ usage: 'schedule show', summary: "show the set's schedule rule", example: 'schedule show', area: 'Meetings', who: 'members', built: true, parse: none }),
  meetings: spec({ usage: 'meetings', summary: 'list upcoming meetings in your time zone', example: 'meetings', area: 'Meetings', who: 'members', built: true, parse: none }),
  'meeting cancel': spec({ usage: 'meeting cancel <date>', summary: 'cancel one meeting', example: 'meeting cancel 2027-03-02', area: 'Meetings', who: 'facilitators', built: true, parse: (a) => { const d = readDate(a, 'the date of the meeting'); a.end(); return { date: d }; } }),
  'meeting move': spec({
    usage: 'meeting move <date> to <date> [at <HH:MM>]',
    summary: 'move one meeting to another day or time',
    example: 'meeting move 2027-03-02 to 2027-03-09 at 14:00',
    area: 'Meetings',
    who: 'facilitators',
    built: true,
    parse: (a) => {
      const from = readDate(a, 'the date of the meeting to move');
      a.expect('to', 'the date of the meeting');
      const to = readDate(a, 'the new date');
      const at = a.keyword('at') === undefined ? undefined : check(time24, a.word('a time after "at"'));
      a.end();
      return { from, to, time: at };
    },
  }),
  'meeting add': spec({
    usage: 'meeting add <date> at <HH:MM>',
    summary: 'add a one-off meeting',
    example: 'meeting add 2027-04-20 at 10:00',
    area: 'Meetings',
    who: 'facilitators',
    built: true,
    parse: (a) => {
      const d = readDate(a, 'the date of the meeting');
      a.expect('at', 'the date');
      const time = check(time24, a.word('a time after "at"'));
      a.end();
      return { date: d, time };
    },
  }),
  calendar: spec({ usage: 'calendar', summary: "the set's meetings as an .ics calendar file", example: 'calendar', area: 'Meetings', who: 'members', built: true, parse: none }),
  rsvp: spec({
    usage: 'rsvp yes|no|maybe [<date>]',
    summary: 'say whether you will come to the next meeting (or the one on <date>)',
    example: 'rsvp no 2027-03-02',
    area: 'Meetings',
    who: 'members',
    built: true,
    parse: (a) => {
      const answer = check(rsvpAnswer, (a.word('yes, no or maybe')).toLowerCase());
      return { answer, ...optionalDate(a) };
    },
  }),
} as const;
