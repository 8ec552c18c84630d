/**
 * The bot's copy as Teams reads it. A TextBlock's text is Markdown (bold, italic,
 * links, lists at a line's start; some clients also headings and quotes), and Teams
 * turns `<at>Name</at>` into a mention when the card lists it as an entity. So
 * everything around a person token is escaped (CommonMark backslash escapes), every
 * literal `<at` is broken, and only tokens become mentions: people's text shows as
 * typed and can never format, link or notify anyone.
 */
import { displaySafe, withMentions, withPlainNames, type Named } from '../../src/ports/chat';
import type { MentionEntity } from './render-types';

export const ZWSP = '\u200b';
const ELLIPSIS = '…';

/**
 * Stands for a person token while the text around it is escaped. A private-use
 * character means nothing to anyone, so any that came with the text is dropped
 * rather than mistaken for a person.
 */
const PERSON = '\ue000';
/** Stands for a backtick of a person's name, escaped once the text around it is. */
const BACKTICK = '\ue001';

/** True for ids Teams can mention: user ids like "29:1abc..." (also "8:orgid:<guid>"). */
export const isTeamsUserId = (id: string): boolean =>
  /^(?:29:[\w+/=.-]{1,250}|8:orgid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.test(id);

/** Any literal "<at" (or "</at"), broken with a zero-width space: only Setwise's own mentions hold the tag. */
export const breakAt = (text: string): string => text.replace(/<(?=\/?at)/gi, `<${ZWSP}`);

/** The bot's copy where Teams reads no Markdown (titles, labels, input values, the fallback): people as "@name". */
export const plainText = (text: string): string => breakAt(displaySafe(withPlainNames(text)));

/** A single line of plain text, e.g. a button's title. */
export const plainLine = (text: string): string => plainText(text).replace(/\s+/g, ' ').trim();

/** Bytes Teams counts for a value: the UTF-8 length of its JSON. */
export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** `end`, moved back so a cut there splits no surrogate pair. */
function wholeCharacter(text: string, end: number): number {
  return end > 0 && isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
}

/** Plain text within `max` UTF-16 units, ending with "…" when cut. */
export function cutPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, wholeCharacter(text, max - ELLIPSIS.length)).trimEnd() + ELLIPSIS;
}

/**
 * A name as it stands inside `<at>…</at>`: Teams matches that text to the entity,
 * so it holds nothing Markdown or the tag could read (those characters are left out,
 * the rest of the name stays).
 */
