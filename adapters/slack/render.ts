/**
 * The core's messages as Slack shows them: Block Kit blocks, a notification text, a
 * Home tab, modals for forms. Every limit of Block Kit is kept here (limits.ts), so
 * Slack never refuses what Setwise sends; what does not fit is cut visibly.
 */
import type { HomeView } from '@slack/types';
import type { Message } from '../../src/ports/chat';
import { SETWISE } from './limits';
import { context, renderBlocks } from './render-blocks';
import { cutMarkup, escapeText, plainText } from './render-text';

export { actionIdOf } from './render-buttons';
export { renderBlocks, type RenderOptions, type Surface } from './render-blocks';
export { fieldErrorsFor, readModalValues, renderModal, type ModalOptions } from './render-modal';
export { escapeText, slackText } from './render-text';

/**
 * The `text` posted with the blocks: what a notification previews and a client
 * without blocks shows. People are named, not mentioned, so a mention notifies once
 * (from the blocks); the text is escaped, as Slack reads it as mrkdwn.
 */
export const plainFallback = (message: Message): string => cutMarkup(escapeText(plainText(message.text)), SETWISE.fallbackText);

/** A person's overview as their App Home tab: up to 100 blocks. */
export function renderHome(message: Message): HomeView {
  const blocks = renderBlocks(message, { surface: 'home' });
  return { type: 'home', blocks: blocks.length > 0 ? blocks : [context('Nothing to show yet.')] };
}
