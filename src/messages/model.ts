/**
 * The platform-neutral message. Every message has a plain-text fallback; blocks,
 * buttons and forms are rendered by each adapter (Block Kit, Adaptive Cards, text)
 * within that platform's limits.
 */
export type Block =
  | { readonly type: 'heading'; readonly text: string }
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'fields'; readonly fields: readonly Field[] }
  | { readonly type: 'list'; readonly items: readonly string[]; readonly ordered?: boolean }
  | { readonly type: 'divider' }
  | { readonly type: 'context'; readonly text: string };

export interface Field {
  readonly label: string;
  readonly value: string;
}

export interface Button {
  /** Routes the click back to the core, e.g. "rsvp"; made with `button()` of interactions/buttons.ts, never by hand. */
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly style?: 'primary' | 'danger';
  /** Asked before the press counts, for what cannot be undone (Slack's confirm dialog, a card's confirm step). */
  readonly confirm?: Confirm;
}

/** A "are you sure?" step before a destructive button acts. */
export interface Confirm {
  readonly title: string;
  readonly text: string;
  readonly yes: string;
  readonly no: string;
}

export type FormFieldKind = 'short' | 'long' | 'select' | 'date' | 'time';

export interface FormField {
  readonly id: string;
  readonly label: string;
  readonly kind: FormFieldKind;
  readonly required: boolean;
  readonly maxLength?: number;
  readonly hint?: string;
  readonly initial?: string;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

export interface Form {
  /** Routes the submission back to the core, e.g. "challenge:3"; made with `formId()` of interactions/forms.ts. */
  readonly id: string;
  readonly title: string;
  readonly submitLabel: string;
  readonly fields: readonly FormField[];
}

export type Tone = 'info' | 'success' | 'warning' | 'error';

/** A file that goes with a message (a calendar, an export, a chart); adapters upload or save it. */
export interface Attachment {
  readonly name: string;
  readonly mediaType: string;
  /** Text (UTF-8 when saved), or bytes (an image). */
  readonly content: string | Uint8Array;
  /** Holds the reader's own personal data: an adapter that keeps it keeps it privately, and removes it when they erase their data. */
  readonly personal?: boolean;
}

export interface Message {
  readonly text: string;
  readonly tone?: Tone;
  readonly blocks?: readonly Block[];
  readonly actions?: readonly Button[];
  readonly form?: Form;
  readonly files?: readonly Attachment[];
}

/** A file's bytes, as an adapter uploads or saves them. */
export const bytesOf = (file: Attachment): Uint8Array => (typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content);
