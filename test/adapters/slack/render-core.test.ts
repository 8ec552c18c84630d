/**
 * The replies the core builds itself (src/app), and the nudges it sends, rendered for
 * Slack: a set driven through its life with the longest text the core accepts, every
 * reply, post, form and overview checked against Block Kit's limits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { actionIdOf, plainFallback, renderBlocks, renderHome, renderModal } from '../../../adapters/slack/render';
import type { Message } from '../../../src/ports/chat';
import { createHarness, type Harness } from '../../support/harness';
import { wholeProgramme } from '../../support/programme';
import { fallbackProblems, messageProblems, viewProblems } from '../../support/slack-limits';

/** `n` characters of text Slack would read as markup if it were not escaped. */
const hostile = (n: number, oneLine = true): string => {
  const unit = [...`<!channel> & <https://evil.example|click> *b* 🙂 ${oneLine ? '' : '\n'}`];
  return Array.from({ length: n }, (_, i) => unit[i % unit.length]).join('');
};


let h: Harness | undefined;
afterEach(() => h?.close());

/** Renders one message every way the Slack adapter sends it, and gives back what Slack would refuse. */
function problems(message: Message): string[] {
  const found = [...messageProblems(renderBlocks(message)), ...viewProblems(renderHome(message)), ...fallbackProblems(plainFallback(message))];
  if (message.form) found.push(...viewProblems(renderModal(message.form, { privateMetadata: '{"channel":"C1","kind":"channel"}', intro: message.text })));
  return found;
}

describe('the core\'s replies and nudges, rendered for Slack', () => {
  it('stay within Block Kit limits through a whole programme, with the longest text people can give', async () => {
    h = await createHarness();
    const everything = await wholeProgramme(h, {
      hostile,
      // As Slack sends a press: the rendered button's action_id, read back to the core's id.
      press: (message, button) => {
        const elements = renderBlocks(message).flatMap((block) => (block.type === 'actions' ? block.elements : []));
        const element = elements.find((e) => e.type === 'button' && actionIdOf(e.action_id!) === button.id && e.value === button.value);
        expect(element).toBeDefined();
        return { type: 'action', actionId: actionIdOf((element as { action_id: string }).action_id), value: (element as { value?: string }).value ?? '' };
      },
    });

    if (process.env.SHOW) for (const { said, message } of everything) console.log(said.replace(/x{10,}/g, '…').slice(0, 60), '→', message.tone ?? '', message.text.slice(0, 100).replace(/\n/g, ' '));
    expect(h.chat.posts.length).toBeGreaterThan(20);
    const refused = everything.flatMap(({ said, message }) => problems(message).map((p) => `${said}: ${p}`));
    expect(refused).toEqual([]);
  }, 180_000); // a whole programme on a slow machine
});
