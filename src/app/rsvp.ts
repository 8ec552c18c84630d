import type { CommandOf } from '../commands/grammar';
import { SetwiseError } from '../domain/errors';
import type { Meeting } from '../domain/meetings';
import type { LearningSet } from '../domain/model';
import { meetingTime } from '../messages/when';
import type { Reply } from '../ports/inbound';
import type { RsvpAnswer } from '../ports/store';
import { memberView } from './access';
import { privateReply, viewerZone, type Deps, type Turn } from './context';
import { findMeeting, upcomingMeeting } from './meetings';

const SAID: Record<RsvpAnswer, string> = { yes: 'you are coming to', no: 'you cannot come to', maybe: 'you might come to' };

async function answer(deps: Deps, turn: Turn, set: LearningSet, meeting: Meeting, said: RsvpAnswer): Promise<Reply> {
  await deps.store.rsvps.answer(meeting.id, turn.actor.id, said, deps.clock.now());
  const extra = said === 'no' ? ' If you were due to present, the rotation has passed your turn on, and you go first next time.' : '';
  return privateReply({ tone: 'success', text: `Noted: ${SAID[said]} ${set.name} on ${meetingTime(meeting, viewerZone(turn, set.timeZone))}.${extra}` });
}

/** Answers whether the person will come to the next meeting (or the one on a date). */
export async function rsvp(deps: Deps, turn: Turn, args: CommandOf<'rsvp'>['args']): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  return answer(deps, turn, set, await upcomingMeeting(deps, set, args.date), args.answer);
}

/** The RSVP buttons of a reminder: "<meetingId>:<answer>". */
export async function rsvpButton(deps: Deps, turn: Turn, value: string): Promise<Reply> {
  const [id, said] = value.split(':');
  if (said !== 'yes' && said !== 'no' && said !== 'maybe') throw new SetwiseError('invalid', 'That button is not one I recognise.');
  const meeting = await findMeeting(deps, Number(id));
  const set = await deps.store.sets.get(meeting.setId);
  if (!set || !(await deps.store.memberships.find(set.id, turn.actor.id))) {
    throw new SetwiseError('not-allowed', 'Only members of the set can answer for its meetings.');
  }
  if (meeting.status !== 'scheduled' || meeting.startsAt.getTime() <= deps.clock.now().getTime()) {
    throw new SetwiseError('conflict', 'That meeting has started, or is no longer planned.');
  }
  return answer(deps, turn, set, meeting, said);
}
