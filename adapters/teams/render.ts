/**
 * The core's messages as Teams shows them: an Adaptive Card (schema 1.5) for every
 * message, with a plain-text fallback. Blocks become text blocks and fact sets,
 * buttons Action.Execute (a confirm step for destructive ones), forms cards with
 * inputs. Every card stays under Teams' message size, cut visibly when it must be;
 * people's text is escaped (render-text.ts), so only Setwise's own naming of a person
 * becomes a mention.
 */
import type { Block, Button, Form, FormField, Message, Tone } from '../../src/ports/chat';
import { buttonData, formData, inputIdOf, VERBS } from './card-data';
import { CARD, TEAMS, TEAMS_MAX_BYTES } from './card-limits';
import { cutPlain, isTeamsUserId, jsonBytes, markdownLines, Mentions, plainLine, plainText, splitMarkdown } from './render-text';
import { ADAPTIVE_CARD, type AdaptiveCardJson, type CardMessage, type CardOptions, type Json } from './render-types';

export { ADAPTIVE_CARD, type AdaptiveCardJson, type CardMessage, type CardOptions, type MentionEntity } from './render-types';
export { TEAMS_MAX_BYTES } from './card-limits';
export { isTeamsUserId };

/** Bytes Teams counts for an activity: UTF-8 length of its JSON. */
export const activityBytes = (activity: unknown): number => jsonBytes(activity);

const CUT_NOTE = '… cut: this message was too long for Teams.';

/** The message's text as one line for notifications and clients without cards: people as @name, cut visibly. */
export const plainFallback = (message: Message): string => cutPlain(plainText(message.text).replace(/\s+/g, ' ').trim(), CARD.fallbackText) || 'Setwise';

const TONE_COLOR: Record<Tone, string | undefined> = { info: undefined, success: 'good', warning: 'warning', error: 'attention' };
const TONE_MARK: Record<Tone, string> = { info: '', success: '', warning: '⚠️ ', error: '⚠️ ' };

interface Drawn {
  /** Body elements that may be dropped from the end when the card is too large. */
  readonly content: Json[];
  /** Body elements that always stay (a form's inputs and their errors). */
  readonly fixed: Json[];
}

/** Markdown text as text blocks of a safe size: paragraphs apart, each split where it can be. */
function textBlocks(text: string, mentions: Mentions, extra: Json = {}): Json[] {
  const paragraphs = markdownLines(text, mentions)
    .join('\n')
    .split(/\n{2,}/)
    .map((p) => p.split('\n').filter((l) => l !== '').join('\n\n'))
    .filter((p) => p.trim() !== '');
  return paragraphs.flatMap((p) => splitMarkdown(p, CARD.blockText)).map((piece) => ({ type: 'TextBlock', text: piece, wrap: true, ...extra }));
}

