import { SetwiseError } from '../domain/errors';
import type { LearningSet } from '../domain/model';
import { isFacilitator } from '../domain/permissions';
import type { Deps, SetView, Turn } from './context';

/** The set a request is about: the channel's own set, or in a private chat the actor's only set. */
export async function findSetHere(deps: Deps, turn: Turn): Promise<LearningSet> {
  if (turn.where.kind === 'channel') {
    const set = await deps.store.sets.findOpenByChannel(turn.workspace.id, turn.where.id);
    if (!set) {
      throw new SetwiseError('not-found', `There is no set in ${turn.where.label}.`, 'Start one here with `set create <name>`.');
    }
    return set;
  }
  const mine = await deps.store.sets.listOpenForPerson(turn.actor.id);
  if (mine.length === 1) return mine[0]!;
  if (mine.length === 0) throw new SetwiseError('not-found', "You're not in a set yet.", 'A facilitator can add you with `member add`.');
  throw new SetwiseError(
    'conflict',
    `You're in ${mine.length} sets, so say which: run this in its channel (${mine.map((s) => s.channelLabel).join(', ')}).`,
  );
}

/** The set here, for one of its members. Anyone else is refused and learns nothing of it. */
export async function memberView(deps: Deps, turn: Turn): Promise<SetView> {
  const set = await findSetHere(deps, turn);
  const me = await deps.store.memberships.find(set.id, turn.actor.id);
  if (!me) {
    throw new SetwiseError(
      'not-allowed',
      `You're not a member of the set in ${set.channelLabel}, so I can't show you anything of it.`,
      'A facilitator of the set can add you.',
    );
  }
  return { set, me };
}

/** The set here, for one of its facilitators; `doing` completes "Only a facilitator can ...". */
export async function facilitatorView(deps: Deps, turn: Turn, doing: string): Promise<SetView> {
  const view = await memberView(deps, turn);
  if (!isFacilitator(view.me)) {
    throw new SetwiseError('not-allowed', `Only a facilitator of ${view.set.name} can ${doing}.`);
  }
  return view;
}

/** The set here when the actor is one of its members; otherwise none, and no refusal. */
export async function mySetHere(deps: Deps, turn: Turn): Promise<LearningSet | undefined> {
  const set = await findSetHere(deps, turn).catch(() => undefined);
  return set && (await deps.store.memberships.find(set.id, turn.actor.id)) ? set : undefined;
}
