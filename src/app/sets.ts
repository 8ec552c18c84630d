import { withRunsKept } from './meeting-day/runs';
import { closeForgottenRun } from './meeting-day/run';
import { SetwiseError } from '../domain/errors';
import { rezone } from '../domain/meetings';
import * as copy from '../messages/copy/sets';
import type { Reply } from '../ports/inbound';
import { facilitatorView, memberView } from './access';
import { replan, withSnapshot } from './plan';
import { privateReply, publicReply, type Deps, type Turn } from './context';

/** Starts a set bound to the channel it is created in, with its creator as facilitator. */
export async function createSet(deps: Deps, turn: Turn, args: { name: string; tz: string | undefined }): Promise<Reply> {
  if (turn.where.kind !== 'channel') {
    throw new SetwiseError('invalid', 'Create a set in the channel it will meet in, not in a private chat.', 'Example: `set create Northern Lights`');
  }
  const { name } = args;
  const result = await deps.store.sets.create(
    {
      workspaceId: turn.workspace.id,
      name,
      channelId: turn.where.id,
      channelLabel: turn.where.label,
      channel: turn.where.address,
      timeZone: args.tz ?? turn.actor.timeZone ?? 'UTC',
    },
    turn.actor.id,
    deps.clock.now(),
  );
  if (!result.ok) {
    throw new SetwiseError('conflict', `${turn.where.label} already has a set: ${result.existing.name}.`, 'A channel hosts one set at a time; use another channel.');
  }
  deps.log.info({ setId: result.set.id }, 'set created');
  return publicReply(copy.setCreated(result.set, args.tz !== undefined ? 'given' : turn.actor.timeZone ? 'yours' : 'default'));
}

/** Shows the set to its members: zone, facilitators, members. */
export async function showSet(deps: Deps, turn: Turn): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  const members = await deps.store.memberships.list(set.id);
  return privateReply(copy.setInfo(set, members, turn.actor));
}

/** Renames the set (facilitators). */
export async function renameSet(deps: Deps, turn: Turn, args: { name: string }): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'rename it');
  await deps.store.sets.rename(set.id, args.name, deps.clock.now());
  return publicReply(copy.setRenamed(set.name, args.name));
}

/** Moves the set to another zone; upcoming meetings keep their local wall time there (facilitators). */
export async function setZone(deps: Deps, turn: Turn, args: { zone: string }): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'change its time zone');
  if (args.zone === set.timeZone) throw new SetwiseError('invalid', `${set.name} already meets in ${set.timeZone} time.`);
  const moved = await withSnapshot(deps, set.id, async (snapshot) => {
    const now = deps.clock.now();
    const plan = rezone(withRunsKept(snapshot), args.zone, now);
    if (!plan.ok) throw new SetwiseError('conflict', copy.zoneRefused(plan, args.zone), 'Change the zone after that meeting, or move or cancel it first.');
    return deps.store.meetings.rezone(set.id, snapshot.version, args.zone, plan.update, now);
  });
  await replan(deps, set.id);
  deps.log.info({ setId: set.id, moved: moved.length }, 'set zone changed');
  return publicReply(copy.zoneChanged(set, args.zone, moved));
}

/** Closes the set at the end of its programme; history stays, the channel is freed (facilitators). */
export async function closeSet(deps: Deps, turn: Turn): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'close it');
  await deps.store.sets.close(set.id, deps.clock.now());
  // A meeting still running is ended with the set (recorded, no summary: the channel is freed).
  const running = await deps.store.runs.running(set.id);
  if (running) await closeForgottenRun(deps, running.meetingId);
  await replan(deps, set.id); // a closed set sends nothing more
  deps.log.info({ setId: set.id }, 'set closed');
  return publicReply(copy.setClosed(set));
}
