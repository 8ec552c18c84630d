import { SetwiseError } from '../../domain/errors';
import { readParts, recordId, writeParts, type Interaction } from './wire';

/**
 * Every form Setwise opens. Its id is the kind and the parts named here, joined by
 * ':' (`challenge:3`); a form left open across a release still carries that id.
 */
export const FORMS = {
  /** A presenter's leadership challenge, for a set. */
  challenge: { setId: recordId },
  /** A reply to a reflection prompt, kept for the set that prompted it. */
  reflection: { setId: recordId },
  /** A running meeting's time boxes, one field a stage still to come. */
  'meeting.plan': { meetingId: recordId },
  /** An action committed at a meeting, for a set. */
  action: { setId: recordId },
} as const;

export type FormKind = keyof typeof FORMS;

/** What a submitted form fills in, read back from its id. */
export type FormTarget<K extends FormKind = FormKind> = Interaction<typeof FORMS, K>;

/** The id of a form that comes back to the core as `target`. */
export function formId<K extends FormKind>(target: FormTarget<K>): string {
  const parts = writeParts(FORMS, target);
  return parts === '' ? target.kind : `${target.kind}:${parts}`;
}

/** Reads a submitted form's id; one Setwise never opened, or no longer opens, is refused. */
export function readFormId(id: string): FormTarget {
  const at = id.indexOf(':');
  const target = at < 0 ? readParts(FORMS, id, '') : readParts(FORMS, id.slice(0, at), id.slice(at + 1));
  if (!target) throw new SetwiseError('invalid', 'That form is no longer active.', 'Type `help` to see what you can do.');
  return target;
}
