import type { ActionsBlock, Button as SlackButton, ConfirmationDialog } from '@slack/types';
import type { Button, Confirm } from '../../src/ports/chat';
import { SLACK } from './limits';
import { plain } from './render-text';

/**
 * Slack wants every action_id once in a message, but buttons of one kind share the
 * core's id (three "rsvp" buttons with different values), so each gets its place
 * appended: `rsvp#0`, `rsvp#1`. The core's ids never hold a '#'.
 */
const slackActionId = (id: string, place: number): string => `${id}#${place}`;

/** The core's id of a pressed button: its action_id without the place. */
export function actionIdOf(slackActionId: string): string {
  const match = /^([^]*)#\d+$/.exec(slackActionId);
  return match ? match[1]! : slackActionId;
}

function confirmOf(confirm: Confirm, danger: boolean): ConfirmationDialog {
  return {
    title: plain(confirm.title, SLACK.confirmTitle, 'Are you sure?'),
    text: plain(confirm.text, SLACK.confirmText, 'Are you sure?'),
    confirm: plain(confirm.yes, SLACK.confirmButton, 'Yes'),
    deny: plain(confirm.no, SLACK.confirmButton, 'No'),
    ...(danger ? { style: 'danger' as const } : {}),
  };
}

/**
 * One button. An id or value too long for Slack is a programming error, not
 * something to shorten: a cut one would no longer route back to the core.
 */
function buttonOf(button: Button, place: number): SlackButton {
  const actionId = slackActionId(button.id, place);
  if (actionId.length > SLACK.actionId) throw new Error(`button id "${button.id.slice(0, 40)}…" is longer than a Slack action_id can be`);
  if (button.value.length > SLACK.buttonValue) throw new Error(`button "${button.id}" has a ${button.value.length}-character value; Slack takes ${SLACK.buttonValue}`);
  return {
    type: 'button',
    action_id: actionId,
    text: plain(button.label, SLACK.buttonText, button.id),
    ...(button.value ? { value: button.value } : {}),
    ...(button.style ? { style: button.style } : {}),
    ...(button.confirm ? { confirm: confirmOf(button.confirm, button.style === 'danger') } : {}),
  };
}

const weight = (b: SlackButton): number =>
  b.text.text.length + (b.value?.length ?? 0) + [b.confirm?.title, b.confirm?.text, b.confirm?.confirm, b.confirm?.deny].reduce((n, t) => n + (t?.text.length ?? 0), 0);

/**
 * Buttons in actions blocks of at most 25, as many as `budget` allows (any left out
 * are counted in `dropped`), and the text they weigh against the surface's budget.
 */
export function actionsOf(buttons: readonly Button[], budget: { readonly blocks: number; readonly chars: number }): { blocks: ActionsBlock[]; chars: number; dropped: number } {
  const elements: SlackButton[] = [];
  let chars = 0;
  for (const [place, button] of buttons.entries()) {
    const element = buttonOf(button, place);
    const fits = elements.length < budget.blocks * SLACK.actionsElements && chars + weight(element) <= budget.chars;
    if (!fits) return { blocks: inBlocks(elements), chars, dropped: buttons.length - place };
    elements.push(element);
    chars += weight(element);
  }
  return { blocks: inBlocks(elements), chars, dropped: 0 };
}

function inBlocks(elements: readonly SlackButton[]): ActionsBlock[] {
  const blocks: ActionsBlock[] = [];
  for (let i = 0; i < elements.length; i += SLACK.actionsElements) {
    blocks.push({ type: 'actions', elements: elements.slice(i, i + SLACK.actionsElements) });
  }
  return blocks;
}
