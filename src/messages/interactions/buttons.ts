import { SetwiseError } from '../../domain/errors';
import type { RsvpAnswer } from '../../domain/records';
import type { Button } from '../model';
import { oneOf, position, readParts, recordId, writeParts, type Interaction } from './wire';

const RSVP_ANSWERS = ['yes', 'no', 'maybe'] as const satisfies readonly RsvpAnswer[];

/**
 * Every button Setwise puts on a message. The kind is the button's id; its value is
 * the parts named here, joined by ':' (`rsvp` / `12:yes`). Buttons already posted
 * still carry these spellings, so a kind or a part is renamed only with a reader for
 * the old one.
 */
export const BUTTONS = {
  /** Yes / No / Maybe on a meeting reminder. */
  rsvp: { meetingId: recordId, answer: oneOf(RSVP_ANSWERS) },
  /** On a presenter's notice: give the slot back to the rotation. */
  'rotation.withdraw': { meetingId: recordId },
  /** On a presenter's notice or challenge reminder: the challenge form of the meeting's set. */
  'challenge.open': { meetingId: recordId },
  /** On a reflection prompt: the reply form, kept for the set that prompted it. */
  'reflection.open': { setId: recordId },
  /** On the erase warning: names who asked, so nobody else can press it for them. */
  'privacy.erase': { personId: recordId },
  /** On a run-sheet: the presser is at the meeting. */
  'meeting.here': { meetingId: recordId },
  /** On a run-sheet in the bids stage: the presser asks for the set's time today. */
  'meeting.bid': { meetingId: recordId },
  /** On a run-sheet (and the facilitator's heads-up): ends `stage` and starts the next; a press on a stage already over does nothing. */
  'meeting.next': { meetingId: recordId, stage: position },
  /** On a run-sheet's issue stage: the presenter's challenge, privately, to a member of the set. */
  'challenge.show': { setId: recordId, personId: recordId },
  /** On `meeting plan`'s answer: the time boxes form. */
  'meeting.plan': { meetingId: recordId },
  /** On a run-sheet in an issue or the actions stage: the action form, for the presser's own action. */
  'action.open': { setId: recordId },
} as const;

export type ButtonKind = keyof typeof BUTTONS;

/** A pressed button, read back: its kind and what its value carries. */
export type ButtonPress<K extends ButtonKind = ButtonKind> = Interaction<typeof BUTTONS, K>;

/** A button that comes back to the core as `press`; `confirm` asks first, for what cannot be undone. */
export function button<K extends ButtonKind>(press: ButtonPress<K>, label: string, style?: Button['style'], confirm?: Button['confirm']): Button {
  return { id: press.kind, label, value: writeParts(BUTTONS, press), ...(style ? { style } : {}), ...(confirm ? { confirm } : {}) };
}

/** Reads a pressed button's id and value; one Setwise never made, or no longer makes, is refused. */
export function readButton(id: string, value: string): ButtonPress {
  const press = readParts(BUTTONS, id, value);
  if (!press) throw new SetwiseError('invalid', 'That button is no longer active.');
  return press;
}
