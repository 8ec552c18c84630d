import { SetwiseError } from '../domain/errors';
import type { LearningSet, Person } from '../domain/model';
import { SET_SIZE } from '../domain/limits';
import { isFacilitator } from '../domain/permissions';
import * as copy from '../messages/copy/sets';
import { handle, who } from '../messages/format';
import type { Reply } from '../ports/inbound';
import type { LeaveResult, RoleResult } from '../ports/store';
import { facilitatorView, memberView } from './access';
import { publicReply, type Deps, type Turn } from './context';
import { replan } from './plan';
import { resolvePeople, resolvePerson, tell } from './people';

/** Adds people to the set as members and welcomes each privately (facilitators). */
export async function addMembers(deps: Deps, turn: Turn, args: { people: string[] }): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'add members');
  const people = await resolvePeople(deps, turn, args.people);
  const result = await deps.store.memberships.add(set.id, people.map((p) => p.id), deps.clock.now(), SET_SIZE.max);
  if (!result.ok) throw new SetwiseError('invalid', copy.setFull(set, result.size, result.joining), copy.setSizeAdvice);
  if (result.added.length > 0) await replan(deps, set.id);
  const addedIds = new Set(result.added);
  const unique = [...new Map(people.map((p) => [p.id, p])).values()];
  const added = unique.filter((p) => addedIds.has(p.id));
  const already = unique.filter((p) => !addedIds.has(p.id));
  for (const person of added) await tell(deps, person, copy.welcome(set, turn.actor));
  const total = (await deps.store.memberships.list(set.id)).length;
  return publicReply(copy.membersAdded(set, added, already, total));
}

/** Takes someone out of the set: facilitators may remove anyone, members only themselves. */
export async function removeMember(deps: Deps, turn: Turn, args: { person: string }): Promise<Reply> {
  const { set, me } = await memberView(deps, turn);
  const person = await resolvePerson(deps, turn, args.person);
  const self = person.id === turn.actor.id;
  if (!self && !isFacilitator(me)) {
    throw new SetwiseError('not-allowed', `Only a facilitator of ${set.name} can remove members.`, `You can leave yourself with \`member remove ${handle(turn.actor)}\`.`);
  }
  const result = await deps.store.memberships.remove(set.id, person.id, deps.clock.now());
  refuseUnlessDone(result, set, person);
  await replan(deps, set.id);
  if (!self) await tell(deps, person, copy.removedNotice(set, turn.actor));
  return publicReply(copy.memberRemoved(set, person, self));
}

/** Makes someone a facilitator, adding them to the set first if needed (facilitators). */
export async function addFacilitator(deps: Deps, turn: Turn, args: { person: string }): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'add facilitators');
  const person = await resolvePerson(deps, turn, args.person);
  const joining = await deps.store.memberships.add(set.id, [person.id], deps.clock.now(), SET_SIZE.max);
  if (!joining.ok) throw new SetwiseError('invalid', copy.setFull(set, joining.size, joining.joining), copy.setSizeAdvice);
  const joined = joining.added;
  const result = await deps.store.memberships.setRole(set.id, person.id, 'facilitator', deps.clock.now());
  if (result === 'unchanged') return publicReply({ text: `${who(person)} is already a facilitator of ${set.name}.` });
  refuseUnlessDone(result, set, person);
  // Someone brought in to facilitate starts outside the rotation, as the set's creator does.
  if (joined.length > 0) await deps.store.memberships.setPresenting(set.id, person.id, false, deps.clock.now());
  await replan(deps, set.id);
  if (joined.length > 0) await tell(deps, person, copy.welcome(set, turn.actor));
  return publicReply(copy.facilitatorAdded(set, person));
}

/** Hands back the facilitator role; the person stays a member and the set keeps one facilitator. */
export async function removeFacilitator(deps: Deps, turn: Turn, args: { person: string }): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'change facilitators');
  const person = await resolvePerson(deps, turn, args.person);
  const result = await deps.store.memberships.setRole(set.id, person.id, 'member', deps.clock.now());
  if (result === 'unchanged') return publicReply({ text: `${who(person)} is not a facilitator of ${set.name}.` });
  refuseUnlessDone(result, set, person);
  await replan(deps, set.id);
  return publicReply(copy.facilitatorRemoved(set, person));
}

function refuseUnlessDone(result: LeaveResult | RoleResult, set: LearningSet, person: Person): void {
  if (result === 'not-member') throw new SetwiseError('not-found', `${who(person)} is not a member of ${set.name}.`);
  if (result === 'last-facilitator') throw new SetwiseError('conflict', copy.lastFacilitator(set, person));
}
