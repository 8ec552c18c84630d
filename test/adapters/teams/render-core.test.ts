/**
 * The core's replies and nudges, rendered for Teams: a set driven through its life
 * with the longest hostile text the core accepts (Markdown links, forged <at> tags,
 * emphasis, headings), every reply, post, form (also shown again with an error on
 * every field) and overview parsed by the adaptivecards package with no error or
 * warning, within Teams' size, its people drawn as real mentions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readCardData } from '../../../adapters/teams/card-data';
import { renderActivity } from '../../../adapters/teams/render';
import type { Message } from '../../../src/ports/chat';
import { createHarness, type Harness } from '../../support/harness';
import { wholeProgramme } from '../../support/programme';
import { activityProblems } from '../../support/teams-cards';

/** `n` characters of text that would format, link or mention if it were not escaped. */
const hostile = (n: number, oneLine = true): string => {
  const unit = [...`[click](https://evil.example) <at>Bob</at> **b** _i_ # h > q ~s~ 🙂 ${oneLine ? '' : '\n- item\n1. one\n'}`];
  return Array.from({ length: n }, (_, i) => unit[i % unit.length]).join('');
};


let h: Harness | undefined;
afterEach(() => h?.close());

/** People as Teams ids, so every token is drawn as a real mention. */
const asTeams = (message: Message): Message => JSON.parse(JSON.stringify(message).replace(/\\u0001/g, '\\u000129:')) as Message;

/** Renders one message every way the Teams adapter sends it, and gives back what Teams would refuse. */
function problems(message: Message): string[] {
  const m = asTeams(message);
  const found = activityProblems(renderActivity(m));
  if (m.form) {
    const fieldErrors = Object.fromEntries(m.form.fields.map((f) => [f.id, hostile(300)]));
    const values = Object.fromEntries(m.form.fields.map((f) => [f.id, hostile(f.maxLength ?? 3000, f.kind !== 'long')]));
    found.push(...activityProblems(renderActivity(m, { fieldErrors, values })).map((p) => `with errors: ${p}`));
  }
  return found;
}

describe('the core\'s replies and nudges, rendered for Teams', () => {
  it('parse cleanly and stay within Teams\' size through a whole programme, with the longest text people can give', async () => {
    h = await createHarness();
    const everything = await wholeProgramme(h, {
      hostile,
      // As Teams sends a press: the card's Action.Execute data, read back.
      press: (message, button) => {
        const datas: unknown[] = [];
        JSON.stringify(renderActivity(message).attachments[0].content, (key, value: unknown) => (key === 'data' && datas.push(value), value));
        const payload = datas.map(readCardData).find((p) => p?.type === 'action' && p.actionId === button.id && p.value === button.value);
        expect(payload).toBeDefined();
        return payload!;
      },
    });

    if (process.env.SHOW) for (const { said, message } of everything) console.log(said.replace(/x{10,}/g, '…').slice(0, 60), '→', message.tone ?? '', message.text.slice(0, 100).replace(/\n/g, ' '));
    expect(h.chat.posts.length).toBeGreaterThan(20);
    const refused = everything.flatMap(({ said, message }) => problems(message).map((p) => `${said}: ${p}`));
    expect(refused).toEqual([]);
  }, 180_000); // a whole programme on a slow machine
});
