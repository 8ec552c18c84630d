import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandNames, grammar } from '../../src/commands/grammar';
import { parseCommand } from '../../src/commands/parse';

const parsed = (text: string) => {
  const result = parseCommand(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse: ${result.problem.message}`);
  return result.command;
};
const problem = (text: string) => {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`expected "${text}" to be refused`);
  return result.problem;
};

describe('the grammar', () => {
  it.each(commandNames)('parses the example of %s as that command', (name) => {
    expect(parsed(grammar[name].example).name).toBe(name);
  });

  it('reads every argument of the brief', () => {
    expect(parsed('set create Northern  Lights tz europe/london')).toEqual({
      name: 'set create',
      args: { name: 'Northern Lights', tz: 'Europe/London' },
    });
    expect(
      parsed('schedule every 4 weeks on Tue at 9:30 for 1h30m from 2027-01-05 for 6 meetings tz America/New_York'),
    ).toEqual({
      name: 'schedule',
      args: { cadence: { kind: 'weekly', everyWeeks: 4 }, weekday: 2, time: '09:30', durationMinutes: 90, from: '2027-01-05', count: 6, tz: 'America/New_York' },
    });
    expect(parsed('meeting move 2027-03-02 to 2027-03-09').args).toEqual({ from: '2027-03-02', to: '2027-03-09', time: undefined });
    expect(parsed('away from 2027-03-01 until 2027-03-10').args).toEqual({ person: undefined, from: '2027-03-01', until: '2027-03-10' });
    expect(parsed('action add call Sam   about the rota by 2027-02-20').args).toEqual({ text: 'call Sam   about the rota', by: '2027-02-20' });
    expect(parsed('checkin What is on your mind?').args).toEqual({ question: 'What is on your mind?', when: 'now' });
    expect(parsed('RSVP Maybe').args).toEqual({ answer: 'maybe', date: undefined });
    expect(parsed('me quiet off').args).toEqual({ hours: null });
    expect(parsed('member add @bob @carol').args).toEqual({ people: ['@bob', '@carol'] });
  });

  it('explains malformed commands in one line with an example', () => {
    expect(problem('schedule every 0 weeks on tuesday at 10:00').message).toBe('The number of weeks must be a whole number from 1 to 52, not "0".');
    expect(problem('schedule every 2 weeks on funday at 10:00').message).toBe('"funday" is not a weekday.');
    expect(problem('schedule every 2 weeks on monday at 10:00 from 2027-02-30').message).toBe('2027-02-30 is not a real date.');
    expect(problem('schedule every 2 weeks on monday at 10:00 from 2027-06-01 until 2027-01-01').message).toBe(
      '"until 2027-01-01" is before "from 2027-06-01".',
    );
    expect(problem('schedule every 2 weeks on monday at 10:00 until 2027-06-01 for 4 meetings').message).toBe(
      'Give "until <date>" or "for <n> meetings", not both.',
    );
    expect(problem('meeting add 2027-13-01 at 10:00').message).toBe('2027-13-01 is not a real date.');
    expect(problem('meeting add 02/03/2027 at 10:00').message).toBe('"02/03/2027" could be 2 March 2027 or 3 February 2027: write 2027-03-02 or 2027-02-03.');
    expect(problem('set info please')).toMatchObject({ message: 'I didn\'t expect "please" there.', hint: 'Example: `set info`' });
    expect(problem('set create')).toMatchObject({ message: 'This needs a name for the set.' });
    expect(problem('set create Café tz +01:00').message).toBe('"+01:00" is not a time zone I know.');
    expect(problem('swap @bob @Bob').message).toBe('Name two different people to swap.');
  });

  it('suggests the command a typo meant', () => {
    expect(problem('halp').hint).toBe('Did you mean `help`?');
    expect(problem('membr add @bob').hint).toBe('Did you mean `member add`?');
    expect(problem('set inof')).toMatchObject({ message: '`set inof` is not a command. `set` goes with: create, info, rename, tz, close, nudges.', hint: 'Did you mean `set info`?' });
    expect(problem('shedule every 4 weeks').hint).toBe('Did you mean `schedule`?');
    expect(problem('xyzzy').hint).toBe('Type `help` to see every command.');
  });

  it('keeps free text exactly as typed, whatever it contains', () => {
    const word = fc.stringMatching(/^[^\s]{1,12}$/).filter((w) => !/^(tz|by)$/i.test(w));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '  ', '\t'), (words, gap) => {
        const text = words.join(gap);
        const command = parsed(`reflect ${text}`);
        expect(command).toEqual({ name: 'reflect', args: { text } });
      }),
    );
  });

  it('reads the monthly form, and shows both forms when a schedule is half-written', () => {
    expect(parsed('schedule every month on the first tuesday at 10:00 for 6 meetings').args).toEqual({ cadence: { kind: 'monthly', everyMonths: 1, week: 1 }, weekday: 2, time: '10:00', count: 6 });
    expect(parsed('schedule every 3 months on the last fri at 14:00').args).toEqual({ cadence: { kind: 'monthly', everyMonths: 3, week: -1 }, weekday: 5, time: '14:00' });
    expect(parsed('schedule every month on 2nd wednesday at 9:00').args).toMatchObject({ cadence: { kind: 'monthly', everyMonths: 1, week: 2 }, weekday: 3 });
    const forms = 'Weekly: `schedule every 4 weeks on tuesday at 10:00`; monthly: `schedule every month on the first tuesday at 10:00` (first, second, third, fourth or last).';
    for (const [text, message] of [
      ['schedule monthly', '"schedule monthly" is not a schedule I can read.'],
      ['schedule weekly on tuesday', '"schedule weekly" is not a schedule I can read.'],
      ['schedule every month', 'Say which day the set meets.'],
      ['schedule every month at 10:00', 'Expected "on" and the day the set meets, not "at".'],
      ['schedule every month on tuesday at 10:00', 'Say which tuesday of the month: first, second, third, fourth or last. Monthly sets meet on a weekday of the month, not a date.'],
      ['schedule every month on the 5th at 10:00', '"5th" is not a weekday of the month I can use. Monthly sets meet on a weekday of the month, not a date.'],
      ['schedule every 2 weeks on the first tuesday at 10:00', 'A weekly schedule meets on a weekday, not on "the first" of it.'],
      ['schedule every fortnight on tuesday at 10:00', '"every fortnight" is not a schedule I can read.'],
      ['schedule every month on the first tuesday', 'Expected "at" and a time after the day, e.g. at 10:00.'],
    ] as const) {
      expect(problem(text), text).toMatchObject({ message, hint: forms });
    }
    expect(problem('schedule every 13 months on the first monday at 10:00')).toMatchObject({ message: 'The number of months must be a whole number from 1 to 12, not "13".', hint: forms });
    expect(problem('schedule every month on the first')).toMatchObject({ message: 'This needs a weekday after "first".', hint: forms });
    expect(problem('schedule every month on the')).toMatchObject({ hint: forms });
    expect(problem('when can I change the time zone?').hint).toBe("Type `help` to see what I can do. For your own time zone, try `me tz <zone>`; for the set's, `set tz <zone>`.");
  });

  it('takes dates only inside its window, whatever the command', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('meeting add {} at 10:00', 'meeting cancel {}', 'bid {}', 'rsvp no {}', 'away from {} until 2099-12-31', 'action add call Sam by {}', 'schedule every 2 weeks on monday at 10:00 from {}'), (year, month, day, form) => {
        const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const result = parseCommand(form.replace('{}', iso));
        if (year >= 2000 && year <= 2099) expect(result.ok, iso).toBe(true);
        else expect(!result.ok && result.problem.message, iso).toBe(`${iso} is outside the dates Setwise works with, 2000-01-01 to 2099-12-31.`);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any valid schedule written in the grammar', () => {
    const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
    const dateArb = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 52 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 15, max: 720 }),
        dateArb,
        (weeks, day, hour, minute, minutes, from) => {
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const length = `${Math.floor(minutes / 60)}h${minutes % 60}m`;
          const command = parsed(`schedule every ${weeks} weeks on ${days[day]} at ${time} for ${length} from ${from}`);
          expect(command.args).toEqual({ cadence: { kind: 'weekly', everyWeeks: weeks }, weekday: day + 1, time, durationMinutes: minutes, from });
          const nth = (['first', 'second', 'third', 'fourth', 'last'] as const)[weeks % 5]!;
          const months = (weeks % 12) + 1;
          const monthly = parsed(`schedule every ${months} months on the ${nth} ${days[day]} at ${time} for ${length} from ${from}`);
          expect(monthly.args).toEqual({ cadence: { kind: 'monthly', everyMonths: months, week: nth === 'last' ? -1 : (weeks % 5) + 1 }, weekday: day + 1, time, durationMinutes: minutes, from });
        },
      ),
    );
  });
});

describe('natural input', () => {
  it('quotes a date written another way, whole, and shows its ISO form', () => {
    const cases: [string, string][] = [
      ['meeting add 5 Jan 2027 at 10:00', '"5 Jan 2027" is not a date I can read: write it as 2027-01-05.'],
      ['meeting cancel Tue 5 Jan 2027', '"Tue 5 Jan 2027" is not a date I can read: write it as 2027-01-05.'],
      ['meeting move 2027-03-02 to 9th March 2027 at 14:00', '"9th March 2027" is not a date I can read: write it as 2027-03-09.'],
      ['schedule every 4 weeks on tuesday at 10:00 from January 5, 2027', '"January 5, 2027" is not a date I can read: write it as 2027-01-05.'],
      ['meeting cancel 5/1/2027', '"5/1/2027" could be 5 January 2027 or 1 May 2027: write 2027-01-05 or 2027-05-01.'],
      ['meeting cancel 25/12/2027', '"25/12/2027" is not a date I can read: write it as 2027-12-25.'],
      ['meeting cancel 2027/3/2', '"2027/3/2" is not a date I can read: write it as 2027-03-02.'],
      ['meeting cancel 31/2/2027', '"31/2/2027" is not a real date.'],
      ['rsvp no 2 Mar 2027', '"2 Mar 2027" is not a date I can read: write it as 2027-03-02.'],
      ['bid 2 March', '"2 March" needs a year: write it as YYYY-MM-DD, e.g. 2027-03-02 for 2 March 2027.'],
      ['away from 1 Mar 2027 until 2027-03-10', '"1 Mar 2027" is not a date I can read: write it as 2027-03-01.'],
      ['action add call the finance lead by 5 Jan 2027', '"5 Jan 2027" is not a date I can read: write it as 2027-01-05.'],
      ['action add call the finance lead by 5/1/2027', '"5/1/2027" could be 5 January 2027 or 1 May 2027: write 2027-01-05 or 2027-05-01.'],
    ];
    cases.push(['meeting cancel 31 Dec 9999', '"31 Dec 9999" is outside the dates Setwise works with, 2000-01-01 to 2099-12-31.']);
    for (const [text, message] of cases) expect(problem(text).message, text).toBe(message);
    // The command's own example follows, in ISO.
    expect(problem('meeting add 5 Jan 2027 at 10:00').hint).toBe('Example: `meeting add 2027-04-20 at 10:00`');
    // Words after "by" that are not a date stay part of the action.
    expect(parsed('action add stand by my team').args).toEqual({ text: 'stand by my team', by: undefined });
    expect(parsed('meeting cancel 2027-01-05').args).toEqual({ date: '2027-01-05' });
  });

  it('answers greetings, questions and sentences by pointing to help, and keeps typo suggestions', () => {
    expect(problem('hello')).toMatchObject({ message: 'Hello! I work from short commands rather than conversation.', hint: 'Type `help` to see them all.' });
    expect(problem('what can you do?')).toMatchObject({ message: 'I read commands, not questions or sentences.', hint: 'Type `help` to see what I can do.' });
    expect(problem('when is the next meeting?').hint).toBe('Type `help` to see what I can do. For this, try `meetings`.');
    expect(problem('who is presenting next week').hint).toBe('Type `help` to see what I can do. For this, try `rotation`.');
    expect(problem('thank you!').message).toBe("You're welcome.");
    expect(problem('shedule every 4 weeks on tuesday').hint).toBe('Did you mean `schedule`?');
    expect(problem('frobnicate').message).toBe("I don't know the command `frobnicate`.");
  });
});

describe('one-line fields', () => {
  it('keeps an action, a question and a prompt on one line, and a reflection as written', () => {
    expect(parsed('action add call\nSam\tnow').args).toEqual({ text: 'call Sam now', by: undefined });
    expect(parsed('checkin How are\nyou? next').args).toEqual({ question: 'How are you?', when: 'next' });
    expect(parsed('reflect first line\nsecond line').args).toEqual({ text: 'first line\nsecond line' });
    expect(parsed('set create Nor\u200bthern \u202eLights').args).toEqual({ name: 'Northern Lights', tz: undefined });
  });
});
