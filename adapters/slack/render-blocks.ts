import type { ContextBlock, KnownBlock, MrkdwnElement, SectionBlock } from '@slack/types';
import type { Block, Field, Message, Tone } from '../../src/ports/chat';
import { SETWISE, SLACK } from './limits';
import { actionsOf } from './render-buttons';
import { Layout, pack } from './render-layout';
import { cutMarkup, plainText, slackText } from './render-text';

/** Where blocks are shown: it sets how many they can be, and the wording of the note when they are shortened. */
export type Surface = 'message' | 'home' | 'modal';

export interface RenderOptions {
  /** Blocks the surface takes: Slack's limit for it unless given (tests give fewer). */
  readonly maxBlocks?: number;
  /** Text all the blocks may hold together: SETWISE.textBudget unless given. */
  readonly maxChars?: number;
  readonly surface?: Surface;
}

// verbatim: Slack must not turn a URL or a #channel someone typed into a link.
const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });
export const section = (text: string): SectionBlock => ({ type: 'section', text: mrkdwn(text) });
export const context = (text: string): ContextBlock => ({ type: 'context', elements: [mrkdwn(text)] });

/** A warning or an error leads with a mark, as the console's lead with "!". */
function withTone(blocks: readonly Block[], tone: Tone | undefined): readonly Block[] {
  if (tone !== 'warning' && tone !== 'error') return blocks;
  const mark = ':warning:';
  const [first, ...rest] = blocks;
  if (first?.type === 'heading' || first?.type === 'paragraph' || first?.type === 'context') return [{ ...first, text: `${mark} ${first.text}` }, ...rest];
  return [{ type: 'paragraph', text: mark }, ...blocks];
}

function heading(layout: Layout, text: string): void {
  const title = plainText(text).replace(/\s+/g, ' ').trim();
  if (title === '') return;
  if (title.length > SLACK.headerText) {
    // Too long for a header: bold text in a section keeps all of it.
    const bold = `*${slackText(text).trim()}*`;
    return pack(layout, [bold.length <= SLACK.sectionText ? bold : slackText(text)], SLACK.sectionText, section);
  }
  if (layout.fits(title.length)) return layout.add({ type: 'header', text: { type: 'plain_text', text: title } }, title.length);
  layout.omit(1);
}

function fieldText(field: Field): string {
  const label = slackText(field.label).trim();
  const value = slackText(field.value).trim();
  return label && value ? `*${label}*\n${value}` : label ? `*${label}*` : value;
}

/** Fields two to a row, ten to a section; one too long for a field gets sections of its own rather than being cut. */
function fields(layout: Layout, all: readonly Field[]): void {
  const texts = all.map(fieldText).filter((text) => text !== '');
  let group: string[] = [];
  let chars = 0;
  const flush = () => {
    if (group.length > 0) layout.add({ type: 'section', fields: group.map(mrkdwn) }, chars);
    group = [];
    chars = 0;
  };
  for (const [i, text] of texts.entries()) {
    if (layout.full) return layout.omit(texts.length - i);
    if (text.length > SLACK.fieldText) {
      flush();
      pack(layout, [text], SLACK.sectionText, section);
      continue;
    }
    if (group.length > 0 && group.length < SLACK.fieldsPerSection && layout.charsLeft >= chars + text.length) {
      group.push(text);
      chars += text.length;
      continue;
    }
    flush();
    if (layout.fits(text.length)) {
      group = [text];
      chars = text.length;
      continue;
    }
    const room = Math.min(SLACK.fieldText, layout.charsLeft);
    if (layout.blocksLeft >= 1 && room >= SETWISE.shortestCut) layout.add({ type: 'section', fields: [mrkdwn(cutMarkup(text, room))] }, room);
    return layout.omit(texts.length - i);
  }
  flush();
}

function emit(layout: Layout, block: Block): void {
  switch (block.type) {
    case 'heading':
      return heading(layout, block.text);
    case 'paragraph':
      return pack(layout, slackText(block.text).split('\n'), SLACK.sectionText, section);
    case 'context':
      return pack(layout, slackText(block.text).split('\n'), SETWISE.contextText, context);
    case 'list':
      return pack(layout, block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${slackText(item)}`), SLACK.sectionText, section);
    case 'fields':
      return fields(layout, block.fields);
    case 'divider':
      if (layout.fits(0)) layout.add({ type: 'divider' }, 0);
  }
}

const WHERE: Record<Surface, string> = { message: 'in one Slack message', home: 'on this Home tab', modal: 'in this form' };

function shortened(lines: number, buttons: number, surface: Surface): string {
  const parts = [lines > 0 ? `${lines} more ${lines === 1 ? 'line' : 'lines'}` : '', buttons > 0 ? `${buttons} ${buttons === 1 ? 'button' : 'buttons'}` : ''];
  return `… (shortened: ${parts.filter(Boolean).join(' and ')} did not fit ${WHERE[surface]})`;
}
// Room kept for that note: its longest wording with six-digit counts.
const NOTE_CHARS = 120;

/**
 * A message as Block Kit blocks within the surface's limits: its blocks (or its text
 * when it has none), then a note if anything had to be left out, then its buttons.
 * Text that does not fit one block continues in the next; once the surface is full,
 * the last text shown ends with "…" and the note says how much more there was.
 */
export function renderBlocks(message: Message, options: RenderOptions = {}): KnownBlock[] {
  const surface = options.surface ?? 'message';
  const maxBlocks = options.maxBlocks ?? (surface === 'message' ? SLACK.messageBlocks : SLACK.viewBlocks);
  const maxChars = options.maxChars ?? SETWISE.textBudget;
  if (maxBlocks < 3 || maxChars < 2 * NOTE_CHARS) throw new Error('renderBlocks needs room for at least three blocks and the shortening note');
  // Buttons come first in the budget, as they are what a reader acts on; a fifth of the blocks and half the text at most.
  const actions = actionsOf(message.actions ?? [], { blocks: Math.max(1, Math.floor(maxBlocks / 5)), chars: maxChars / 2 });
  const layout = new Layout(maxBlocks - actions.blocks.length - 1, maxChars - actions.chars - NOTE_CHARS);
  const blocks: readonly Block[] = message.blocks?.length ? message.blocks : [{ type: 'paragraph', text: message.text }];
  for (const block of withTone(blocks, message.tone)) emit(layout, block);
  const note = layout.full || actions.dropped > 0 ? [context(shortened(layout.omitted, actions.dropped, surface))] : [];
  return [...layout.blocks, ...note, ...actions.blocks];
}
