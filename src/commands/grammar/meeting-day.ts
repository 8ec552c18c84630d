/** The meeting itself (the live run-sheet), sponsors and reports. */
import { ArgError, check, type Args } from '../args';
import { spec, none, person, onePerson } from '../spec';
import { wholeNumber } from '../values';

/** Stage names `meeting plan` takes, with the spellings people use. */
const STAGE_WORDS: Record<string, string> = {
  checkin: 'checkin',
  'check-in': 'checkin',
  bids: 'bids',
  bid: 'bids',
  issue: 'issue',
  issues: 'issue',
  actions: 'actions',
  review: 'review',
  'process-review': 'review',
};

export const PLAN_EXAMPLE = 'meeting plan checkin 20 issue 40 review 15';

/** `<stage> <minutes>` pairs: check-in, bids, issue (every issue) or issue2 (one), actions, review. */
function parsePlan(a: Args): { changes: { stage: string; minutes: number }[] } {
  const changes: { stage: string; minutes: number }[] = [];
  while (!a.empty) {
    const word = a.word('a stage').toLowerCase();
    const numbered = /^issue([1-9])$/.exec(word);
    const stage = numbered ? `issue${numbered[1]}` : STAGE_WORDS[word];
    if (!stage) throw new ArgError(`"${word}" is not a stage; use checkin, bids, issue (or issue1, issue2...), actions or review.`);
    if (changes.some((c) => c.stage === stage)) throw new ArgError(`"${word}" is given twice.`);
    const raw = a.word(`the minutes for ${word}, e.g. ${word} 20`).replace(/m(in(ute)?s?)?$/i, '');
    changes.push({ stage, minutes: check(wholeNumber(`The minutes for ${word}`, 1, 240), raw) });
  }
  return { changes };
}

/** `here`, `here @a @b`, `here no`, `here no @a`. */
function parseHere(a: Args): { present: boolean; people: string[] } {
  const present = a.keyword('no', 'not') === undefined;
  const people = a.all().map(person);
  if (people.length > 20) throw new ArgError('Name at most 20 people at a time.');
  return { present, people };
}

function parseReport(a: Args): { scope: 'set' | 'programme' } {
  const word = a.keyword('set', 'programme', 'program');
  if (word === undefined && !a.empty) throw new ArgError(`"${a.peek()}" is not a report; say \`report set\` or \`report programme\`.`);
  a.end();
  return { scope: word === 'programme' || word === 'program' ? 'programme' : 'set' };
}

export const meetingDayCommands = {
  'meeting start': spec({ usage: 'meeting start', summary: "start today's meeting: the live run-sheet in the channel", example: 'meeting start', area: 'Meeting day', who: 'facilitators', built: true, parse: none }),
  'meeting next': spec({ usage: 'meeting next', summary: 'move the run-sheet on to the next stage (its Next button does the same)', example: 'meeting next', area: 'Meeting day', who: 'facilitators', built: true, parse: none }),
  'meeting plan': spec({ usage: 'meeting plan [<stage> <minutes> ...]', summary: "show or change today's time boxes", example: PLAN_EXAMPLE, area: 'Meeting day', who: 'facilitators', built: true, parse: parsePlan }),
  'meeting end': spec({ usage: 'meeting end', summary: 'end the meeting: record who came and who presented, and post the summary', example: 'meeting end', area: 'Meeting day', who: 'facilitators', built: true, parse: none }),
  here: spec({ usage: 'here [no] [@a ...]', summary: "say you are at today's meeting (facilitators can mark others, or `here no @a`)", example: 'here', area: 'Meeting day', who: 'members', built: true, parse: parseHere }),
  'sponsor add': spec({ usage: 'sponsor add @a', summary: "let a programme sponsor see the set's figures (never its content)", example: 'sponsor add @sam', area: 'Reports', who: 'facilitators', built: true, parse: onePerson }),
  'sponsor remove': spec({ usage: 'sponsor remove @a', summary: "stop someone seeing the set's figures", example: 'sponsor remove @sam', area: 'Reports', who: 'facilitators', built: true, parse: onePerson }),
  report: spec({ usage: 'report [set | programme]', summary: 'attendance, presentations, actions and reflections as counts, with a chart and a CSV', example: 'report programme', area: 'Reports', who: 'facilitators and sponsors', built: true, parse: parseReport }),
} as const;
