import { SetwiseError } from '../domain/errors';
import type { Reply } from '../ports/inbound';
import { privateReply, type Deps, type Turn } from './context';
import { replanRotation } from './rotation';
import { findMeeting, rsvpButton } from './rsvp';

/** The buttons Setwise puts on its messages, by id; the value says which meeting. */
export async function pressButton(deps: Deps, turn: Turn, actionId: string, value: string): Promise<Reply> {
  switch (actionId) {
    case 'rsvp':
      return rsvpButton(deps, turn, value);
    case 'rotation.withdraw': {
      const meeting = await findMeeting(deps, Number(value));
      if (!(await deps.store.memberships.find(meeting.setId, turn.actor.id))) throw new SetwiseError('not-allowed', 'Only members of the set can do that.');
      await replanRotation(deps, meeting.setId, { kind: 'withdraw', personId: turn.actor.id, meetingId: meeting.id });
      return privateReply({ tone: 'success', text: 'Done: you have given your presenting slot back, and the rotation has filled it.' });
    }
    case 'challenge.open':
      return privateReply({ text: 'The challenge form is coming soon. For now, bring your challenge to the meeting.' });
    default:
      throw new SetwiseError('invalid', 'That button is no longer active.');
  }
}
