/**
 * A set driven through a whole programme with the longest text the core accepts, for
 * the renderers' tests: every reply, every post and nudge, every form (submitted at
 * its longest) and three overviews, each with what was said to get it. Each platform
 * gives its own hostile text and presses the nudges' buttons as its cards send them.
 */
import { expect } from 'vitest';
import { CHALLENGE_FIELDS } from '../../src/domain/challenge';
import { LIMITS } from '../../src/domain/limits';
import type { Button, Message } from '../../src/ports/chat';
import type { Mention, Payload, Reply } from '../../src/ports/inbound';
import { channel, dmOf, person, type Harness } from './harness';

export interface Seen {
  readonly said: string;
  readonly message: Message;
}

/** Display names as long as platforms give them, in the \w the harness reads as mentions. */
export const names = Array.from({ length: 20 }, (_, i) => `p${String(i).padStart(2, '0')}_${'x'.repeat(76)}`);
const [alice, bob, carol] = names as [string, string, string];

export interface Programme {
  /** `n` characters of text the platform would read as markup if it were not escaped. */
  readonly hostile: (n: number, oneLine?: boolean) => string;
  /** A button as the platform's card or block sends it back to the core. */
  readonly press: (message: Message, button: Button) => Payload;
}

export async function wholeProgramme(harness: Harness, { hostile, press }: Programme): Promise<Seen[]> {
  const seen: Seen[] = [];
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
  // Press the buttons of the latest nudge of each kind, as the platform sends a press.
  const latest = new Map<string, (typeof harness.chat.posts)[number]>();
  for (const post of harness.chat.posts) if (post.to.kind === 'user') for (const button of post.raw.actions ?? []) latest.set(button.id, post);
  expect([...latest.keys()].sort()).toEqual(['challenge.open', 'reflection.open', 'rotation.withdraw', 'rsvp']);
  for (const post of new Set(latest.values())) {
    const name = (post.to.ref as { user: string }).user;
    for (const button of post.raw.actions ?? []) {
      const where = { kind: 'dm' as const, id: `D-${name}`, label: `dm @${name}`, address: dmOf(name) };
      const reply = await harness.core.handle({ platform: 'console', workspaceId: 'W1', actor: person(name), where, payload: press(post.raw, button) });
      expect(reply.message.text).not.toMatch(/no longer active/);
      seen.push({ said: `${name} pressed ${button.id}`, message: reply.message });
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

  // A live meeting: its run-sheet at every stage, with the buttons pressed as the platform sends them.
  await harness.advanceTo(new Date('2027-03-30T08:50:00Z'));
  await say(alice, '#leaders', 'meeting start');
  const sheet = () => harness.chat.updates.at(-1)?.raw ?? harness.chat.posts.filter((p) => p.raw.actions?.some((b) => b.id === 'meeting.next')).at(-1)!.raw;
  const pressOn = async (name: string, message: Message, id: string) => {
    const button = message.actions?.find((b) => b.id === id);
    expect(button, `${id} on the run-sheet`).toBeDefined();
    const reply = await harness.core.handle({ platform: 'console', workspaceId: 'W1', actor: person(name), where: channel('leaders'), payload: press(message, button!) });
    seen.push({ said: `${name} pressed ${id}`, message: reply.message });
    return reply;
  };
  for (const n of names.slice(2, 12)) await pressOn(n, sheet(), 'meeting.here');
  await say(alice, '#leaders', `here no @${names[12]!} @${names[13]!}`);
  await pressOn(alice, sheet(), 'meeting.next');
  for (const n of names.slice(6, 9)) await pressOn(n, sheet(), 'meeting.bid');
  await say(alice, '#leaders', 'meeting plan');
  const plan = await pressOn(alice, seen.at(-1)!.message, 'meeting.plan');
  const planForm = plan.message.form!;
  seen.push({ said: 'time boxes form', message: (await harness.core.handle({ platform: 'console', workspaceId: 'W1', actor: person(alice), where: channel('leaders'), payload: { type: 'form', formId: planForm.id, values: Object.fromEntries(planForm.fields.map((f) => [f.id, '240'])) } })).message });
  await pressOn(alice, sheet(), 'meeting.next');
  const actionForm = (await pressOn(bob, sheet(), 'action.open')).message.form!;
  seen.push({ said: 'action form', message: (await harness.core.handle({ platform: 'console', workspaceId: 'W1', actor: person(bob), where: channel('leaders'), payload: { type: 'form', formId: actionForm.id, values: { text: hostile(500), due: '2027-04-20' } } })).message });
  await say(alice, '#leaders', 'meeting plan issue 5 review 5');
  await harness.advanceTo(new Date('2027-03-30T11:00:00Z')); // the heads-ups of the stages on the way
  for (let i = 0; i < 12 && harness.chat.updates.at(-1)?.raw.actions?.some((b) => b.id === 'meeting.next'); i++) await pressOn(alice, sheet(), 'meeting.next');
  const sponsor = `s_${'x'.repeat(78)}`;
  await say(alice, '#leaders', `sponsor add @${sponsor}`);
  await say(sponsor, 'dm', 'report');
  await say(alice, '#leaders', 'report programme');

  const overviews = await Promise.all([alice, bob, names[19]!].map((n) => harness.core.overview('console', 'W1', person(n))));
  return [...seen, ...harness.chat.posts.map((p) => ({ said: `post ${p.ref}`, message: p.raw })), ...harness.chat.updates.map((u, i) => ({ said: `edit ${i}`, message: u.raw })), ...overviews.map((message, i) => ({ said: `overview ${i}`, message }))];
}