function mentionName(name: string): string {
  const cleaned = displaySafe(name)
    .replace(/[\\`*_[\]<>#~&|{}\u200b-\u200f\u2060\ufeff\ue000\ue001]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cutPlain(cleaned, 100);
}

/**
 * The mentions one card draws: each `<at>Name</at>` text belongs to one person, so
 * Teams can never link it to someone else. A second person with the same name, an
 * id Teams cannot mention (an erased person's placeholder, another platform's id)
 * or a name with nothing left to show is drawn as a plain "@name" instead.
 */
export class Mentions {
  private readonly byText = new Map<string, MentionEntity>();

  /** `<at>Name</at>` for `person`, or undefined when they are named, not mentioned. */
  draw(person: Named): string | undefined {
    if (!isTeamsUserId(person.userId)) return undefined;
    const name = mentionName(person.name);
    if (name === '') return undefined;
    const text = `<at>${name}</at>`;
    const known = this.byText.get(text);
    if (known) return known.mentioned.id === person.userId ? text : undefined;
    this.byText.set(text, { type: 'mention', text, mentioned: { id: person.userId, name: displaySafe(person.name).replace(/\s+/g, ' ').trim() } });
    return text;
  }

  /** The entity of a drawn mention's text. */
  entity(text: string): MentionEntity | undefined {
    return this.byText.get(text);
  }

  /** The entities whose text appears in `texts`, each once, in the order they were drawn. */
  within(texts: readonly string[]): MentionEntity[] {
    return [...this.byText.values()].filter((entity) => texts.some((text) => text.includes(entity.text)));
  }
}

/** The `<at>…</at>` tags a Markdown text holds. */
export const tagsIn = (markdown: string): string[] => markdown.match(/<at>[^<]*<\/at>/g) ?? [];

/** Length of the run of backticks at `at`. */
function backticks(text: string, at: number): number {
  let end = at;
  while (text[end] === '`') end += 1;
  return end - at;
}

/** Where the run of exactly `n` backticks that closes a code span opened before `from` starts, or -1. */
function closingRun(text: string, from: number, n: number): number {
  let at = from;
  while (at < text.length) {
    if (text[at] !== '`') {
      at += 1;
      continue;
    }
    const m = backticks(text, at);
    if (m === n) return at;
    at += m;
  }
  return -1;
}

/**
 * The code spans of one raw line, as CommonMark finds them: a run of n backticks
 * opens one that the next run of exactly n closes; a run nothing closes is literal.
 * What is inside shows as typed (escapes do not work there), so it is not escaped.
 */
function codeSpans(text: string, from: number): [number, number][] {
  const spans: [number, number][] = [];
  let at = from;
  while (at < text.length) {
    if (text[at] !== '`') {
      at += 1;
      continue;
    }
    const n = backticks(text, at);
    const close = closingRun(text, at + n, n);
    if (close < 0) {
      at += n;
      continue;
    }
    spans.push([at, close + n]);
    at = close + n;
  }
  return spans;
}

/** Text outside code spans with every Markdown-significant character escaped, and nothing left that a client turns into a link. */
function escapeRun(text: string): string {
  return (
    breakAt(text)
      .replace(/[\\*_[\]<~]/g, '\\$&')
      // An entity reference (&amp;, &#60;) would show as the character it names.
      .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
      // Bare URLs, www. addresses and e-mail addresses are linked by GFM-style autolinking: a zero-width space stops it.
      .replace(/:\/\//g, `:${ZWSP}//`)
      .replace(/(www)\./gi, `$1${ZWSP}.`)
      .replace(/([\w.+-])@/g, `$1@${ZWSP}`)
  );
}

/** A line's first characters escaped where they would start a block: a heading, a quote, a list, a rule. */
function guardLineStart(markdown: string): string {
  const list = /^(\d{1,9})([.)])/.exec(markdown);
  if (list) return `${list[1]}\\${list[2]}${markdown.slice(list[0].length)}`;
  return /^[#>+=-]/.test(markdown) ? `\\${markdown}` : markdown;
}

/** A person's name on one line, without the characters that stand for people and backticks here. */
const nameOf = (person: Named): string => displaySafe(person.name).replace(/[\ue000\ue001]/g, '').replace(/\s+/g, ' ').trim();

/** A person inside a code span: a plain "@name" that cannot end the span. */
const codeName = (person: Named): string => `@${nameOf(person).replaceAll('`', "'")}`;

/**
 * One line as Markdown. `people` are those its PERSON marks stand for, in order:
 * mentions where `mentions` can draw them, else plain names, escaped with the rest.
 */
function lineMarkdown(raw: string, people: readonly Named[], mentions: Mentions | undefined): string {
  const line = raw.replace(/^[ \t]+/, ''); // leading blanks would make an indented code block; Markdown shows none anyway
  let next = 0;
  // A line opening with three backticks would start a fenced code block: its first backtick is escaped, and is no delimiter.
  const fence = /^`{3}/.test(line);
  const spans = codeSpans(line, fence ? 1 : 0);
  const outside = (text: string, lineStart: boolean): string => {
    const tags: string[] = [];
    const marked = text.replace(/\ue000/g, () => {
      const person = people[next++]!;
      const tag = mentions?.draw(person);
      // A backtick in a name would change which backticks pair into code spans: it is escaped instead.
      if (tag === undefined) return `@${nameOf(person).replaceAll('`', BACKTICK)}`;
      tags.push(tag);
      return PERSON;
    });
    const escaped = escapeRun(marked);
    let drawn = 0;
    const markdown = escaped.replace(/\ue000/g, () => tags[drawn++]!).replaceAll(BACKTICK, '\\`');
    return lineStart ? guardLineStart(markdown) : markdown;
  };
  const inside = (text: string): string => breakAt(text.replace(/\ue000/g, () => codeName(people[next++]!)));

  let out = fence ? '\\`' : '';
  let at = fence ? 1 : 0;
  for (const [start, end] of spans) {
    out += outside(line.slice(at, start), at === 0) + inside(line.slice(start, end));
    at = end;
  }
  return out + (at < line.length ? outside(line.slice(at), at === 0) : '');
}

/**
 * The bot's copy as Markdown lines, one for each of its lines ('' for a blank one):
 * made safe, escaped, with people drawn as mentions where `mentions` is given (else
 * as plain names). Joined with a blank line, as Teams shows a single line break as a space.
 */
export function markdownLines(text: string, mentions?: Mentions): string[] {
  const people: Named[] = [];
  const marked = displaySafe(
    withMentions(text.replace(/[\ue000\ue001]/g, ''), (person) => {
      people.push(person);
      return PERSON;
    }),
  );
  let used = 0;
  return marked.split('\n').map((line) => {
    const count = line.split(PERSON).length - 1;
    const mine = people.slice(used, used + count);
    used += count;
    return line.trim() === '' ? '' : lineMarkdown(line, mine, mentions);
  });
}

/**
 * The places a Markdown text of lineMarkdown's can be cut or split without breaking
 * anything: never inside an escape (`\*`), a mention (`<at>…</at>`), a code span or
 * a surrogate pair. Backslashes outside code spans always begin an escape there.
 */
export function boundaries(markdown: string): number[] {
  const cuts = [0];
  let at = 0;
  while (at < markdown.length) {
    let next = at + 1;
    if (markdown.startsWith('<at>', at)) {
      const close = markdown.indexOf('</at>', at);
      if (close >= 0) next = close + '</at>'.length;
    } else if (markdown[at] === '\\') {
      next = Math.min(markdown.length, at + 2);
    } else if (markdown[at] === '`') {
      const n = backticks(markdown, at);
      const close = closingRun(markdown, at + n, n);
      next = close >= 0 ? close + n : at + n;
    } else if (isHighSurrogate(markdown.charCodeAt(at))) {
      next = Math.min(markdown.length, at + 2);
    }
    cuts.push(next);
    at = next;
  }
  return cuts;
}

/** Where a piece that continues a line would start a block of its own, it opens with a zero-width space instead. */
const guardContinuation = (piece: string): string => (/^(?:[-+=>#]|\d{1,9}[.)]|`{3})/.test(piece) ? ZWSP + piece : piece);

/**
 * A Markdown line in pieces of at most `max` (a longer unbreakable part, which
 * Setwise never writes, stays whole), losing nothing: broken at a space in the second
 * half of the piece where there is one, else at the last safe boundary.
 */
export function splitMarkdown(markdown: string, max: number): string[] {
  if (markdown.length <= max) return [markdown];
  const cuts = boundaries(markdown);
  const safe = new Set(cuts);
  const limit = max - ZWSP.length;
  const pieces: string[] = [];
  let start = 0;
  while (markdown.length - start > limit) {
    let end = start;
    for (const cut of cuts) if (cut > start && cut <= start + limit) end = cut;
    const space = markdown.lastIndexOf(' ', start + limit);
    if (space > start + limit / 2 && safe.has(space)) end = space;
    if (end === start) end = cuts.find((cut) => cut > start) ?? markdown.length;
    const piece = markdown.slice(start, end).trimEnd();
    if (piece !== '') pieces.push(piece);
    start = end;
    while (markdown[start] === ' ') start += 1;
  }
  if (start < markdown.length) pieces.push(markdown.slice(start));
  return pieces.map((piece, i) => (i === 0 ? piece : guardContinuation(piece)));
}

/**
 * The longest start of a Markdown text that `fits`, cut at a safe boundary and
 * ending with "…", or undefined when not even a short start fits.
 */
export function cutMarkdown(markdown: string, fits: (text: string) => boolean, shortest: number): string | undefined {
  const cuts = boundaries(markdown).filter((cut) => cut < markdown.length && cut >= shortest);
  const at = (i: number) => markdown.slice(0, cuts[i]).trimEnd() + ELLIPSIS;
  let low = 0;
  let high = cuts.length - 1;
  let best: string | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const text = at(mid);
    if (fits(text)) {
      best = text;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return best;
}
