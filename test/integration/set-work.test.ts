import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channel, createHarness, dmOf, person, type Harness } from '../support/harness';

let h: Harness;
const CHALLENGE = 'How can I get the two district teams to share one budget without losing either manager?';
const WHY = 'My service will not survive another year of split funding';
const REFLECTION = 'I noticed that I rush to fix things for Priyanka when she is anxious';

beforeEach(async () => {
  h = await createHarness(new Date('2026-12-01T12:00:00Z'));
  await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
  await h.say('alice', '#leaders', 'member add @bob @carol');
  await h.say('zoe', '#other', 'set create Other Set tz Europe/London');
  await h.say('zoe', '#other', 'member add @dave');
});
afterEach(() => h.close());

/** alice fills in the challenge form the way any adapter would hand it back. */
async function submitChallenge(values: Record<string, string>) {
  const opened = await h.say('alice', '#leaders', 'challenge');
  const form = opened.message.form!;
  return h.core.handle({ platform: 'console', workspaceId: 'W1', actor: person('alice'), where: channel('leaders'), payload: { type: 'form', formId: form.id, values } });
}

/** Every message dave has been sent or shown, anywhere. */
const everythingDaveSaw: string[] = [];

describe('challenges', () => {
  it('are read by the set and nobody else', async () => {
    const opened = await h.say('alice', '#leaders', 'challenge');
    expect(opened.message.form?.fields.map((f) => [f.id, f.required, f.maxLength])).toEqual([
      ['challenge', true, 200],
      ['why', false, 1000],
      ['who', false, 1000],
      ['tried', false, 1000],
      ['progress', false, 1000],
      ['ask', false, 500],
    ]);
    expect((await submitChallenge({ challenge: CHALLENGE, why: WHY })).message.text).toBe(
      'Saved version 1 of your challenge. The members of Northern Lights can read it with `challenge show @alice`.',
    );
    expect(await h.text('bob', '#leaders', 'challenge show @alice')).toBe(
      `@alice's challenge (version 1):\nYour challenge in a sentence: ${CHALLENGE}\nWhy it matters to you: ${WHY}`,
    );
    for (const [place, command] of [['#other', 'challenge show @alice'], ['#leaders', 'challenge show @alice'], ['dm', 'challenge show @alice'], ['#other', 'challenge show']] as const) {
      everythingDaveSaw.push(await h.text('dave', place, command));
    }
    everythingDaveSaw.push(...h.chat.to(dmOf('dave')).map((m) => m.text));
    expect(everythingDaveSaw.join('\n')).not.toContain('district teams');
    expect(everythingDaveSaw[0]).toBe('@alice is not a member of Other Set.');
    expect(everythingDaveSaw[1]).toMatch(/^You're not a member of the set in #leaders/);
    expect(h.chat.posts.map((p) => p.message.text).join('\n')).not.toContain('district teams'); // never broadcast
  });

  it('keep each version, open the form with the current one, and can be withdrawn', async () => {
    await submitChallenge({ challenge: CHALLENGE });
    await submitChallenge({ challenge: 'How can I lead the merger of two teams?', ask: 'Hard questions' });
    expect((await h.say('alice', '#leaders', 'challenge')).message.form?.fields[0]?.initial).toBe('How can I lead the merger of two teams?');
    expect(await h.text('bob', '#leaders', 'challenge show @alice')).toMatch(/^@alice's challenge \(version 2\):/);
    expect(await h.text('alice', '#leaders', 'challenge withdraw')).toBe('Withdrawn: Northern Lights no longer sees your challenge.');
    expect(await h.text('bob', '#leaders', 'challenge show @alice')).toBe('@alice has not written up a challenge.');
    expect(await h.text('alice', '#leaders', 'challenge withdraw')).toBe('You have no challenge to withdraw.');
  });

  it('check the form: the sentence is needed and every part has a limit', async () => {
    // Each problem comes back on its own field, for the form to show where it is.
    expect((await submitChallenge({ why: WHY })).fieldErrors).toEqual({ challenge: '"Your challenge in a sentence" is needed' });
    const tooLong = await submitChallenge({ challenge: 'x'.repeat(201), ask: 'y'.repeat(501) });
    expect(tooLong.fieldErrors).toEqual({ challenge: '"Your challenge in a sentence" can be at most 200 characters', ask: '"What you want from the set today" can be at most 500 characters' });
    expect(tooLong.message.text).toBe('Nothing was saved: "Your challenge in a sentence" can be at most 200 characters; "What you want from the set today" can be at most 500 characters.');
    expect(await h.text('bob', '#leaders', 'challenge show @alice')).toBe('@alice has not written up a challenge.');
  });
});

describe('reflections', () => {
  it('stay private until their author shares one, which then goes to the set\'s channel only', async () => {
    expect(await h.text('carol', '#leaders', `reflect ${REFLECTION}`)).toBe('Kept as journal entry 1, private to you. To share it with Northern Lights, type `journal share 1`.');
    await h.say('carol', 'dm', 'reflect A second thought, kept to myself');
    expect(h.chat.posts.filter((p) => p.message.text.includes('rush to fix'))).toHaveLength(0);
    expect(await h.text('bob', '#leaders', 'journal')).toMatch(/^Your journal is empty/);
    expect(await h.text('carol', 'dm', 'journal')).toBe(
      `Your journal (only you can see it):\n1. Tue 1 Dec 2026: ${REFLECTION}\n2. Tue 1 Dec 2026: A second thought, kept to myself`,
    );
    expect(await h.text('bob', '#leaders', 'journal share 1')).toBe('You have no journal entry 1. Type `journal` to see their numbers.');
    await h.say('carol', '#leaders', 'journal share 1');
    const shared = h.chat.posts.filter((p) => p.message.text.includes('rush to fix'));
    expect(shared.map((p) => [p.to, p.message.text])).toEqual([[channel('leaders').address, `@carol shares a reflection: ${REFLECTION}`]]);
    expect(h.chat.posts.some((p) => p.message.text.includes('second thought'))).toBe(false);
  });

  it('can be written in a reply form from the reflection prompt, and stay private', async () => {
    const opened = await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: person('bob'), where: { kind: 'dm', id: 'D-bob', label: 'dm @bob', address: dmOf('bob') }, payload: { type: 'action', actionId: 'reflection.open', value: '1' } });
    expect(opened.message.form).toMatchObject({ id: 'reflection:1', fields: [{ id: 'text', kind: 'long', required: true, maxLength: 3000 }] });
    const kept = await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: person('bob'), where: { kind: 'dm', id: 'D-bob', label: 'dm @bob', address: dmOf('bob') }, payload: { type: 'form', formId: 'reflection:1', values: { text: 'I talk too much when nervous' } } });
    expect(kept.message.text).toBe('Kept as journal entry 1, private to you. To share it with the set, type `journal share 1`.');
    expect(h.chat.posts.some((p) => p.message.text.includes('talk too much'))).toBe(false);
  });

  it('gives a fresh prompt on demand, not the same twice running', async () => {
    const first = await h.text('bob', '#leaders', 'prompt');
    const second = await h.text('bob', '#leaders', 'prompt');
    expect(first).toMatch(/Write your thoughts privately with `reflect <text>`\.$/);
    expect(second).not.toBe(first);
  });
});

