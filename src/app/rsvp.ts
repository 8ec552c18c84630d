import type { CommandOf } from '../commands/grammar';
import { SetwiseError } from '../domain/errors';
import type { Meeting } from '../domain/schedule';
import type { LearningSet } from '../domain/model';
import type { ButtonPress } from '../messages/interactions/buttons';
import { meetingTime } from '../messages/when';
import type { Reply } from '../ports/inbound';
import type { RsvpAnswer } from '../domain/records';
import { memberView } from './access';
import { privateReply, viewerZone, type Deps, type Turn } from './context';
import { findMeeting, upcomingMeeting } from './meetings';
import { replan } from './plan';
import { refreshReminder } from './nudges';

const SAID: Record<RsvpAnswer, string> = { yes: 'you are coming to', no: 'you cannot come to', maybe: 'you might come to' };

async function answer(deps: Deps, turn: Turn, set: LearningSet, meeting: Meeting, said: RsvpAnswer): Promise<Reply> {
  const setId = await deps.store.rsvps.answer(meeting.id, turn.actor.id, said, deps.clock.now());
  // A "no" frees a presenting place and may leave too few coming.
  if (setId !== undefined) await replan(deps, setId);
  // The channel's reminder shows the answers so far.
  await refreshReminder(deps, set, meeting);
  const extra = said === 'no' ? ' If you were due to present, the rotation has passed your turn on, and you go first next time.' : '';
  return privateReply({ tone: 'success', text: `Noted: ${SAID[said]} ${set.name} on ${meetingTime(meeting, viewerZone(turn, set.timeZone))}.${extra}` });
}

/** Answers whether the person will come to the next meeting (or the one on a date). */
export async function rsvp(deps: Deps, turn: Turn, args: CommandOf<'rsvp'>['args']): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  return answer(deps, turn, set, await upcomingMeeting(deps, set, args.date), args.answer);
}

/** The Yes / No / Maybe buttons of a reminder, for the meeting they were posted about. */
export async function rsvpButton(deps: Deps, turn: Turn, { meetingId, answer: said }: ButtonPress<'rsvp'>): Promise<Reply> {
  const meeting = await findMeeting(deps, meetingId);
  const set = await deps.store.sets.get(meeting.setId);
  if (!set || !(await deps.store.memberships.find(set.id, turn.actor.id))) {
    throw new SetwiseError('not-allowed', 'Only members of the set can answer for its meetings.');
  }
  if (meeting.status !== 'scheduled' || meeting.startsAt.getTime() <= deps.clock.now().getTime() || (await deps.store.runs.get(meeting.id))) {
    throw new SetwiseError('conflict', 'That meeting has started, or is no longer planned.');
  }
  return answer(deps, turn, set, meeting, said);
}
