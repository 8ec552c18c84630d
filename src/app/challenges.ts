import type { CommandOf } from '../commands/grammar';
import { CHALLENGE_FIELDS, challengeSchema } from '../domain/challenge';
import { SetwiseError } from '../domain/errors';
import { handle, who } from '../messages/format';
import { formId } from '../messages/interactions/forms';
import type { Form, Message } from '../messages/model';
import type { LearningSet } from '../domain/model';
import type { Reply } from '../ports/inbound';
import { memberView } from './access';
import { fieldErrorsReply, privateReply, type Deps, type Turn } from './context';
import { resolvePerson } from './people';

/** The challenge form, opening with `filled` (the current version, or what was just typed). */
const challengeForm = (set: LearningSet, filled: Readonly<Record<string, string>> | undefined): Form => ({
  id: formId({ kind: 'challenge', setId: set.id }),
  title: `Your leadership challenge for ${set.name}`,
  submitLabel: 'Save',
  fields: CHALLENGE_FIELDS.map((f) => ({
    id: f.id,
    label: f.label,
    kind: f.long ? 'long' : 'short',
    required: f.required,
    maxLength: f.maxLength,
    hint: f.hint,
    ...(filled?.[f.id] ? { initial: filled[f.id] } : {}),
  })),
});

/** Opens the challenge form, filled with the current version if there is one. */
export async function openChallenge(deps: Deps, turn: Turn): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  const current = await deps.store.challenges.current(set.id, turn.actor.id);
  const form = challengeForm(set, current?.fields);
  return privateReply({ text: `Write your leadership challenge for ${set.name}. Only the set's members can read it.`, form });
}

/** Saves a submitted challenge form as a new version. */
export async function submitChallenge(deps: Deps, turn: Turn, setId: number, values: Readonly<Record<string, string>>): Promise<Reply> {
  const set = await deps.store.sets.get(setId);
  if (!set || !(await deps.store.memberships.find(set.id, turn.actor.id))) throw new SetwiseError('not-allowed', 'Only members of the set can write a challenge for it.');
  const parsed = challengeSchema.safeParse(values);
  if (!parsed.success) {
    // The first problem of each field, shown on that field; the form stays open with what was typed.
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'challenge')] ??= issue.message;
    return fieldErrorsReply(errors, challengeForm(set, values));
  }
  const fields = Object.fromEntries(Object.entries(parsed.data).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0));
  const saved = await deps.store.challenges.submit(set.id, turn.actor.id, fields, deps.clock.now());
  return privateReply({ tone: 'success', text: `Saved version ${saved.version} of your challenge. The members of ${set.name} can read it with \`challenge show ${handle(turn.actor)}\`.` });
}

const challengeMessage = (name: string, version: number, fields: Readonly<Record<string, string>>): Message => {
  const parts = CHALLENGE_FIELDS.filter((f) => fields[f.id]).map((f) => ({ label: f.label, value: fields[f.id]! }));
  return {
    text: [`${name}'s challenge (version ${version}):`, ...parts.map((p) => `${p.label}: ${p.value}`)].join('\n'),
    blocks: [{ type: 'heading', text: `${name}'s challenge (version ${version})` }, { type: 'fields', fields: parts }],
  };
};

/** Shows a set member's current challenge, to the set's members only. */
export async function showChallenge(deps: Deps, turn: Turn, args: CommandOf<'challenge show'>['args']): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  const person = args.person ? await resolvePerson(deps, turn, args.person) : turn.actor;
  if (!(await deps.store.memberships.find(set.id, person.id))) throw new SetwiseError('not-found', `${who(person)} is not a member of ${set.name}.`);
  const current = await deps.store.challenges.current(set.id, person.id);
  if (!current) {
    return privateReply({ text: person.id === turn.actor.id ? 'You have no challenge written up. Type `challenge` to write one (it is optional).' : `${who(person)} has not written up a challenge.` });
  }
  return privateReply(challengeMessage(who(person), current.version, current.fields));
}

/**
 * A run-sheet's Read the challenge button: the presenter's current challenge, to a
 * member of the set only, privately. A channel can hold people outside the set, so the
 * sheet itself never carries it.
 */
export async function challengeButton(deps: Deps, turn: Turn, setId: number, personId: number): Promise<Reply> {
  const set = await deps.store.sets.get(setId);
  if (!set || !(await deps.store.memberships.find(set.id, turn.actor.id))) throw new SetwiseError('not-allowed', 'Only members of the set can read its challenges.');
  const presenter = await deps.store.memberships.find(set.id, personId);
  const current = presenter && (await deps.store.challenges.current(set.id, personId));
  if (!presenter || !current) return privateReply({ text: 'There is no challenge written up to show.' });
  return privateReply(challengeMessage(who(presenter.person), current.version, current.fields));
}

/** Withdraws the person's current challenge; earlier versions stay in their own record. */
export async function withdrawChallenge(deps: Deps, turn: Turn): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  if (!(await deps.store.challenges.withdraw(set.id, turn.actor.id, deps.clock.now()))) throw new SetwiseError('not-found', 'You have no challenge to withdraw.');
  return privateReply({ tone: 'success', text: `Withdrawn: ${set.name} no longer sees your challenge.` });
}
