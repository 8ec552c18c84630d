/**
 * A whole meeting cycle in Teams, over HTTP, on the injected clock: a set made and
 * filled by mention, a schedule, the presenter notice whose card opens the challenge
 * form, the form submitted, an RSVP by button (the channel's reminder edited in
 * place), and the reminder and the reflection prompt in each person's own chat,
 * including a member who never wrote to the bot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector, type SentActivity } from '../../support/teams/connector';
import { CHANNEL, channelMessage, execute, personalMessage, teamsPerson } from '../../support/teams/activities';
import { startSetwiseTeams, type SetwiseTeams } from '../../support/teams/setwise';

const alice = teamsPerson('Alice');
const bob = teamsPerson('Bob');
const carol = teamsPerson('Carol'); // never writes to the bot
const everyone = [alice, bob, carol];

let fake: FakeConnector;
let setwise: SetwiseTeams;
let serviceUrl: string;

type Node = Record<string, unknown>;
const cardOf = (s: SentActivity | { activity: Node }): Node => ((s.activity.attachments as { content: Node }[] | undefined) ?? [])[0]?.content ?? {};
function walk(node: unknown, visit: (o: Node) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (node && typeof node === 'object') {
    visit(node as Node);
    for (const [k, v] of Object.entries(node)) if (k !== 'msteams') walk(v, visit);
  }
}
const textOf = (card: Node): string => {
  const out: string[] = [];
  walk(card, (o) => typeof o.text === 'string' && out.push(o.text));
  return out.join('\n');
};
const button = (card: Node, title: string): unknown => {
  let data: unknown;
  walk(card, (o) => {
    if (o.type === 'Action.Execute' && o.title === title && data === undefined) data = o.data;
  });
  return data;
};
const chatOf = (p: { id: string }) => (p === carol ? `a:personal-${p.id}` : `a:chat-with-${p.id}`);
const toPerson = (p: { id: string }) => fake.to(chatOf(p));

beforeAll(async () => {
  fake = await startFakeConnector();
  serviceUrl = fake.url;
  setwise = await startSetwiseTeams(new Date('2027-01-04T09:00:00Z'));
  await setwise.post(channelMessage({ serviceUrl, from: alice, text: 'set create Leaders tz Europe/London' }));
  await setwise.post(channelMessage({ serviceUrl, from: alice, text: 'member add @Bob @Carol', people: [bob, carol] }));
  // Alice and Bob have written to the bot in their own chats; Carol never has.
  await setwise.post(personalMessage({ serviceUrl, from: alice, text: 'help' }));
  await setwise.post(personalMessage({ serviceUrl, from: bob, text: 'help' }));
});
afterAll(async () => {
  await setwise.close();
  await fake.close();
});

describe('a whole meeting cycle in Teams', () => {
  it('schedules, and the presenter notice\'s card opens the challenge form, which saves', async () => {
    await setwise.post(channelMessage({ serviceUrl, from: alice, text: 'schedule every 2 weeks on tuesday at 10:00 from 2027-01-19 for 3 meetings' }));
    await setwise.advanceTo(new Date('2027-01-13T00:00:00Z'));
    const notices = everyone.flatMap((p) => toPerson(p).filter((s) => button(cardOf(s), 'Write my challenge')).map((s) => ({ p, s })));
    expect(notices.length).toBeGreaterThan(0);
    const { p: presenter, s: notice } = notices[0]!;

    const opened = await setwise.post(execute({ serviceUrl, from: presenter, data: button(cardOf(notice), 'Write my challenge'), replyToId: notice.id }));
    expect(opened.status).toBe(200);
    const form = toPerson(presenter).at(-1)!;
    const save = button(cardOf(form), 'Save') as Node;
    expect(save).toMatchObject({ setwise: 'form' });
    const inputs: Node[] = [];
    walk(cardOf(form), (o) => typeof o.type === 'string' && o.type.startsWith('Input.') && inputs.push(o));
    const values = Object.fromEntries(inputs.filter((i) => i.isRequired).map((i) => [i.id as string, 'How can I lead the merger of two teams?']));
    const saved = await setwise.post(execute({ serviceUrl, from: presenter, data: { ...save, ...values }, replyToId: form.id }));
    expect(textOf((saved.body as { value: Node }).value)).toMatch(/Saved version 1/);
  });

  it('posts the reminder to the channel; an RSVP by button is counted and the reminder is edited in place', async () => {
    await setwise.advanceTo(new Date('2027-01-18T16:00:00Z'));
    const reminder = fake.to(CHANNEL).find((s) => button(cardOf(s), 'Yes'))!;
    expect(reminder).toBeDefined();
    const before = fake.updated.length;
    const answer = await setwise.post(execute({ serviceUrl, from: bob, data: button(cardOf(reminder), 'Yes'), channel: CHANNEL, replyToId: reminder.id }));
    expect(answer.status).toBe(200);
    expect((await setwise.opened.rows()).filter((r) => r.table === 'rsvps')).toHaveLength(1);
    await expect.poll(() => fake.updated.slice(before).some((u) => u.id === reminder.id && /1 yes/.test(textOf(cardOf(u))))).toBe(true);
    // Each member also had their own reminder to answer, Carol in a chat opened for her.
    for (const p of everyone) expect(toPerson(p).some((s) => button(cardOf(s), 'Yes'))).toBe(true);
  });

  it('sends the reflection prompt to each member\'s own chat after the meeting, Carol\'s too', async () => {
    await setwise.advanceTo(new Date('2027-01-20T00:00:00Z'));
    for (const p of everyone) expect(toPerson(p).some((s) => button(cardOf(s), 'Write a reflection'))).toBe(true);
    expect(fake.opened.filter((o) => o.member === carol.id).length).toBeGreaterThanOrEqual(1);
  });
});
