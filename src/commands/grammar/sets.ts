/** Sets, their people and their nudges. */
import { ArgError, check, type Args } from '../args';
import { spec, none, memberList, onePerson } from '../spec';
import { setName, wholeNumber, zone } from '../values';
import type { NudgeOffset } from '../../domain/nudges/offset';

/** The furthest each offset may reach, in days: a reflection prompt a week on is already late. */
const MAX_DAYS: Partial<Record<NudgeSetting, number>> = { reflection: 7 };

/** "7d", "2w", "36h", "90m": days and weeks are calendar days, hours and minutes exact. */
function offsetOf(value: string): NudgeOffset | undefined {
  const m = /^(\d{1,5})(w|d|h|m)$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'w':
      return { days: n * 7 };
    case 'd':
      return { days: n };
    case 'h':
      return { minutes: n * 60 };
    default:
      return { minutes: n };
  }
}

const NUDGES = ['presenter-notice', 'challenge-reminder', 'meeting-reminder', 'reflection', 'low-attendance', 'checkin', 'action-follow-up'] as const;
export type NudgeSetting = (typeof NUDGES)[number];
export type NudgeValue = { readonly kind: 'offset'; readonly offset: NudgeOffset } | { readonly kind: 'toggle'; readonly on: boolean } | { readonly kind: 'count'; readonly n: number };

/** `set nudges [<nudge> <when>]`: what each nudge accepts is checked here, with an example. */
function parseNudgeSetting(a: Args): { change?: { nudge: NudgeSetting; value: NudgeValue } } {
  if (a.empty) return {};
  const raw = a.word('a nudge').toLowerCase();
  const nudge = NUDGES.find((n) => n === raw);
  if (!nudge) throw new ArgError(`"${raw}" is not a nudge you can set.`, `Use one of: ${NUDGES.join(', ')}.`);
  const value = a.word(`a setting for ${nudge}`).toLowerCase();
  a.end();
  const toggle = value === 'on' || value === 'off' ? { kind: 'toggle' as const, on: value === 'on' } : undefined;
  const offset = offsetOf(value);
  switch (nudge) {
    case 'checkin':
    case 'action-follow-up':
      if (!toggle) throw new ArgError(`${nudge} is on or off.`, `Example: \`set nudges ${nudge} off\``);
      return { change: { nudge, value: toggle } };
    case 'low-attendance':
      return { change: { nudge, value: { kind: 'count', n: check(wholeNumber('The minimum attendance', 1, 20), value) } } };
    default: {
      if (nudge === 'challenge-reminder' && toggle) return { change: { nudge, value: toggle } };
      const maxDays = MAX_DAYS[nudge] ?? 28;
      if (offset === undefined || ('days' in offset ? offset.days : offset.minutes / 1440) > maxDays) {
        throw new ArgError(
          `"${value}" is not a time I can use for ${nudge}.`,
          `Write it like 1w, 7d, 36h or 90m (up to ${maxDays}d); days and weeks keep the meeting's time of day. Example: \`set nudges ${nudge} 2d\`.`,
        );
      }
      return { change: { nudge, value: { kind: 'offset', offset } } };
    }
  }
}


export const setCommands = {
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
  'set tz': spec({
    usage: 'set tz <zone>',
    summary: "change the set's time zone; upcoming meetings keep their local time in the new zone",
    example: 'set tz Europe/Paris',
    area: 'Sets',
    who: 'facilitators',
    built: true,
    parse: (a) => {
      const z = check(zone, a.word('a time zone, e.g. Europe/London'));
      a.end();
      return { zone: z };
    },
  }),
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
} as const;
