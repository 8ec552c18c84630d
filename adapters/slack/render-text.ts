import type { PlainTextElement } from '@slack/types';
import { displaySafe, withMentions, withPlainNames, type Named } from '../../src/ports/chat';

/**
 * Slack reads `&`, `<` and `>` as markup in mrkdwn: `<@U1>` mentions, `<!channel>`
 * pings everyone, `<http://x|y>` disguises a link. Escaped, people's text shows as
 * typed and can never do any of that.
 */
export const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Stands in for a person token while the text around it is cleaned. It is a control
// character, so displaySafe removes any that came with the text itself.
const MARK = '\u0004';

function mention(person: Named): string {
  // Slack's user ids are U or W and capitals and digits: anything else (an erased
  // person, another platform's id) is drawn as a name, escaped, not as a mention.
  if (!/^[UW][A-Z0-9]{2,}$/.test(person.userId)) return `@${escapeText(displaySafe(person.name))}`;
  return `<@${person.userId}>`;
}

/**
 * The bot's copy as mrkdwn: made safe, escaped, and only then are person tokens drawn
 * as mentions, so every `<@...>` in the result is a real one from a token.
 */
export function slackText(text: string): string {
  const people: Named[] = [];
  const marked = withMentions(text.replaceAll(MARK, ''), (person) => {
    people.push(person);
    return MARK;
  });
  return marked
    .split(MARK)
    .map((part, i) => escapeText(displaySafe(part)) + (i < people.length ? mention(people[i]!) : ''))
    .join('');
}

/** The bot's copy as plain_text (headers, buttons, labels): people as "@name"; Slack parses no markup there. */
export const plainText = (text: string): string => displaySafe(withPlainNames(text));

const ELLIPSIS = '…';

/** `end`, moved back so a cut there splits no UTF-16 surrogate pair. */
function wholeCharacter(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  return end > 0 && code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/** `end`, moved back so a cut there splits neither an entity (`&amp;`) nor a mention (`<@U1>`) of escaped text. */
function wholeMarkup(text: string, end: number): number {
  let at = wholeCharacter(text, end);
  const amp = text.lastIndexOf('&', at - 1);
  if (amp >= 0 && text.lastIndexOf(';', at - 1) < amp) at = amp;
  const open = text.lastIndexOf('<', at - 1);
  if (open >= 0 && text.lastIndexOf('>', at - 1) < open) at = open;
  return at;
}

/** `text` within `max`, ending with "…" when cut, so a reader always sees that something is missing. */
export function cutPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, wholeCharacter(text, max - ELLIPSIS.length)).trimEnd() + ELLIPSIS;
}

/** The bot's copy as a plain_text object within `max`; never empty, which Slack refuses. */
export const plain = (text: string, max: number, fallback: string): PlainTextElement => ({
  type: 'plain_text',
  text: cutPlain(plainText(text).trim(), max) || cutPlain(fallback, max),
});

/** Like cutPlain, for escaped mrkdwn: never leaves half an entity or a mention. */
export function cutMarkup(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, wholeMarkup(text, max - ELLIPSIS.length)).trimEnd() + ELLIPSIS;
}

/**
 * Escaped mrkdwn in pieces of at most `max`, losing nothing: broken at a line's end
 * where there is one in the second half of the piece, else at a space, else wherever
 * no entity or mention is split.
 */
export function splitMarkup(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf('\n', max);
    if (at < max / 2) at = rest.lastIndexOf(' ', max);
    if (at < max / 2) at = wholeMarkup(rest, max);
    if (at <= 0) at = max;
    const piece = rest.slice(0, at).trimEnd();
    if (piece !== '') pieces.push(piece);
    rest = rest.slice(at).replace(/^[\n ]+/, '');
  }
  if (rest.trim() !== '') pieces.push(rest);
  return pieces;
}
