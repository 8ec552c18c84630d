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
import { CHALLENGE_FIELDS } from '../../../src/domain/challenge';
import { LIMITS } from '../../../src/domain/limits';
import type { Message } from '../../../src/ports/chat';
import type { Mention, Reply } from '../../../src/ports/inbound';
import { channel, createHarness, dmOf, person, type Harness } from '../../support/harness';
import { activityProblems } from '../../support/teams-cards';

/** `n` characters of text that would format, link or mention if it were not escaped. */
const hostile = (n: number, oneLine = true): string => {
  const unit = [...`[click](https://evil.example) <at>Bob</at> **b** _i_ # h > q ~s~ 🙂 ${oneLine ? '' : '\n- item\n1. one\n'}`];
  return Array.from({ length: n }, (_, i) => unit[i % unit.length]).join('');
};

const names = Array.from({ length: 20 }, (_, i) => `p${String(i).padStart(2, '0')}_${'x'.repeat(76)}`);
const [alice, bob, carol] = names as [string, string, string];

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
    h = createHarness();
    const harness = h;
    const seen: { said: string; message: Message }[] = [];
    async function say(name: string, place: string, text: string): Promise<Reply> {
      const mentions: Mention[] = [...text.matchAll(/@(\w+)/g)].map((m) => ({ token: m[0], identity: person(m[1]!) }));
      const where = place === 'dm' ? { kind: 'dm' as const, id: `D-${name}`, label: `dm @${name}`, address: dmOf(name) } : channel(place.replace(/^#/, ''));
      const reply = await harness.core.handle({ platform: 'console', workspaceId: 'W1', actor: person(name), where, payload: { type: 'command', text, mentions } });
      seen.push({ said: `${name}: ${text.slice(0, 60)}`, message: reply.message });
      return reply;
    }

    await say(alice, '#leaders', `set create ${hostile(LIMITS.setName).trim()} tz Europe/London`);
    await say(alice, '#leaders', `member add ${names.slice(1).map((n) => `@${n}`).join(' ')}`);
    await say(alice, '#leaders', `facilitator add @${bob}`);
    await say(alice, '#leaders', 'schedule every 1 weeks on tuesday at 10:00 for 3h from 2027-01-05 until 2027-12-31');
    await say(alice, '#leaders', 'presenters 3');
    for (const command of ['set info', 'schedule show', 'meetings', 'rotation', 'help', 'help schedule', 'calendar', 'frobnicate', 'schedule every', 'set nudges']) {
      await say(alice, '#leaders', command);
    }
    await say(carol, '#leaders', 'me tz Pacific/Chatham');
    await say(carol, '#leaders', 'meetings');

    const form = await say(bob, '#leaders', 'challenge');
    expect(form.message.form).toBeDefined();
    const values = Object.fromEntries(CHALLENGE_FIELDS.map((f) => [f.id, hostile(f.maxLength, !f.long)]));
    seen.push({ said: 'challenge form', message: (await harness.core.handle({ platform: 'console', workspaceId: 'W1', actor: person(bob), where: channel('leaders'), payload: { type: 'form', formId: form.message.form!.id, values } })).message });
    await say(carol, '#leaders', `challenge show @${bob}`);
    await say(bob, '#leaders', 'challenge');

    for (let i = 0; i < 60; i++) await say(bob, '#leaders', `action add ${hostile(500)}`);
    await say(bob, '#leaders', 'actions');
    await say(carol, '#leaders', `actions @${bob}`);
    for (let i = 0; i < 4; i++) await say(bob, '#leaders', `reflect ${hostile(3000, false)}`);
    await say(bob, '#leaders', 'journal');
    await say(alice, '#leaders', `checkin ${hostile(500)} next`);
    await say(alice, '#leaders', `prompt add reflection ${hostile(500)}`);
    await say(bob, 'dm', 'prompt');
    await say(bob, '#leaders', `rsvp no 2027-01-12`);
    await say(carol, '#leaders', `away from 2027-01-05 until 2027-02-28`);

    await harness.advanceTo(new Date('2027-03-10T00:00:00Z'));
    // Press the buttons of the latest nudge of each kind as Teams sends a press: the card's data, read back.
    const latest = new Map<string, (typeof harness.chat.posts)[number]>();
    for (const post of harness.chat.posts) if (post.to.kind === 'user') for (const button of post.raw.actions ?? []) latest.set(button.id, post);
    expect([...latest.keys()].sort()).toEqual(['challenge.open', 'reflection.open', 'rotation.withdraw', 'rsvp']);
    for (const post of new Set(latest.values())) {
      const name = (post.to.ref as { user: string }).user;
      const card = renderActivity(post.raw).attachments[0].content;
      const datas: unknown[] = [];
      JSON.stringify(card, (key, value: unknown) => (key === 'data' && datas.push(value), value));
      for (const data of datas) {
        const payload = readCardData(data);
        expect(payload?.type).toBe('action');
        const where = { kind: 'dm' as const, id: `D-${name}`, label: `dm @${name}`, address: dmOf(name) };
        const reply = await harness.core.handle({ platform: 'console', workspaceId: 'W1', actor: person(name), where, payload: payload! });
        expect(reply.message.text).not.toMatch(/no longer active/);
        seen.push({ said: `${name} pressed ${JSON.stringify(data).slice(0, 40)}`, message: reply.message });
      }
    }
    for (const command of ['rotation', 'set rename Northern & <Southern> Lights', 'meeting add 2027-04-01 at 09:00', 'meeting move 2027-03-16 to 2027-03-17 at 11:00', 'meeting cancel 2027-03-23', `swap @${bob} @${carol}`, 'journal share 1']) {
      await say(alice, '#leaders', command);
    }
    await say(bob, '#leaders', 'bid');
    await say(bob, '#leaders', 'withdraw');
    await say(bob, '#leaders', 'journal share 1');
    await say(alice, '#leaders', `member remove @${names[4]!}`);
    await say(names[5]!, 'dm', 'privacy export');
    await say(names[5]!, 'dm', 'privacy erase');

    const overviews = await Promise.all([alice, bob, names[19]!].map((n) => harness.core.overview('console', 'W1', person(n))));
    const everything = [...seen, ...harness.chat.posts.map((p) => ({ said: `post ${p.ref}`, message: p.raw })), ...overviews.map((message, i) => ({ said: `overview ${i}`, message }))];

    if (process.env.SHOW) for (const { said, message } of everything) console.log(said.replace(/x{10,}/g, '…').slice(0, 60), '→', message.tone ?? '', message.text.slice(0, 100).replace(/\n/g, ' '));
    expect(harness.chat.posts.length).toBeGreaterThan(20);
    const refused = everything.flatMap(({ said, message }) => problems(message).map((p) => `${said}: ${p}`));
    expect(refused).toEqual([]);
  }, 180_000); // a whole programme on a slow machine
});
