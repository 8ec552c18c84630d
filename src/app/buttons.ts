import { SetwiseError } from '../domain/errors';
import { readButton, type ButtonKind, type ButtonPress } from '../messages/interactions/buttons';
import { readFormId, type FormKind, type FormTarget } from '../messages/interactions/forms';
import type { Reply } from '../ports/inbound';
import { privateReply, type Deps, type Turn } from './context';
import { replan } from './plan';
import { findMeeting } from './meetings';
import { rsvpButton } from './rsvp';
import { challengeButton, openChallenge, submitChallenge } from './challenges';
import { reflectionForm, submitReflection } from './journal';
import { eraseMyData } from './privacy';
import { nextButton, planButton, submitPlan } from './meeting-day/run';
import { actionButton, bidButton, hereButton, submitAction } from './meeting-day/attendance';

type OnPress<K extends ButtonKind> = (deps: Deps, turn: Turn, press: ButtonPress<K>) => Promise<Reply>;
type OnSubmit<K extends FormKind> = (deps: Deps, turn: Turn, target: FormTarget<K>, values: Readonly<Record<string, string>>) => Promise<Reply>;

/**
 * The use case behind each button (src/messages/interactions/buttons.ts declares them).
 * Every kind needs one, so a new button without a handler does not compile. Each checks
 * membership again: a button can outlive what it was about.
 */
const onPress: { readonly [K in ButtonKind]: OnPress<K> } = {
  rsvp: rsvpButton,
  'rotation.withdraw': async (deps, turn, { meetingId }) => {
    const meeting = await findMeeting(deps, meetingId);
    if (!(await deps.store.memberships.find(meeting.setId, turn.actor.id))) throw new SetwiseError('not-allowed', 'Only members of the set can do that.');
    await replan(deps, meeting.setId, { kind: 'withdraw', personId: turn.actor.id, meetingId: meeting.id });
    return privateReply({ tone: 'success', text: 'Done: you have given your presenting slot back, and the rotation has filled it.' });
  },
  'challenge.open': async (deps, turn, { meetingId }) => {
    const meeting = await findMeeting(deps, meetingId);
    const set = await deps.store.sets.get(meeting.setId);
    if (!set) throw new SetwiseError('not-found', 'That set no longer exists.');
    // The notice arrives in a private chat: open the form as if asked in the set's channel.
    return openChallenge(deps, { ...turn, where: { kind: 'channel', id: set.channelId, label: set.channelLabel, address: set.channel } });
  },
  'reflection.open': async (_deps, _turn, { setId }) => reflectionForm(setId),
  'privacy.erase': async (deps, turn, { personId }) => {
    if (personId !== turn.actor.id) throw new SetwiseError('not-allowed', 'That button was for someone else.');
    // The answer takes the warning's place, so its button cannot be pressed again.
    return { ...(await eraseMyData(deps, turn, { confirmed: true })), replace: true };
  },
  'meeting.here': (deps, turn, { meetingId }) => hereButton(deps, turn, meetingId),
  'meeting.bid': (deps, turn, { meetingId }) => bidButton(deps, turn, meetingId),
  'meeting.next': (deps, turn, { meetingId, stage }) => nextButton(deps, turn, meetingId, stage),
  'meeting.plan': (deps, turn, { meetingId }) => planButton(deps, turn, meetingId),
  'action.open': (deps, turn, { setId }) => actionButton(deps, turn, setId),
  'challenge.show': (deps, turn, { setId, personId }) => challengeButton(deps, turn, setId, personId),
};

/** What each form's submission is saved as (src/messages/interactions/forms.ts declares them). */
const onSubmit: { readonly [K in FormKind]: OnSubmit<K> } = {
  challenge: (deps, turn, { setId }, values) => submitChallenge(deps, turn, setId, values),
  reflection: (deps, turn, { setId }, values) => submitReflection(deps, turn, setId, values),
  action: (deps, turn, { setId }, values) => submitAction(deps, turn, setId, values),
  'meeting.plan': (deps, turn, { meetingId }, values) => submitPlan(deps, turn, meetingId, values),
};

/** Runs the use case of a pressed button, once its id and value are read back. */
export async function pressButton(deps: Deps, turn: Turn, actionId: string, value: string): Promise<Reply> {
  const press = readButton(actionId, value);
  // The table's type pairs each kind with its handler; TypeScript cannot follow that through the lookup.
  return (onPress[press.kind] as OnPress<ButtonKind>)(deps, turn, press);
}

/** Saves a submitted form, once its id is read back. */
export async function submitForm(deps: Deps, turn: Turn, formId: string, values: Readonly<Record<string, string>>): Promise<Reply> {
  const target = readFormId(formId);
  return (onSubmit[target.kind] as OnSubmit<FormKind>)(deps, turn, target, values);
}
