/** Who presents, and how people change it. */
import { ArgError, check } from '../args';
import { spec, none, readDate, person, optionalDate } from '../spec';
import { wholeNumber } from '../values';

export const presentingCommands = {
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
      const from = readDate(a, 'a date after "from"');
      a.expect('until', 'the first date');
      const until = readDate(a, 'a date after "until"');
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
} as const;
