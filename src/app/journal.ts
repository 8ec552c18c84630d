import type { CommandOf } from '../commands/grammar';
import { SetwiseError } from '../domain/errors';
import { who } from '../messages/format';
import { formId } from '../messages/interactions/forms';
import { dayLabel } from '../messages/when';
import type { Form } from '../messages/model';
import type { Reply } from '../ports/inbound';
import { mySetHere } from './access';
import { fieldErrorsReply, privateReply, type Deps, type Turn } from './context';

/** Keeps a private journal entry; it belongs to the set it was written for, when there is one. */
export async function reflect(deps: Deps, turn: Turn, args: CommandOf<'reflect'>['args']): Promise<Reply> {
  const mine = await mySetHere(deps, turn);
  const entry = await deps.store.reflections.add(turn.actor.id, mine?.id ?? null, args.text, deps.clock.now());
  return privateReply({ tone: 'success', text: `Kept as journal entry ${entry.number}, private to you.${mine ? ` To share it with ${mine.name}, type \`journal share ${entry.number}\`.` : ''}` });
}

const reflectionFormOf = (setId: number, typed?: string): Form => ({
  id: formId({ kind: 'reflection', setId }),
  title: 'A reflection',
  submitLabel: 'Keep it',
  fields: [{ id: 'text', label: 'Your reflection', kind: 'long', required: true, maxLength: 3000, ...(typed ? { initial: typed } : {}) }],
});

/** The reply form for a reflection prompt, where the platform has forms. */
export function reflectionForm(setId: number): Reply {
  return privateReply({ text: 'Your reflection stays private unless you choose to share it.', form: reflectionFormOf(setId) });
}

/** Keeps a reflection written in the reply form, for the set it was prompted by. */
export async function submitReflection(deps: Deps, turn: Turn, setId: number, values: Readonly<Record<string, string>>): Promise<Reply> {
  const text = (values.text ?? '').trim();
  if (text.length === 0) return fieldErrorsReply({ text: 'Write something first: the reflection was empty' }, reflectionFormOf(setId));
  if ([...text].length > 3000) return fieldErrorsReply({ text: `That is ${[...text].length} characters; a reflection can be at most 3000` }, reflectionFormOf(setId, text));
  const member = await deps.store.memberships.find(setId, turn.actor.id);
  const entry = await deps.store.reflections.add(turn.actor.id, member ? setId : null, text, deps.clock.now());
  return privateReply({ tone: 'success', text: `Kept as journal entry ${entry.number}, private to you.${member ? ` To share it with the set, type \`journal share ${entry.number}\`.` : ''}` });
}

/** The person's own journal, newest last. */
export async function journal(deps: Deps, turn: Turn): Promise<Reply> {
  const entries = await deps.store.reflections.list(turn.actor.id);
  if (entries.length === 0) return privateReply({ text: 'Your journal is empty. Write in it with `reflect <text>`; `prompt` gives you something to reflect on.' });
  const items = entries.map((e) => `${e.number}. ${dayLabel(e.createdAt.toISOString().slice(0, 10))}${e.sharedAt ? ' (shared)' : ''}: ${e.text}`);
  return privateReply({ text: ['Your journal (only you can see it):', ...items].join('\n'), blocks: [{ type: 'paragraph', text: 'Your journal (only you can see it):' }, { type: 'list', items }] });
}

/** Shares one journal entry with its set: posted in the set's channel under the author's name. */
export async function shareEntry(deps: Deps, turn: Turn, args: CommandOf<'journal share'>['args']): Promise<Reply> {
  const entry = (await deps.store.reflections.list(turn.actor.id)).find((e) => e.number === args.number);
  if (!entry) throw new SetwiseError('not-found', `You have no journal entry ${args.number}.`, 'Type `journal` to see their numbers.');
  const set = entry.setId === null ? undefined : await deps.store.sets.get(entry.setId);
  if (!set || set.status !== 'open' || !(await deps.store.memberships.find(set.id, turn.actor.id))) {
    throw new SetwiseError('conflict', `Entry ${args.number} was not written for a set you are in, so there is nowhere to share it.`);
  }
  await deps.chat.post(set.channel, { text: `${who(turn.actor)} shares a reflection: ${entry.text}` });
  await deps.store.reflections.markShared(turn.actor.id, entry.number, deps.clock.now());
  return privateReply({ tone: 'success', text: `Shared entry ${entry.number} with ${set.name} in ${set.channelLabel}.` });
}
