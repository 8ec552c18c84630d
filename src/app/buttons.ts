import { SetwiseError } from '../domain/errors';
import type { Reply } from '../ports/inbound';
import { privateReply, type Deps, type Turn } from './context';
import { replanRotation } from './rotation';
import { findMeeting } from './meetings';
import { rsvpButton } from './rsvp';
import { openChallenge, submitChallenge } from './challenges';
import { reflectionForm, submitReflection } from './journal';
import { eraseMyData } from './privacy';

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
    case 'challenge.open': {
      const meeting = await findMeeting(deps, Number(value));
      const set = await deps.store.sets.get(meeting.setId);
      if (!set) throw new SetwiseError('not-found', 'That set no longer exists.');
      return openChallenge(deps, { ...turn, where: { kind: 'channel', id: set.channelId, label: set.channelLabel, address: set.channel } });
    }
    case 'reflection.open':
      return reflectionForm(Number(value));
    case 'privacy.erase':
      if (value !== String(turn.actor.id)) throw new SetwiseError('not-allowed', 'That button was for someone else.');
      return eraseMyData(deps, turn, { confirmed: true });
    default:
      throw new SetwiseError('invalid', 'That button is no longer active.');
  }
}

/** Forms Setwise opens, by id: "challenge:<setId>". */
export async function submitForm(deps: Deps, turn: Turn, formId: string, values: Readonly<Record<string, string>>): Promise<Reply> {
  const [kind, id] = formId.split(':');
  if (kind === 'challenge' && id && /^\d+$/.test(id)) return submitChallenge(deps, turn, Number(id), values);
  if (kind === 'reflection' && id && /^\d+$/.test(id)) return submitReflection(deps, turn, Number(id), values);
  throw new SetwiseError('invalid', 'That form is no longer active.', 'Type `help` to see what you can do.');
}
