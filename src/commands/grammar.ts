import { ArgError, check, type Args } from './args';
import { duration, isoDate, mention, quietRange, rsvpAnswer, setName, time24, wholeNumber, weekday, zone } from './values';
import { LIMITS } from '../domain/limits';
import { PROMPT_KINDS, THEMES } from '../domain/prompts';

export type Area = 'Getting started' | 'Sets' | 'Meetings' | 'Presenting' | 'Challenges and actions' | 'Check-ins and reflection' | 'You';
/** Who may use a command; shown in help, enforced by the use case. */
export type Who = 'anyone' | 'members' | 'facilitators';

export interface Spec<P> {
  readonly usage: string;
  readonly summary: string;
  readonly example: string;
  readonly area: Area;
  readonly who: Who;
  /** False while the command is in the grammar but its capability is not built yet. */
  readonly built: boolean;
  parse(args: Args): P;
}

const spec = <P>(s: Spec<P>): Spec<P> => s;
const none = (a: Args) => (a.end(), {});
const date = (raw: string) => check(isoDate, raw);
const person = (raw: string) => check(mention, raw);
const optionalDate = (a: Args) => {
  const raw = a.optionalWord();
  a.end();
  return { date: raw === undefined ? undefined : date(raw) };
};

function memberList(a: Args): string[] {
  const people = a.all().map(person);
  if (people.length === 0) throw new ArgError('Name at least one person with @.');
  if (people.length > LIMITS.membersPerCommand) {
    throw new ArgError(`Add at most ${LIMITS.membersPerCommand} people at a time.`);
  }
  return people;
}

function actionNumber(a: Args): { number: number } {
  const n = check(wholeNumber('The action number', 1, 9999), a.word('the action number from `actions`'));
  a.end();
  return { number: n };
}

function onePerson(a: Args): { person: string } {
  const p = person(a.word('a person, named with @'));
  a.end();
  return { person: p };
}

const text = (what: string, max: number, a: Args): string => {
  const value = a.rest(what);
  if ([...value].length > max) throw new ArgError(`That is ${[...value].length} characters; ${what} can be at most ${max}.`);
  return value;
};

const NUDGES = ['presenter-notice', 'challenge-reminder', 'meeting-reminder', 'reflection', 'low-attendance', 'checkin', 'action-follow-up'] as const;
export type NudgeSetting = (typeof NUDGES)[number];
export type NudgeValue = { readonly kind: 'offset'; readonly minutes: number } | { readonly kind: 'toggle'; readonly on: boolean } | { readonly kind: 'count'; readonly n: number };

/** `set nudges [<nudge> <when>]`: what each nudge accepts is checked here, with an example. */
function parseNudgeSetting(a: Args): { change?: { nudge: NudgeSetting; value: NudgeValue } } {
  if (a.empty) return {};
  const raw = a.word('a nudge').toLowerCase();
  const nudge = NUDGES.find((n) => n === raw);
  if (!nudge) throw new ArgError(`"${raw}" is not a nudge you can set.`, `Use one of: ${NUDGES.join(', ')}.`);
  const value = a.word(`a setting for ${nudge}`).toLowerCase();
  a.end();
  const toggle = value === 'on' || value === 'off' ? { kind: 'toggle' as const, on: value === 'on' } : undefined;
  const offset = /^(\d+)(d|h|m)$/.exec(value);
  const minutes = offset ? Number(offset[1]) * { d: 1440, h: 60, m: 1 }[offset[2] as 'd' | 'h' | 'm'] : undefined;
  switch (nudge) {
    case 'checkin':
    case 'action-follow-up':
      if (!toggle) throw new ArgError(`${nudge} is on or off.`, `Example: \`set nudges ${nudge} off\``);
      return { change: { nudge, value: toggle } };
    case 'low-attendance':
      return { change: { nudge, value: { kind: 'count', n: check(wholeNumber('The minimum attendance', 1, 20), value) } } };
    default:
      if (nudge === 'challenge-reminder' && toggle) return { change: { nudge, value: toggle } };
      if (minutes === undefined || minutes > 28 * 1440) {
        throw new ArgError(`"${value}" is not a time I can use for ${nudge}.`, `Write it like 7d, 36h or 90m (up to 28d), e.g. \`set nudges ${nudge} 2d\`.`);
      }
      return { change: { nudge, value: { kind: 'offset', minutes } } };
  }
}

