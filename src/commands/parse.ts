import { LIMITS } from '../domain/limits';
import { closest } from '../domain/similar';
import { ArgError, Args, tokenize } from './args';
import { conversational } from './conversation';
import { commandNames, grammar, type Command, type CommandName } from './grammar';

export interface CommandProblem {
  readonly kind: 'empty' | 'too-long' | 'unknown' | 'malformed';
  readonly message: string;
  /** An example or a suggestion, shown after the message on the same line. */
  readonly hint?: string;
  readonly name?: CommandName;
}

export type ParseResult = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly problem: CommandProblem };

const isName = (s: string): s is CommandName => Object.hasOwn(grammar, s);

/** Subcommands of a group word, e.g. "set" -> create, info, rename, close. */
export const subcommandsOf = (group: string): CommandName[] => commandNames.filter((n) => n.startsWith(`${group} `));

/** The commands a mistyped name was probably meant to be. */
export function suggestFor(typed: string): CommandName[] {
  const [first = '', second] = typed.toLowerCase().split(/\s+/);
  const byPair = second ? closest(`${first} ${second}`, commandNames, 2) : [];
  const byWord = closest(first, [...new Set(commandNames.map((n) => n.split(' ')[0]!))], 2).flatMap((w) =>
    isName(w) ? [w] : subcommandsOf(w).slice(0, 1),
  );
  return [...new Set([...byPair, ...byWord])].filter(isName).slice(0, 2);
}

const didYouMean = (names: readonly string[]) =>
  names.length ? `Did you mean ${names.map((n) => `\`${n}\``).join(' or ')}?` : 'Type `help` to see every command.';

/** Text -> a typed command, or the one-line reason it isn't one. */
export function parseCommand(input: string): ParseResult {
  const source = input.trim();
  if (source.length === 0) {
    return { ok: false, problem: { kind: 'empty', message: 'That was an empty command.', hint: 'Try `help`, or `set info`.' } };
  }
  if (source.length > LIMITS.commandText) {
    return { ok: false, problem: { kind: 'too-long', message: `That command is ${source.length} characters; the most I take is ${LIMITS.commandText}.` } };
  }
  const tokens = tokenize(source);
  const first = tokens[0]!.text.toLowerCase();
  const second = tokens[1]?.text.toLowerCase();
  const pair = second === undefined ? undefined : `${first} ${second}`;
  const [name, used] = pair && isName(pair) ? [pair, 2] : isName(first) ? [first, 1] : [undefined, 0];

  if (name === undefined) {
    const subs = subcommandsOf(first);
    if (subs.length > 0) {
      const choices = subs.map((n) => n.split(' ')[1]).join(', ');
      const typed = second ? `\`${first} ${second}\` is not a command.` : `\`${first}\` needs one more word.`;
      const near = second ? closest(`${first} ${second}`, subs, 1) : [];
      return {
        ok: false,
        problem: { kind: 'unknown', message: `${typed} \`${first}\` goes with: ${choices}.`, hint: near.length ? didYouMean(near) : `Example: \`${grammar[subs[0]!].example}\`` },
      };
    }
    const near = suggestFor(source);
    const talk = conversational(source, near.length > 0);
    if (talk) return { ok: false, problem: { kind: 'unknown', ...talk } };
    return { ok: false, problem: { kind: 'unknown', message: `I don't know the command \`${tokens[0]!.text}\`.`, hint: didYouMean(near) } };
  }

  const spec = grammar[name];
  try {
    const args = spec.parse(new Args(source, tokens.slice(used)));
    return { ok: true, command: { name, args } as Command };
  } catch (error) {
    if (!(error instanceof ArgError)) throw error;
    return { ok: false, problem: { kind: 'malformed', name, message: error.message, hint: error.hint ?? `Example: \`${spec.example}\`` } };
  }
}
