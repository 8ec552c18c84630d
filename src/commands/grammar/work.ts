/** The set's work: challenges, actions, check-ins, prompts and the journal. */
import { ArgError, check } from '../args';
import { spec, none, dateWord, person, actionNumber, oneLine, refuseNaturalDate, text } from '../spec';
import { wholeNumber } from '../values';
import { PROMPT_KINDS, THEMES } from '../../domain/prompts';

export const workCommands = {
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
      if (by !== undefined) return { text: oneLine('an action', 500, a), by: dateWord(by) };
      const action = oneLine('an action', 500, a);
      // "by 5 Jan 2027" at the end is a due date written another way, not part of the action.
      const due = /\bby\s+(\S+(?:\s+\S+){0,3})$/i.exec(action)?.[1];
      if (due !== undefined) refuseNaturalDate(due);
      return { text: action, by: undefined };
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
      return { question: oneLine('a question', 500, a), when };
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
      const body = oneLine('the prompt', 500, a);
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
} as const;
