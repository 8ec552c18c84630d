/**
 * What a card's buttons and forms send back to Setwise: Action.Execute's `data` (an
 * `adaptiveCard/action` invoke) or Action.Submit's `value` (a message activity). Both
 * carry the same object, so both routes read it the same way, and anything else that
 * arrives is refused here, before the core sees it.
 */
import { z } from 'zod';
import type { Payload } from '../../src/ports/inbound';

/** The verbs of Setwise's Action.Execute buttons. */
export const VERBS = { button: 'setwise.button', form: 'setwise.form' } as const;

/** A form's inputs are named apart from the keys Setwise puts in `data`, so no field can overwrite them. */
const FIELD_PREFIX = 'field.';
export const inputIdOf = (fieldId: string): string => `${FIELD_PREFIX}${fieldId}`;

export interface ButtonData {
  readonly setwise: 'button';
  readonly id: string;
  readonly value: string;
}

export interface FormData {
  readonly setwise: 'form';
  readonly form: string;
}

export type CardData = ButtonData | FormData;

export const buttonData = (id: string, value: string): ButtonData => ({ setwise: 'button', id, value });
export const formData = (form: string): FormData => ({ setwise: 'form', form });

const id = z.string().min(1).max(200);
const schema = z.union([
  z.object({ setwise: z.literal('button'), id, value: z.string().max(2000) }),
  z.object({ setwise: z.literal('form'), form: id }),
]);

/**
 * The core's payload for what a card sent, or undefined when it is not Setwise's.
 * A form's values are its `field.*` inputs, as strings (a client may send numbers or
 * booleans for some inputs); every other key is ignored.
 */
export function readCardData(data: unknown): Extract<Payload, { type: 'action' | 'form' }> | undefined {
  const parsed = schema.safeParse(data);
  if (!parsed.success) return undefined;
  const read = parsed.data;
  if (read.setwise === 'button') return { type: 'action', actionId: read.id, value: read.value };
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (!key.startsWith(FIELD_PREFIX) || value === null || typeof value === 'object') continue;
    values[key.slice(FIELD_PREFIX.length)] = String(value);
  }
  return { type: 'form', formId: read.form, values };
}
