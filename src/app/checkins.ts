import type { CommandOf } from '../commands/grammar';
import { SetwiseError } from '../domain/errors';
import * as copy from '../messages/copy/nudges';
import { meetingTime } from '../messages/when';
import type { Reply } from '../ports/inbound';
import { facilitatorView } from './access';
import { privateReply, viewerZone, type Deps, type Turn } from './context';

/** Posts a check-in question to the set's channel now, or queues it for the next meeting's start (facilitators). */
export async function checkin(deps: Deps, turn: Turn, args: CommandOf<'checkin'>['args']): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'post check-in questions');
  const now = deps.clock.now();
  if (args.when === 'now') {
    await deps.store.checkins.add(set.id, null, args.question, 'now', turn.actor.id, now);
    await deps.chat.post(set.channel, copy.checkin(set, args.question));
    return privateReply({ tone: 'success', text: `Posted to ${set.channelLabel}.` });
  }
  // Not a meeting under way on its run-sheet (begun early): its check-in has begun.
  const running = (await deps.store.runs.running(set.id))?.meetingId;
  const next = (await deps.store.meetings.list(set.id)).find((m) => m.status === 'scheduled' && m.startsAt.getTime() > now.getTime() && m.id !== running);
  if (!next) throw new SetwiseError('not-found', `${set.name} has no upcoming meeting to ask it at.`, 'Post it now with `checkin <question> now`.');
  await deps.store.checkins.add(set.id, next.id, args.question, 'next', turn.actor.id, now);
  return privateReply({ tone: 'success', text: `Queued: it opens the meeting on ${meetingTime(next, viewerZone(turn, set.timeZone))}, in place of the library's question.` });
}