function blockElements(block: Block, mentions: Mentions): Json[] {
  switch (block.type) {
    case 'heading':
      return textBlocks(block.text, mentions, { size: 'Large', weight: 'Bolder', style: 'heading' });
    case 'paragraph':
      return textBlocks(block.text, mentions);
    case 'context':
      return textBlocks(block.text, mentions, { isSubtle: true, size: 'Small' });
    case 'divider':
      return [];
    case 'list': {
      const items = block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${markdownLines(item, mentions).filter((l) => l !== '').join(' ')}`);
      return items.flatMap((item) => splitMarkdown(item, CARD.blockText)).map((text) => ({ type: 'TextBlock', text, wrap: true }));
    }
    case 'fields': {
      const short = block.fields.every((f) => plainLine(f.label).length <= CARD.factTitle && f.value.length <= CARD.factValue && !f.value.includes('\n'));
      if (short) {
        const facts = block.fields.map((f) => ({ title: plainLine(f.label) || ' ', value: markdownLines(f.value, mentions).filter((l) => l !== '').join(' ') || ' ' }));
        return [{ type: 'FactSet', facts }];
      }
      // A long value reads better as a label and its own text than squeezed into a fact column.
      return block.fields.flatMap((f) => [{ type: 'TextBlock', text: cutPlain(plainLine(f.label), CARD.inputLabel) || ' ', weight: 'Bolder', wrap: true }, ...textBlocks(f.value, mentions)]);
    }
  }
}

/** A destructive button asks first: a shown card with the question and the real button. */
function actionOf(button: Button): Json {
  const title = cutPlain(plainLine(button.label), CARD.actionTitle) || 'Go';
  const execute = { type: 'Action.Execute', title, verb: VERBS.button, data: buttonData(button.id, button.value), ...(button.style ? { style: button.style === 'danger' ? 'destructive' : 'positive' } : {}) };
  if (!button.confirm) return execute;
  const { confirm } = button;
  return {
    type: 'Action.ShowCard',
    title,
    card: {
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: cutPlain(plainLine(confirm.title), CARD.inputLabel) || title, weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: cutPlain(plainText(confirm.text), CARD.blockText), wrap: true },
      ],
      actions: [{ ...execute, title: cutPlain(plainLine(confirm.yes), CARD.actionTitle) || 'Yes', style: 'destructive' }],
    },
  };
}

function inputOf(field: FormField, value: string | undefined): Json {
  const common = {
    id: inputIdOf(field.id),
    label: cutPlain(plainLine(field.label), CARD.inputLabel) || field.id,
    isRequired: field.required,
    errorMessage: `${cutPlain(plainLine(field.label), CARD.inputLabel) || 'This'} is required.`,
  };
  switch (field.kind) {
    case 'select': {
      const choices = (field.options ?? []).slice(0, CARD.choices).map((o) => ({ title: cutPlain(plainLine(o.label), CARD.choiceTitle) || o.value, value: o.value }));
      return { type: 'Input.ChoiceSet', ...common, style: 'compact', choices, ...(value && choices.some((c) => c.value === value) ? { value } : {}) };
    }
    case 'date':
      return { type: 'Input.Date', ...common, ...(value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { value } : {}) };
    case 'time':
      return { type: 'Input.Time', ...common, ...(value && /^\d{2}:\d{2}$/.test(value) ? { value } : {}) };
    default: {
      const max = field.maxLength;
      return {
        type: 'Input.Text',
        ...common,
        ...(field.kind === 'long' ? { isMultiline: true } : {}),
        ...(max ? { maxLength: max } : {}),
        ...(field.hint ? { placeholder: cutPlain(plainLine(field.hint), CARD.inputHint) } : {}),
        ...(value ? { value: cutPlain(plainText(value), Math.max(max ?? CARD.inputValue, CARD.inputValue)) } : {}),
      };
    }
  }
}

function formElements(form: Form, options: CardOptions): Json[] {
  const errors = options.fieldErrors ?? {};
  return form.fields.flatMap((field) => {
    const value = options.values?.[field.id] ?? field.initial;
    const error = errors[field.id];
    return [inputOf(field, value), ...(error ? [{ type: 'TextBlock', text: cutPlain(plainText(error), CARD.fieldError), color: 'attention', wrap: true, spacing: 'None' }] : [])];
  });
}

function draw(message: Message, options: CardOptions, mentions: Mentions): Drawn {
  const content: Json[] = [];
  const tone = message.tone ?? 'info';
  if (message.form) content.push(...textBlocks(message.form.title, mentions, { size: 'Large', weight: 'Bolder', style: 'heading' }));
  const lead = textBlocks(`${TONE_MARK[tone]}${message.text}`, mentions, TONE_COLOR[tone] ? { color: TONE_COLOR[tone] } : {});
  // Blocks say the whole message when there are any; the text leads only a warning, an error or a form.
  if (!message.blocks?.length || message.form || tone === 'warning' || tone === 'error') content.push(...lead);
  let separate = false;
  for (const block of message.blocks ?? []) {
    if (block.type === 'divider') {
      separate = true;
      continue;
    }
    const drawn = blockElements(block, mentions);
    if (separate && drawn[0]) drawn[0] = { ...drawn[0], separator: true };
    separate = false;
    content.push(...drawn);
  }
  const fixed = message.form ? formElements(message.form, options) : [];
  return { content, fixed };
}

function actionsOf(message: Message): { actions: Json[]; sets: Json[] } {
  const all = (message.actions ?? []).map(actionOf);
  if (message.form) all.push({ type: 'Action.Execute', title: cutPlain(plainLine(message.form.submitLabel), CARD.actionTitle) || 'Submit', verb: VERBS.form, data: formData(message.form.id), associatedInputs: 'auto', style: 'positive' });
  if (all.length <= TEAMS.actionsPerRow) return { actions: all, sets: [] };
  // Teams shows six in a row: the rest go in rows of their own, so every button stays reachable.
  const sets: Json[] = [];
  for (let i = TEAMS.actionsPerRow; i < all.length; i += TEAMS.actionsPerRow) sets.push({ type: 'ActionSet', actions: all.slice(i, i + TEAMS.actionsPerRow) });
  return { actions: all.slice(0, TEAMS.actionsPerRow), sets };
}

/** Every text a card shows, to find which mentions it still holds. */
function textsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => textsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'text' || key === 'value' || key === 'title') && typeof value === 'string') out.push(value);
      else if (key !== 'msteams') textsIn(value, out);
    }
  }
  return out;
}

function assemble(message: Message, content: readonly Json[], drawn: Drawn, mentions: Mentions, cut: boolean): AdaptiveCardJson {
  const { actions, sets } = actionsOf(message);
  const body = [...content, ...(cut ? [{ type: 'TextBlock', text: CUT_NOTE, isSubtle: true, wrap: true }] : []), ...drawn.fixed, ...sets];
  if (body.length === 0) body.push({ type: 'TextBlock', text: ' ', wrap: true });
  const entities = mentions.within(textsIn(body));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    fallbackText: plainFallback(message),
    msteams: { width: 'Full', ...(entities.length ? { entities } : {}) },
  };
}

const activityOf = (message: Message, card: AdaptiveCardJson): CardMessage => ({
  type: 'message',
  summary: plainFallback(message),
  attachments: [{ contentType: ADAPTIVE_CARD, content: card }],
});

/**
 * The card for a message, within Teams' size: when the whole does not fit, as much of
 * the text as fits, in order, and a note that the rest was cut. A form keeps its
 * inputs and its submit button whatever is cut.
 */
export function renderCard(message: Message, options: CardOptions = {}): AdaptiveCardJson {
  const mentions = new Mentions();
  const drawn = draw(message, options, mentions);
  const whole = assemble(message, drawn.content, drawn, mentions, false);
  const fits = (card: AdaptiveCardJson) => activityBytes(activityOf(message, card)) <= TEAMS_MAX_BYTES;
  if (fits(whole)) return whole;
  let low = 0;
  let high = drawn.content.length - 1;
  let best = assemble(message, [], drawn, mentions, true);
  while (low <= high) {
    const keep = (low + high) >> 1;
    const card = assemble(message, drawn.content.slice(0, keep), drawn, mentions, true);
    if (fits(card)) {
      best = card;
      low = keep + 1;
    } else high = keep - 1;
  }
  return best;
}

export const renderActivity = (message: Message, options: CardOptions = {}): CardMessage => activityOf(message, renderCard(message, options));
