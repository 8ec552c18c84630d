import type { z } from 'zod';

/** The one-line reason a command's arguments were not understood. */
export class ArgError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ArgError';
  }
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export function tokenize(source: string): Token[] {
  return [...source.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * A cursor over a command's arguments. Free text (a set name, an action) is taken
 * from the original source so its spacing survives; options that follow free text
 * (`tz <zone>`, `by <date>`) are taken from the end first.
 */
export class Args {
  private tokens: Token[];

  constructor(
    private readonly source: string,
    tokens: readonly Token[],
  ) {
    this.tokens = [...tokens];
  }

  get empty(): boolean {
    return this.tokens.length === 0;
  }

  peek(): string | undefined {
    return this.tokens[0]?.text.toLowerCase();
  }

  /** The next `n` tokens, as typed, without taking them. */
  lookahead(n: number): string[] {
    return this.tokens.slice(0, n).map((t) => t.text);
  }

  /** The next token, or an error naming what was missing. */
  word(what: string): string {
    const token = this.tokens.shift();
    if (!token) throw new ArgError(`This needs ${what}.`);
    return token.text;
  }

  optionalWord(): string | undefined {
    return this.tokens.shift()?.text;
  }

  /** Takes the next token if it is one of `words` (any case). */
  keyword<const W extends string>(...words: W[]): W | undefined {
    const next = this.peek();
    const hit = words.find((w) => w === next);
    if (hit !== undefined) this.tokens.shift();
    return hit;
  }

  expect(word: string, after: string): void {
    if (this.keyword(word) === undefined) {
      const got = this.tokens[0]?.text;
      throw new ArgError(got ? `Expected "${word}" after ${after}, not "${got}".` : `Expected "${word}" after ${after}.`);
    }
  }

  /** `keyword <value>` at the very end, e.g. the `tz Europe/London` after a set name. */
  trailing(keyword: string): string | undefined {
    const n = this.tokens.length;
    if (n >= 2 && this.tokens[n - 2]?.text.toLowerCase() === keyword) {
      const value = this.tokens[n - 1]!.text;
      this.tokens.splice(n - 2, 2);
      return value;
    }
    return undefined;
  }

  /** A trailing bare keyword such as `now` or `next`. */
  trailingWord<const W extends string>(...words: W[]): W | undefined {
    const last = this.tokens.at(-1)?.text.toLowerCase();
    const hit = words.find((w) => w === last);
    if (hit !== undefined) this.tokens.pop();
    return hit;
  }

  /** Everything left, as typed. */
  rest(what: string): string {
    const text = this.optionalRest();
    if (text === undefined) throw new ArgError(`This needs ${what}.`);
    return text;
  }

  optionalRest(): string | undefined {
    const first = this.tokens[0];
    const last = this.tokens.at(-1);
    this.tokens = [];
    return first && last ? this.source.slice(first.start, last.end) : undefined;
  }

  /** Every remaining token. */
  all(): string[] {
    const words = this.tokens.map((t) => t.text);
    this.tokens = [];
    return words;
  }

  end(): void {
    const extra = this.tokens[0];
    if (extra) throw new ArgError(`I didn't expect "${this.source.slice(extra.start)}" there.`);
  }
}

/** Validates one value with a zod schema, turning its first issue into an ArgError. */
export function check<T>(schema: z.ZodType<T>, raw: string): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const [message, hint] = (issue?.message ?? `"${raw}" is not valid here.`).split('\n');
  throw new ArgError(message ?? `"${raw}" is not valid here.`, hint);
}