/** `schedule every <n> weeks on <weekday> at <HH:MM>` and its options, in any order. */
function parseSchedule(a: Args) {
  a.expect('every', '"schedule"');
  const everyWeeks = check(wholeNumber('"every"', 1, 52), a.word('how many weeks apart, e.g. every 4 weeks'));
  if (a.keyword('weeks', 'week') === undefined) throw new ArgError('Expected "weeks" after the number, e.g. every 4 weeks.');
  a.expect('on', 'the number of weeks');
  const day = check(weekday, a.word('a weekday'));
  a.expect('at', 'the weekday');
  const time = check(time24, a.word('a time, e.g. 10:00'));

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
        options.from = date(a.word('a date after "from"'));
        break;
      case 'until':
        once('until', 'until');
        options.until = date(a.word('a date after "until"'));
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
  return { everyWeeks, weekday: day, time, ...options };
}

export const grammar = {
  help: spec({
    usage: 'help [command]',
    summary: 'list every command, or explain one',
    example: 'help schedule',
    area: 'Getting started',
    who: 'anyone',
    built: true,
    parse: (a) => ({ topic: a.optionalRest() }),
  }),

  'set create': spec({
    usage: 'set create <name> [tz <zone>]',
    summary: "start a set in this channel; you become its facilitator",
    example: 'set create Northern Lights tz Europe/London',
    area: 'Sets',
    who: 'anyone',
    built: true,
    parse: (a) => {
      const tz = a.trailing('tz');
      return { name: check(setName, a.rest('a name for the set')), tz: tz === undefined ? undefined : check(zone, tz) };
    },
  }),
  'set info': spec({ usage: 'set info', summary: "show this channel's set: time zone, facilitators, members", example: 'set info', area: 'Sets', who: 'members', built: true, parse: none }),
  'set rename': spec({ usage: 'set rename <name>', summary: 'rename the set', example: 'set rename Northern Lights 2027', area: 'Sets', who: 'facilitators', built: true, parse: (a) => ({ name: check(setName, a.rest('the new name')) }) }),
  'set close': spec({ usage: 'set close', summary: 'close the set at the end of its programme; its history is kept', example: 'set close', area: 'Sets', who: 'facilitators', built: true, parse: none }),
  'set nudges': spec({
    usage: 'set nudges [<nudge> <when>]',
    summary: 'show the set\'s nudges, or change one: presenter-notice 7d, challenge-reminder on|off|2d, meeting-reminder 1d, reflection 2h, low-attendance 3, checkin on|off, action-follow-up on|off',
    example: 'set nudges presenter-notice 10d',
    area: 'Sets',
    who: 'facilitators',
    built: true,
    parse: parseNudgeSetting,
  }),
  'member add': spec({ usage: 'member add @a [@b ...]', summary: 'add people to the set', example: 'member add @bob @carol', area: 'Sets', who: 'facilitators', built: true, parse: (a) => ({ people: memberList(a) }) }),
  'member remove': spec({ usage: 'member remove @a', summary: 'take someone out of the set (anyone may remove themselves)', example: 'member remove @bob', area: 'Sets', who: 'facilitators', built: true, parse: onePerson }),
  'facilitator add': spec({ usage: 'facilitator add @a', summary: 'make someone a facilitator of the set', example: 'facilitator add @carol', area: 'Sets', who: 'facilitators', built: true, parse: onePerson }),
  'facilitator remove': spec({ usage: 'facilitator remove @a', summary: 'hand back the facilitator role (a set keeps at least one)', example: 'facilitator remove @alice', area: 'Sets', who: 'facilitators', built: true, parse: onePerson }),

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
  'meeting cancel': spec({ usage: 'meeting cancel <date>', summary: 'cancel one meeting', example: 'meeting cancel 2027-03-02', area: 'Meetings', who: 'facilitators', built: true, parse: (a) => { const d = date(a.word('the date of the meeting')); a.end(); return { date: d }; } }),
  'meeting move': spec({
    usage: 'meeting move <date> to <date> [at <HH:MM>]',
    summary: 'move one meeting to another day or time',
    example: 'meeting move 2027-03-02 to 2027-03-09 at 14:00',
    area: 'Meetings',
    who: 'facilitators',
    built: true,
    parse: (a) => {
      const from = date(a.word('the date of the meeting to move'));
      a.expect('to', 'the date of the meeting');
      const to = date(a.word('the new date'));
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
      const d = date(a.word('the date of the meeting'));
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

  presenters: spec({ usage: 'presenters <n>', summary: 'how many people present at each meeting', example: 'presenters 2', area: 'Presenting', who: 'facilitators', built: true, parse: (a) => { const n = check(wholeNumber('The number of presenters', 1, 4), a.word('a number of presenters')); a.end(); return { count: n }; } }),
  rotation: spec({ usage: 'rotation', summary: 'who presents at the next meetings, and why', example: 'rotation', area: 'Presenting', who: 'members', built: true, parse: none }),
  bid: spec({ usage: 'bid [<date>]', summary: 'ask for a presenting slot at the next meeting (or on <date>)', example: 'bid 2027-03-02', area: 'Presenting', who: 'members', built: true, parse: optionalDate }),
  withdraw: spec({ usage: 'withdraw [<date>]', summary: 'give your presenting slot back', example: 'withdraw', area: 'Presenting', who: 'members', built: true, parse: optionalDate }),
  swap: spec({
    usage: 'swap @a @b',
    summary: "exchange two people's presenting slots",
    example: 'swap @bob @carol',
    area: 'Presenting',
    who: 'members',
    built: true,
    parse: (a) => {
      const first = person(a.word('two people, named with @'));
      const second = person(a.word('a second person, named with @'));
      a.end();
      if (first.toLowerCase() === second.toLowerCase()) throw new ArgError('Name two different people to swap.');
      return { first, second };
    },
  }),
  away: spec({
    usage: 'away [@a] from <date> until <date>',
    summary: 'mark yourself (or someone) away, so the rotation skips those meetings',
    example: 'away @carol from 2027-03-01 until 2027-03-10',
    area: 'Presenting',
    who: 'members',
    built: true,
    parse: (a) => {
      const who = a.peek()?.startsWith('@') ? person(a.word('a person')) : undefined;
      a.expect('from', who ? 'the person' : '"away"');
      const from = date(a.word('a date after "from"'));
      a.expect('until', 'the first date');
      const until = date(a.word('a date after "until"'));
      a.end();
      if (until < from) throw new ArgError(`"until ${until}" is before "from ${from}".`);
      return { person: who, from, until };
    },
  }),

  presenting: spec({
    usage: 'presenting on|off [@a]',
    summary: 'opt yourself (or, for facilitators, someone) out of presenting, or back in; facilitators start out',
    example: 'presenting off',
    area: 'Presenting',
    who: 'members',
    built: true,
    parse: (a) => {
      const word = a.keyword('on', 'off');
      if (word === undefined) throw new ArgError('Say `presenting on` or `presenting off`.');
      const p = a.optionalWord();
      a.end();
      return { on: word === 'on', person: p === undefined ? undefined : person(p) };
    },
  }),

  challenge: spec({ usage: 'challenge', summary: 'write or update your leadership challenge (opens a form)', example: 'challenge', area: 'Challenges and actions', who: 'members', built: true, parse: none }),
  'challenge show': spec({ usage: 'challenge show [@a]', summary: "read your challenge, or a set member's", example: 'challenge show @alice', area: 'Challenges and actions', who: 'members', built: true, parse: (a) => { const p = a.optionalWord(); a.end(); return { person: p === undefined ? undefined : person(p) }; } }),
  'challenge withdraw': spec({ usage: 'challenge withdraw', summary: 'withdraw your challenge', example: 'challenge withdraw', area: 'Challenges and actions', who: 'members', built: true, parse: none }),
  'action add': spec({
    usage: 'action add <text> [by <date>]',
    summary: 'commit to an action before the next meeting',
    example: 'action add talk to the finance lead about the budget by 2027-02-20',
    area: 'Challenges and actions',
    who: 'members',
    built: true,
    parse: (a) => {
      const by = a.trailing('by');
      return { text: text('an action', 500, a), by: by === undefined ? undefined : date(by) };
    },
  }),
  'action done': spec({ usage: 'action done <n>', summary: 'mark your action number <n> done', example: 'action done 2', area: 'Challenges and actions', who: 'members', built: true, parse: actionNumber }),
  'action drop': spec({ usage: 'action drop <n>', summary: 'drop your action number <n>', example: 'action drop 2', area: 'Challenges and actions', who: 'members', built: true, parse: actionNumber }),
  actions: spec({ usage: 'actions [@a]', summary: "list your open actions, or a set member's", example: 'actions', area: 'Challenges and actions', who: 'members', built: true, parse: (a) => { const p = a.optionalWord(); a.end(); return { person: p === undefined ? undefined : person(p) }; } }),

  checkin: spec({
    usage: 'checkin <question> [now | next]',
    summary: "post a check-in question now, or at the next meeting's start",
    example: 'checkin What has changed for you since we last met? next',
    area: 'Check-ins and reflection',
    who: 'facilitators',
    built: true,
    parse: (a) => {
      const when = a.trailingWord('now', 'next') ?? 'now';
      return { question: text('a question', 500, a), when };
    },
  }),
  prompt: spec({ usage: 'prompt', summary: 'a reflection prompt, privately, now', example: 'prompt', area: 'Check-ins and reflection', who: 'anyone', built: true, parse: none }),
  'prompt add': spec({
    usage: 'prompt add <kind> <text>',
    summary: `add the set's own prompt (kinds: ${PROMPT_KINDS.join(', ')})`,
    example: 'prompt add checkin What are you carrying into today?',
    area: 'Check-ins and reflection',
    who: 'facilitators',
    built: true,
    parse: (a) => {
      const raw = a.word('a kind of prompt').toLowerCase();
      const kind = PROMPT_KINDS.find((k) => k === raw);
      if (!kind) throw new ArgError(`"${raw}" is not a kind of prompt.`, `Use one of: ${PROMPT_KINDS.join(', ')}.`);
      const body = text('the prompt', 500, a);
      if (body.length < 10) throw new ArgError('A prompt needs at least 10 characters.');
      return { kind, text: body };
    },
  }),
  'prompt themes': spec({
    usage: 'prompt themes <theme> [<theme> ...] | all',
    summary: `focus the set's prompts on leadership themes (${THEMES.join(', ')})`,
    example: 'prompt themes Feel Connect',
    area: 'Check-ins and reflection',
    who: 'facilitators',
    built: true,
    parse: (a) => {
      const words = a.all();
      if (words.length === 0) throw new ArgError('Name one or more themes, or `all`.');
      if (words.length === 1 && words[0]!.toLowerCase() === 'all') return { themes: [] as string[] };
      return {
        themes: words.map((w) => {
          const theme = THEMES.find((t) => t.toLowerCase() === w.toLowerCase());
          if (!theme) throw new ArgError(`"${w}" is not a theme.`, `Use ${THEMES.join(', ')}, or all.`);
          return theme as string;
        }),
      };
    },
  }),
  reflect: spec({ usage: 'reflect <text>', summary: 'write a private journal entry', example: 'reflect I noticed I jump to solutions when I feel unsure.', area: 'Check-ins and reflection', who: 'anyone', built: true, parse: (a) => ({ text: text('a reflection', 3000, a) }) }),
  'journal share': spec({
    usage: 'journal share <n>',
    summary: "share your journal entry <n> in its set's channel, under your name",
    example: 'journal share 2',
    area: 'Check-ins and reflection',
    who: 'members',
    built: true,
    parse: (a) => {
      const n = check(wholeNumber('The entry number', 1, 99999), a.word('the entry number from `journal`'));
      a.end();
      return { number: n };
    },
  }),
  journal: spec({ usage: 'journal', summary: 'read your own journal entries', example: 'journal', area: 'Check-ins and reflection', who: 'anyone', built: true, parse: none }),

  'me tz': spec({ usage: 'me tz <zone>', summary: 'the time zone Setwise shows you times in', example: 'me tz America/New_York', area: 'You', who: 'anyone', built: true, parse: (a) => { const z = check(zone, a.word('a time zone, e.g. Europe/London')); a.end(); return { zone: z }; } }),
  'me quiet': spec({
    usage: 'me quiet <HH:MM>-<HH:MM>',
    summary: 'hours when private nudges wait (your time), or "off"',
    example: 'me quiet 20:00-08:00',
    area: 'You',
    who: 'anyone',
    built: true,
    parse: (a) => {
      const raw = a.word('a range such as 20:00-08:00, or "off"');
      a.end();
      return { hours: raw.toLowerCase() === 'off' ? null : check(quietRange, raw) };
    },
  }),
  'privacy export': spec({ usage: 'privacy export', summary: 'everything Setwise holds about you, as a file', example: 'privacy export', area: 'You', who: 'anyone', built: true, parse: none }),
  'privacy erase': spec({
    usage: 'privacy erase [confirm]',
    summary: 'erase your personal content (asks you to confirm)',
    example: 'privacy erase',
    area: 'You',
    who: 'anyone',
    built: true,
    parse: (a) => {
      const confirmed = a.keyword('confirm') !== undefined;
      a.end();
      return { confirmed };
    },
  }),
} as const;

export type Grammar = typeof grammar;
export type CommandName = keyof Grammar;
export type Command = {
  [K in CommandName]: { readonly name: K; readonly args: ReturnType<Grammar[K]['parse']> };
}[CommandName];
export type CommandOf<K extends CommandName> = Extract<Command, { name: K }>;

export const commandNames = Object.keys(grammar) as CommandName[];