describe('check-ins', () => {
  beforeEach(async () => {
    await h.say('alice', '#leaders', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 2 meetings');
  });

  it('post now, or open the next meeting in place of the library\'s pick (facilitators)', async () => {
    expect(await h.text('alice', '#leaders', 'checkin What are you proud of this month? now')).toBe('Posted to #leaders.');
    expect(h.chat.to(channel('leaders').address).at(-1)?.text).toMatch(/^Check-in for today's meeting of Northern Lights: What are you proud of this month\?/);
    expect(await h.text('alice', '#leaders', 'checkin Who surprised you lately? next')).toBe(
      'Queued: it opens the meeting on Tue 5 Jan 2027, 10:00–13:00 Europe/London, in place of the library\'s question.',
    );
    expect(await h.text('bob', '#leaders', 'checkin Hello? now')).toBe('Only a facilitator of Northern Lights can post check-in questions.');
    await h.say('carol', '#leaders', 'action add book the one-to-one with finance');
    await h.advanceTo(new Date('2027-01-05T10:00:00Z'));
    expect(h.chat.to(channel('leaders').address).at(-1)?.text).toMatch(/^Check-in for today's meeting of Northern Lights: Who surprised you lately\?/);
    expect(h.chat.to(dmOf('carol')).at(-1)?.text).toMatch(/^For today's check-in at Northern Lights, the actions you committed to:\n1\. book the one-to-one with finance/);
    await h.advanceTo(new Date('2027-02-02T10:00:00Z'));
    const library = h.chat.to(channel('leaders').address).at(-1)!.text;
    expect(library).not.toContain('Who surprised you lately');
    expect(library).toMatch(/^Check-in for today's meeting of Northern Lights: /);
  });

  it('lets facilitators add their own prompts and pick themes', async () => {
    expect(await h.text('alice', '#leaders', 'prompt add reflection What did you leave unsaid today, and why?')).toBe("Added to Northern Lights's reflection prompts. It takes its turn with the rest.");
    expect(await h.text('alice', '#leaders', 'prompt themes Feel connect')).toBe("Northern Lights's prompts now favour Feel, Connect.");
    expect(await h.text('alice', '#leaders', 'prompt themes Courage')).toBe('"Courage" is not a theme. Use Drive, Think, Feel, Connect, Inspire, or all.');
    expect(await h.text('bob', '#leaders', 'prompt add checkin Anything at all today?')).toBe('Only a facilitator of Northern Lights can add prompts.');
  });
});

describe('what people type, stored and shown again', () => {
  it('keeps no terminal escapes, bells or bidi overrides in a reflection, a challenge or a name', async () => {
    await h.say('bob', '#leaders', 'reflect bell\u0007 and \u001b[31mred\u001b[0m and \u202eevil');
    expect(await h.text('bob', '#leaders', 'journal')).toContain('1. Tue 1 Dec 2026: bell and [31mred[0m and evil');
    const form = (await h.say('bob', '#leaders', 'challenge')).message.form!;
    await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: person('bob'), where: channel('leaders'), payload: { type: 'form', formId: form.id, values: { challenge: 'How can I\nmend\u0000 this?', why: 'line one\nline two\u001b' } } });
    const shown = await h.text('carol', '#leaders', 'challenge show @bob');
    expect(shown).toContain('How can I mend this?'); // one line stays one line
    expect(shown).toContain('line one\nline two');
    // A name with an override and a zero-width space is stored as it reads.
    await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: { ...person('bob'), displayName: 'b\u202eo\u200bb\u0007' }, where: channel('leaders'), payload: { type: 'command', text: 'set info', mentions: [] } });
    expect(await h.text('alice', '#leaders', 'set info')).toContain('Members: @bob and @carol.');
  });
});
