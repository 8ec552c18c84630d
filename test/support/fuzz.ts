/**
 * What the fuzz tests share: how many cases to run, the strings an attacker reaches
 * for, command lines built from the grammar's words, and what must never reach a
 * person (a stack trace, an error's name, a value printed by mistake).
 */
import fc from 'fast-check';
import { commandNames } from '../../src/commands/grammar';

/** How many cases each fuzz test runs: 10,000 in every test run, more with SETWISE_FUZZ_RUNS. */
export const RUNS = Number(process.env.SETWISE_FUZZ_RUNS ?? 10_000);

// What an attacker reaches for: terminal escapes, bidi and zero-width tricks, quotes, absurd numbers and dates.
export const HOSTILE = ['\u0000', '\u0007', '\u001b[2J', '\u001b]0;pwned\u0007', '\u202e', '\u2066', '\u200b', '\ufeff', '\r\n', '\t', "'; DROP TABLE sets;--", '" OR 1=1 --', '%s%n', '${process.exit()}', '{{7*7}}', '@', '@bob', '@@', '-1', '0', '1e309', 'NaN', '99999999999999999999', '9999-12-31', '0000-00-00', '2027-02-30', '25:61', '24:00', 'Europe/Atlantis', '+01:00', 'x'.repeat(5000)];
export const WORDS = ['every', 'week', 'weeks', 'month', 'months', 'on', 'the', 'first', 'last', 'tuesday', 'at', '10:00', 'from', 'until', '2027-01-05', 'for', '3h', '2', 'meetings', 'tz', 'Europe/London', 'to', 'by', 'now', 'next', 'yes', 'no', 'confirm', 'off', 'on', '@alice', '@carol'];

export const fragment = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...HOSTILE), fc.constantFrom(...WORDS));

/** A line that often starts with a command's name: the grammar's words mixed with hostile ones. */
export const line = fc
  .tuple(fc.option(fc.constantFrom(...commandNames), { freq: 3, nil: undefined }), fc.array(fragment, { maxLength: 6 }))
  .map(([name, parts]) => [name ?? '', ...parts].join(' '));

/** Every string inside a value, however deeply nested (JSON would hide control characters as escapes). */
export const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

/**
 * Signs of internals in what a person is shown: a stack frame, an error's name, a value
 * that was printed by mistake. ("undefined" and "NaN" as whole words only.)
 */
export const LEAKS: readonly RegExp[] = [/\n\s+at .+\(/, /\bat .+:\d+:\d+/, /Error:/, /TypeError/, /\bundefined\b/, /\[object Object\]/, /\bNaN\b/];

/** The first sign of internals in `text`, if any. */
export const leakIn = (text: string): RegExp | undefined => LEAKS.find((leak) => leak.test(text));

/**
 * An input that holds none of those signs itself, so that a person seeing one in an
 * answer can only mean Setwise put it there (an echo of what they typed is fine, and
 * the core's own fuzz test sends "NaN" and the rest).
 */
export const withoutLeaks = (value: unknown): boolean => strings(value).every((s) => leakIn(s) === undefined) && (typeof value !== 'object' || value === null || leakIn(JSON.stringify(value)) === undefined);

/** Every sign of internals in the strings of `value`, with where it was found. */
export const leaksIn = (value: unknown): string[] =>
  strings(value).flatMap((s) => {
    const leak = leakIn(s);
    return leak ? [`${leak} in ${JSON.stringify(s.slice(0, 300))}`] : [];
  });

/** What the platform says Setwise answers when something broke on its side: never the answer to bad input. */
export const INTERNAL_ERROR = /Something went wrong/;

/** Mostly `usual`, one time in `n` `rare`. */
export const oneIn = <T>(n: number, usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ weight: n - 1, arbitrary: usual }, { weight: 1, arbitrary: rare });

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string where a platform puts an id, a URL or a name: empty, absurd, hostile, `more`. */
export const junkString = (...more: string[]): fc.Arbitrary<string> => fc.oneof(fc.constantFrom('', ' ', 'x'.repeat(300), 'not a url', 'file:///etc/passwd', ...more), fragment);

/** Junk of any type, to put where a platform puts something else. */
export const junkOf = (strings: fc.Arbitrary<string>): fc.Arbitrary<unknown> => fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, 0, -1, 1.5, 1e308, true, false, [], {}, [null], [[]], { id: null }), strings);

type Path = readonly (string | number)[];
/** In a mutation, the part removed rather than replaced. */
export const DELETE = Symbol('delete');

/** Every path into a JSON value (the whole, and each part of an array or object). */
function pathsOf(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (isRecord(value)) return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return [at];
}

/** `value` with the part at `path` replaced by `by` (or removed), copied, never changed in place. */
function replaced(value: unknown, path: Path, by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.flatMap((v, i) => (i !== head ? [v] : rest.length === 0 && by === DELETE ? [] : [replaced(v, rest, by)]));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (k !== head ? [[k, v]] : rest.length === 0 && by === DELETE ? [] : [[k, replaced(v, rest, by)]])));
  return value;
}

/**
 * A payload of `base` with one to three of its parts (at any depth, the whole included)
 * swapped for `junk` or removed; two times in three at a path `read` names (joined by
 * dots: `actions.0.value`), the parts the code under test reads.
 */
export function mutated(base: fc.Arbitrary<unknown>, read: RegExp, junk: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return base.chain((value) => {
    const paths = pathsOf(value);
    const named = paths.filter((p) => read.test(p.join('.')));
    const path = named.length > 0 ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...named) }, { weight: 1, arbitrary: fc.constantFrom(...paths) }) : fc.constantFrom(...paths);
    const swap = fc.tuple(path, fc.oneof({ weight: 4, arbitrary: junk }, { weight: 1, arbitrary: fc.constant(DELETE) }));
    return fc.array(swap, { minLength: 1, maxLength: 3 }).map((swaps) => swaps.reduce((v, [at, by]) => replaced(v, at, by), value));
  });
}

/**
 * Collects unhandled rejections and uncaught exceptions while a fuzz test runs (vitest
 * would report them too, but only after the test has passed); `stop` gives them back.
 */
export function watchProcess(): { readonly seen: unknown[]; stop(): unknown[] } {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown) => void seen.push(reason);
  const onException = (error: unknown) => void seen.push(error);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    seen,
    stop() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      return seen;
    },
  };
}
