/** `sponsor add` and `sponsor remove`: who may see a set's figures, never its content. */
import type { CommandOf } from '../commands/grammar';
import { SetwiseError } from '../domain/errors';
import { who } from '../messages/format';
import type { Reply } from '../ports/inbound';
import { facilitatorView } from './access';
import { publicReply, type Deps, type Turn } from './context';
import { resolvePerson, tell } from './people';

export async function addSponsor(deps: Deps, turn: Turn, args: CommandOf<'sponsor add'>['args']): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'add sponsors');
  const person = await resolvePerson(deps, turn, args.person);
  if (await deps.store.memberships.find(set.id, person.id)) {
    throw new SetwiseError('conflict', `${who(person)} is a member of ${set.name}, so they see it already.`, 'A sponsor is someone outside the set who sees its figures only.');
  }
  if (!(await deps.store.sponsors.add(set.id, person.id, turn.actor.id, deps.clock.now()))) {
    throw new SetwiseError('conflict', `${who(person)} already sponsors ${set.name}.`);
  }
  await tell(deps, person, {
    text: `You are now a sponsor of ${set.name}: type \`report\` to me for its figures (attendance, turns presented, and counts of actions and reflections). What the set discusses stays within it.`,
  });
  return publicReply({ tone: 'success', text: `${who(person)} now sponsors ${set.name}: they can see its figures, never its content.` });
}

export async function removeSponsor(deps: Deps, turn: Turn, args: CommandOf<'sponsor remove'>['args']): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'remove sponsors');
  const person = await resolvePerson(deps, turn, args.person);
  if (!(await deps.store.sponsors.remove(set.id, person.id))) throw new SetwiseError('not-found', `${who(person)} does not sponsor ${set.name}.`);
  return publicReply({ tone: 'success', text: `${who(person)} no longer sponsors ${set.name}.` });
}
