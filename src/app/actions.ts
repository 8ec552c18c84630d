import type { CommandOf } from '../commands/grammar';
import { SetwiseError } from '../domain/errors';
import { who } from '../messages/format';
import { dayLabel } from '../messages/when';
import type { Reply } from '../ports/inbound';
import { memberView } from './access';
import { privateReply, type Deps, type Turn } from './context';
import { resolvePerson } from './people';

/** Commits the person to an action before the next meeting. */
export async function addAction(deps: Deps, turn: Turn, args: CommandOf<'action add'>['args']): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  const action = await deps.store.actions.add(set.id, turn.actor.id, args.text, args.by ?? null, deps.clock.now());
  return privateReply({ tone: 'success', text: `Action ${action.number} noted${action.due ? `, by ${dayLabel(action.due)}` : ''}: ${action.text}` });
}

async function close(deps: Deps, turn: Turn, number: number, status: 'done' | 'dropped'): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  if (!(await deps.store.actions.close(set.id, turn.actor.id, number, status, deps.clock.now()))) {
    throw new SetwiseError('not-found', `You have no open action ${number}.`, 'Type `actions` to see their numbers.');
  }
  return privateReply({ tone: 'success', text: status === 'done' ? `Action ${number} done. Well done.` : `Action ${number} dropped.` });
}

/** Marks one of the person's actions done. */
export const actionDone = (deps: Deps, turn: Turn, args: CommandOf<'action done'>['args']) => close(deps, turn, args.number, 'done');
/** Drops one of the person's actions. */
export const actionDrop = (deps: Deps, turn: Turn, args: CommandOf<'action drop'>['args']) => close(deps, turn, args.number, 'dropped');

/** Lists the person's open actions, or a set member's. */
export async function listActions(deps: Deps, turn: Turn, args: CommandOf<'actions'>['args']): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  const person = args.person ? await resolvePerson(deps, turn, args.person) : turn.actor;
  if (!(await deps.store.memberships.find(set.id, person.id))) throw new SetwiseError('not-found', `${who(person)} is not a member of ${set.name}.`);
  const open = (await deps.store.actions.list(set.id, person.id)).filter((a) => a.status === 'open');
  const whose = person.id === turn.actor.id ? 'You have' : `${who(person)} has`;
  if (open.length === 0) return privateReply({ text: `${whose} no open actions in ${set.name}.` });
  const items = open.map((a) => `${a.number}. ${a.text}${a.due ? ` (by ${dayLabel(a.due)})` : ''}`);
  return privateReply({ text: [`${whose} ${open.length} open in ${set.name}:`, ...items].join('\n'), blocks: [{ type: 'paragraph', text: `${whose} ${open.length} open in ${set.name}:` }, { type: 'list', items }] });
}
