import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Block, Form, FormField } from '../../src/ports/chat';
import { SETWISE, SLACK } from './limits';
import { renderBlocks, section } from './render-blocks';
import { cutPlain, plain, plainText } from './render-text';

export interface ModalOptions {
  /** Comes back with the submission; the form's id unless given. */
  readonly callbackId?: string;
  /** Comes back with the submission too, for what the callback id cannot hold. */
  readonly privateMetadata?: string;
  /** Shown above the fields: the words the form came with (the message's text). */
  readonly intro?: string;
}

function isDate(s: string): boolean {
  const day = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(s);
}
const isTime = (s: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(s);

function textInput(field: FormField, multiline: boolean): InputBlock['element'] {
  const max = field.maxLength && field.maxLength > 0 ? Math.min(field.maxLength, SLACK.inputMaxLength) : undefined;
  const initial = field.initial ? cutPlain(plainText(field.initial), max ?? SLACK.inputMaxLength) : '';
  return {
    type: 'plain_text_input',
    action_id: field.id,
    ...(multiline ? { multiline: true } : {}),
    ...(max ? { max_length: max } : {}),
    ...(initial ? { initial_value: initial } : {}),
  };
}

function select(field: FormField, options: NonNullable<FormField['options']>): InputBlock['element'] {
  const shown: PlainTextOption[] = options.slice(0, SLACK.selectOptions).map((o) => {
    // A value is what the core reads back: cut, it would no longer match.
    if (o.value.length > SLACK.optionValue) throw new Error(`option "${o.value.slice(0, 20)}…" of "${field.id}" is longer than Slack takes`);
    return { text: plain(o.label, SLACK.optionText, o.value), value: o.value };
  });
  const initial = shown.find((o) => o.value === field.initial);
  return { type: 'static_select', action_id: field.id, options: shown, ...(initial ? { initial_option: initial } : {}) };
}

function elementOf(field: FormField): InputBlock['element'] {
  switch (field.kind) {
    case 'long':
      return textInput(field, true);
    case 'select':
      return field.options?.length ? select(field, field.options) : textInput(field, false);
    case 'date':
      return { type: 'datepicker', action_id: field.id, ...(field.initial && isDate(field.initial) ? { initial_date: field.initial } : {}) };
    case 'time':
      return { type: 'timepicker', action_id: field.id, ...(field.initial && isTime(field.initial) ? { initial_time: field.initial } : {}) };
    case 'short':
      return textInput(field, false);
  }
}

function inputOf(field: FormField): InputBlock {
  const hidden = field.kind === 'select' && (field.options?.length ?? 0) > SLACK.selectOptions;
  const more = hidden ? ` (the first ${SLACK.selectOptions} choices are shown)` : '';
  const hint = field.hint ? cutPlain(plainText(field.hint).trim(), SLACK.inputHint - more.length) + more : more.trim();
  return {
    type: 'input',
    block_id: field.id,
    label: plain(field.label, SLACK.inputLabel, field.id),
    element: elementOf(field),
    optional: !field.required,
    ...(hint ? { hint: { type: 'plain_text', text: hint } } : {}),
  };
}

/** What only a programming error produces: Slack would refuse it, and shortening it would break the round trip. */
function check(form: Form, callbackId: string, metadata: string): void {
  if (callbackId.length > SLACK.callbackId) throw new Error(`callback_id of form "${form.id.slice(0, 40)}" is longer than ${SLACK.callbackId} characters`);
  if (metadata.length > SLACK.privateMetadata) throw new Error(`private_metadata of ${metadata.length} characters; Slack takes ${SLACK.privateMetadata}`);
  if (form.fields.length > SLACK.viewBlocks - 3) throw new Error(`form "${form.id}" has ${form.fields.length} fields; a modal holds ${SLACK.viewBlocks} blocks`);
  const ids = new Set<string>();
  for (const { id } of form.fields) {
    if (id === '' || id.length > SLACK.blockId || ids.has(id)) throw new Error(`form "${form.id}" has a field id that is empty, too long or repeated: "${id.slice(0, 40)}"`);
    ids.add(id);
  }
}

/**
 * A form as a Slack modal: each field an input block whose block_id and action_id
 * are the field's id, so readModalValues can give the answers back by id. A title
 * longer than Slack's 24 characters is cut there and shown whole above the fields.
 */
export function renderModal(form: Form, options: ModalOptions = {}): ModalView {
  const callbackId = options.callbackId ?? form.id;
  const metadata = options.privateMetadata ?? '';
  check(form, callbackId, metadata);
  const title = plainText(form.title).replace(/\s+/g, ' ').trim();
  const bare = form.fields.length === 0 && !options.intro?.trim();
  const intro: Block[] = [
    // Shown whole when the title had to be cut, and so that a modal is never empty.
    ...(title.length > SLACK.viewTitle || bare ? [{ type: 'heading' as const, text: form.title }] : []),
    ...(options.intro?.trim() ? [{ type: 'paragraph' as const, text: options.intro }] : []),
  ];
  const lead = intro.length > 0 ? renderBlocks({ text: '', blocks: intro }, { surface: 'modal', maxBlocks: SLACK.viewBlocks - form.fields.length }) : [];
  const blocks: KnownBlock[] = [...lead, ...form.fields.map(inputOf)];
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(title, SLACK.viewTitle, 'Setwise'),
    submit: plain(form.submitLabel, SLACK.viewButton, 'Submit'),
    close: plain('Cancel', SLACK.viewButton, 'Cancel'),
    ...(metadata ? { private_metadata: metadata } : {}),
    blocks: blocks.length > 0 ? blocks : [section('Setwise')],
  };
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** One element's answer, read from the shape its type gives it; anything else reads as ''. */
function answerOf(state: Readonly<Record<string, unknown>>): string {
  switch (state.type) {
    case 'static_select':
      return isRecord(state.selected_option) ? text(state.selected_option.value) : '';
    case 'datepicker':
      return text(state.selected_date);
    case 'timepicker':
      return text(state.selected_time);
    default:
      return text(state.value);
  }
}

/**
 * The answers of a submitted modal (`view.state.values`) by field id, the inverse of
 * renderModal. The payload is untrusted: any shape is read without throwing, and what
 * does not fit is left out. Given the field ids, exactly those come back ('' when missing).
 */
export function readModalValues(stateValues: unknown, fieldIds?: readonly string[]): Record<string, string> {
  const found = new Map<string, string>();
  if (isRecord(stateValues)) {
    for (const block of Object.values(stateValues)) {
      if (!isRecord(block)) continue;
      for (const [actionId, state] of Object.entries(block)) {
        if (isRecord(state)) found.set(actionId, answerOf(state));
      }
    }
  }
  // fromEntries defines own properties, so a key such as "__proto__" stays a plain key.
  return Object.fromEntries(fieldIds ? fieldIds.map((id) => [id, found.get(id) ?? '']) : found);
}

type FieldErrors = Readonly<Record<string, string>>;

/**
 * The core's messages for fields that need another look, as `response_action:
 * 'errors'` wants them: by block_id (the field's id), each a sentence or two. Given
 * the form, a message for a field it does not have goes on its first field, so it is
 * still seen. Callable with the errors alone, when the form is not at hand.
 */
/**
 * A form's field errors as Slack's `response_action: errors` wants them. `inputs`
 * (the form, or the block ids of the modal's inputs) keeps every error on a field the
 * modal has: one on a field it lacks goes on its first, as Slack refuses unknown ids.
 */
export function fieldErrorsFor(errors: FieldErrors, inputs?: Form | readonly string[]): Record<string, string> {
  const ids = inputs === undefined ? undefined : Array.isArray(inputs) ? (inputs as readonly string[]) : (inputs as Form).fields.map((f) => f.id);
  const out = new Map<string, string>();
  for (const [id, message] of Object.entries(errors)) {
    const target = !ids || ids.includes(id) ? id : ids[0];
    if (target === undefined || target === '' || target.length > SLACK.blockId) continue;
    const said = plainText(message).replace(/\s+/g, ' ').trim() || 'Check this answer.';
    const before = out.get(target);
    out.set(target, cutPlain(before ? `${before} ${said}` : said, SETWISE.fieldError));
  }
  return Object.fromEntries(out);
}
