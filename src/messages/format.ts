import type { Person } from '../domain/model';

/**
 * A person named in the bot's copy travels as a token, not as "@name": each renderer
 * turns it into its platform's real mention (`<@U123>` in Slack, `<at>` in Teams,
 * `@name` in the console). The token is delimited by control characters, which the
 * core removes from everything people type (domain/text.ts), so no one can forge one.
 */
const OPEN = '\u0001';
const SEPARATOR = '\u0002';
const CLOSE = '\u0003';
// eslint-disable-next-line no-control-regex -- the delimiters are control characters on purpose
const TOKEN = /\u0001([^\u0001-\u0003]*)\u0002([^\u0001-\u0003]*)\u0003/g;

/** A person named in outbound text: their platform user id and the name to fall back on. */
export interface Named {
  readonly userId: string;
  readonly name: string;
}

/** How the bot names a person in its copy: a mention each renderer draws its own way. */
export const who = (p: Pick<Person, 'platformUserId' | 'displayName'>): string => `${OPEN}${p.platformUserId}${SEPARATOR}${p.displayName}${CLOSE}`;

/** How to type a person in a command the bot suggests (inside a code span, where a mention would not render). */
export const handle = (p: Pick<Person, 'displayName'>): string => `@${p.displayName}`;

/** `text` with every person token drawn by `mention`; the rest is left as it is. */
export const withMentions = (text: string, mention: (person: Named) => string): string =>
  text.replace(TOKEN, (_, userId: string, name: string) => mention({ userId, name }));

/** `text` with people as "@name": the console's rendering, and every plain-text fallback's. */
export const withPlainNames = (text: string): string => withMentions(text, (p) => `@${p.name}`);

/** The people a text names, in order, e.g. for Teams' mention entities. */
export const namedIn = (text: string): Named[] => [...text.matchAll(TOKEN)].map(([, userId, name]) => ({ userId: userId!, name: name! }));

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
