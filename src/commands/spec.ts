/** What a command is (usage, example, who), and the argument readers the areas share. */
import { LIMITS } from '../domain/limits';
import { ArgError, check, type Args } from './args';
import { cleanLine } from '../domain/text';
import { naturalDate } from './natural-date';
import { isoDate, mention, wholeNumber } from './values';

export type Area = 'Getting started' | 'Sets' | 'Meetings' | 'Meeting day' | 'Presenting' | 'Challenges and actions' | 'Check-ins and reflection' | 'Reports' | 'You';
/** Who may use a command; shown in help, enforced by the use case. */
export type Who = 'anyone' | 'members' | 'facilitators' | 'facilitators and sponsors';

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

export const spec = <P>(s: Spec<P>): Spec<P> => s;
export const none = (a: Args) => (a.end(), {});
export const date = (raw: string) => check(isoDate, raw);

/** ISO-shaped is ISO, even when it names no real or allowed day: the ISO refusal says why. */
const isoShaped = (raw: string) => /^\d{4}-\d{2}-\d{2}$/.test(raw);

/** One word as a date: ISO, or a refusal (with the ISO form where it was a date written another way). */
export function dateWord(raw: string): string {
  if (!isoShaped(raw)) refuseNaturalDate(raw);
  return date(raw);
}

/** Throws the advice for a date written another way, if `text` is one. */
export function refuseNaturalDate(text: string): void {
  const advice = naturalDate(text);
  if (advice) throw new ArgError(advice.message, advice.hint);
}

/**
 * A date argument, ISO only. A date written another way ("5 Jan 2027", "5/1/2027")
 * is refused quoting the whole of it, with its ISO form, not just its first word.
 */
export function readDate(a: Args, what: string): string {
  const ahead = a.lookahead(4);
  const raw = a.word(what);
  if (isoShaped(raw)) return date(raw);
  for (let n = ahead.length; n >= 1; n--) refuseNaturalDate(ahead.slice(0, n).join(' '));
  return date(raw);
}
export const person = (raw: string) => check(mention, raw);
export const optionalDate = (a: Args) => {
  const d = a.empty ? undefined : readDate(a, 'a date');
  a.end();
  return { date: d };
};

export function memberList(a: Args): string[] {
  const people = a.all().map(person);
  if (people.length === 0) throw new ArgError('Name at least one person with @.');
  if (people.length > LIMITS.membersPerCommand) {
    throw new ArgError(`Add at most ${LIMITS.membersPerCommand} people at a time.`);
  }
  return people;
}

export function actionNumber(a: Args): { number: number } {
  const n = check(wholeNumber('The action number', 1, 9999), a.word('the action number from `actions`'));
  a.end();
  return { number: n };
}

export function onePerson(a: Args): { person: string } {
  const p = person(a.word('a person, named with @'));
  a.end();
  return { person: p };
}

/** Free text on one line (an action, a question): line breaks and tabs become spaces. */
export const oneLine = (what: string, max: number, a: Args): string => cleanLine(text(what, max, a));

export const text = (what: string, max: number, a: Args): string => {
  const value = a.rest(what);
  if ([...value].length > max) throw new ArgError(`That is ${[...value].length} characters; ${what} can be at most ${max}.`);
  return value;
};

