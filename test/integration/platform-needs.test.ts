/**
 * What the core gives the coming Slack and Teams adapters, proved through its public
 * entry points (`core.handle`, `core.overview`) as an adapter would call them: person
 * tokens, events handled once, a reply that replaces the pressed message, field
 * errors on forms, zones reported by the platform, and a person's overview.
 *
 * `h.say` draws tokens as "@name"; these tests mostly call the core directly
 * (`type`, `press`, `submit` below) to see the reply exactly as an adapter gets it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readButton } from '../../src/messages/interactions/buttons';
import { namedIn, withPlainNames, type Button, type Message, type Platform, type PostedMessage } from '../../src/ports/chat';
import type { Identity, Mention, Payload, Reply, Where } from '../../src/ports/inbound';
import { channel, createHarness, dmOf, person, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2026-12-01T12:00:00Z'));
  await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
  await h.say('alice', '#leaders', 'member add @bob @carol @dave');
});
afterEach(() => h.close());

const SCHEDULE = 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 3 meetings';
const CHALLENGE = 'How can I get the two district teams to share one budget?';

/** A token naming alice, pasted by someone who is not Setwise. */
const FORGED = '\u0001U-alice\u0002alice\u0003';
/** True if any of the token delimiters got through (kept as a string test: a control-character regex is a lint error). */
const hasDelimiters = (text: string) => ['\u0001', '\u0002', '\u0003'].some((c) => text.includes(c));

/** Where `name` speaks: "#channel", or "dm" for their private chat with Setwise. */
const where = (name: string, place: string): Where =>
  place === 'dm' ? { kind: 'dm', id: `D-${name}`, label: `dm @${name}`, address: dmOf(name) } : channel(place.replace(/^#/, ''));

/** What an adapter adds to an event beyond its payload. */
interface Delivery {
  /** Merged into the actor's identity, e.g. the zone their platform reports. */
  readonly identity?: Partial<Identity>;
  readonly eventId?: string;
  readonly workspaceId?: string;
  readonly platform?: Platform;
  readonly source?: PostedMessage;
}

/** Hands the core one event from `name` in `place`; the reply comes back raw, tokens and all. */
function deliver(name: string, place: string, payload: Payload, d: Delivery = {}): Promise<Reply> {
  return h.core.handle({
    platform: d.platform ?? 'console',
    workspaceId: d.workspaceId ?? 'W1',
    ...(d.eventId !== undefined ? { eventId: d.eventId } : {}),
    actor: { ...person(name), ...d.identity },
    where: where(name, place),
    payload,
    ...(d.source ? { source: d.source } : {}),
  });
}

/** Every @word is a mention of the person of that name, as in the harness. */
const mentionsIn = (text: string): Mention[] => [...text.matchAll(/@(\w+)/g)].map((m) => ({ token: m[0], identity: person(m[1]!) }));
const type = (name: string, place: string, text: string, d?: Delivery) => deliver(name, place, { type: 'command', text, mentions: mentionsIn(text) }, d);
const press = (name: string, place: string, b: Pick<Button, 'id' | 'value'>, d?: Delivery) => deliver(name, place, { type: 'action', actionId: b.id, value: b.value }, d);
const submit = (name: string, place: string, formId: string, values: Record<string, string>, d?: Delivery) => deliver(name, place, { type: 'form', formId, values }, d);

/** The platform user ids a text names, in order. */
const named = (text: string) => namedIn(text).map((n) => n.userId);
/** The commands a text suggests typing: its code spans. */
const codeSpans = (text: string) => [...text.matchAll(/`([^`]*)`/g)].map((m) => m[1]!);
/** Every string a message shows: its text and each block's, for checks that must hold everywhere. */
const allText = (m: Message) =>
  [m.text, ...(m.blocks ?? []).flatMap((b) => ('text' in b ? [b.text] : 'items' in b ? b.items : 'fields' in b ? b.fields.flatMap((f) => [f.label, f.value]) : []))].join('\n');
/** A message's fields block as label → value. */
const fieldsOf = (m: Message) => Object.fromEntries((m.blocks ?? []).flatMap((b) => (b.type === 'fields' ? b.fields.map((f) => [f.label, f.value]) : [])));

/** The nudge row keyed `meeting:<id>:<kind>:<person>` in the set's outbox. */
const jobOf = async (meetingId: number, kind: string, name: string) => {
  const key = `meeting:${meetingId}:${kind}:${await h.idOf(name)}`;
  return (await h.planOf()).jobs.find((j) => j.dedupeKey === key);
};

/** The platform user ids of the people planned to present at a meeting. */
async function plannedPresenters(meetingId: number): Promise<string[]> {
  const slots = (await h.planOf()).slots.filter((s) => s.meetingId === meetingId && s.status === 'planned').sort((a, b) => a.position - b.position);
  return Promise.all(slots.map(async (s) => (await h.store.people.get(s.personId))!.platformUserId));
}

/** The id of the challenge form `challenge` opens for `name` in #leaders. */
async function challengeFormId(name = 'alice'): Promise<string> {
  return (await type(name, '#leaders', 'challenge')).message.form!.id;
}

describe('person tokens', () => {
  it('name people in replies by their platform id, which only the renderer turns into "@name"', async () => {
    // A platform id unlike the name, and a name with spaces: the token must carry both apart.
    const jo: Identity = { userId: 'U0JOSMITH', displayName: 'Dr Jo Smith', dm: dmOf('jo') };
    const added = await deliver('alice', '#leaders', { type: 'command', text: 'member add @jo', mentions: [{ token: '@jo', identity: jo }] });
    expect(namedIn(added.message.text)).toEqual([{ userId: 'U0JOSMITH', name: 'Dr Jo Smith' }]);
    expect(added.message.text).not.toContain('@');
    expect(withPlainNames(added.message.text)).toBe('Added @Dr Jo Smith to Northern Lights.');

    const info = await type('bob', '#leaders', 'set info');
    expect(named(info.message.text)).toEqual(['U-alice', 'U-bob', 'U-carol', 'U-dave', 'U0JOSMITH']);
    // The blocks carry tokens too, so a rich rendering mentions the same people.
    expect(fieldsOf(info.message)).toMatchObject({ Facilitators: '\u0001U-alice\u0002alice\u0003' });
    expect(named(fieldsOf(info.message).Members!)).toEqual(['U-bob', 'U-carol', 'U-dave', 'U0JOSMITH']);
    // What the harness shows people is exactly the raw reply drawn with plain names.
    expect(withPlainNames(info.message.text)).toBe(await h.text('bob', '#leaders', 'set info'));

    // A notice sent through the chat port names who did it by token as well.
    const welcome = h.chat.to(dmOf('jo'));
    expect(welcome).toHaveLength(1);
    const raw = h.chat.posts.find((p) => JSON.stringify(p.to) === JSON.stringify(dmOf('jo')))!.raw;
    expect(namedIn(raw.text)).toEqual([{ userId: 'U-alice', name: 'alice' }]);
    expect(welcome[0]!.text).toMatch(/^@alice added you to the action learning set Northern Lights/);
  });

  it('write the commands they suggest with plain @names, which work when typed back', async () => {
    // A challenge saved through the form suggests how to read it.
    const saved = await submit('alice', '#leaders', await challengeFormId(), { challenge: CHALLENGE });
    expect(saved.message.text).toBe('Saved version 1 of your challenge. The members of Northern Lights can read it with `challenge show @alice`.');
    expect(named(saved.message.text)).toEqual([]);

    // A swap asked by one presenter: the partner is mentioned, the command to agree is plain.
    await type('alice', '#leaders', SCHEDULE);
    expect(await plannedPresenters(1)).toEqual(['U-bob', 'U-carol']);
    expect(await plannedPresenters(2)).toContain('U-dave');
    const asked = await type('carol', '#leaders', 'swap @carol @dave');
    expect(named(asked.message.text)).toEqual(['U-dave']);
    expect(codeSpans(asked.message.text)).toEqual(['swap @carol @dave']);
    const toDave = h.chat.posts.filter((p) => JSON.stringify(p.to) === JSON.stringify(dmOf('dave'))).at(-1)!.raw.text;
    expect(named(toDave)).toEqual(['U-carol']);
    expect(codeSpans(toDave)).toEqual(['swap @carol @dave']);

    // A refusal's hint is a command too.
    const refused = await type('bob', '#leaders', 'member remove @carol');
    expect(codeSpans(refused.message.text)).toEqual(['member remove @bob']);

    for (const text of [saved.message.text, asked.message.text, toDave, refused.message.text]) {
      for (const span of codeSpans(text)) expect(hasDelimiters(span), span).toBe(false);
    }
    // dave types exactly what he was told to, and the swap happens.
    const agreed = await type('dave', '#leaders', codeSpans(toDave)[0]!);
    expect(withPlainNames(agreed.message.text)).toMatch(/^Swapped the presenting slots of @carol and @dave\./);
    expect((await plannedPresenters(1)).sort()).toEqual(['U-bob', 'U-dave']);
  });

  it('cannot be forged by typing the delimiters into a command, a set name, a form, a reflection or a name', async () => {
    const created = await type('mallory', '#forged', `set create Evil ${FORGED} Set tz Europe/London`);
    expect(created.message.tone).toBe('success');
    expect(namedIn(created.message.text)).toEqual([]);
    expect(named((await type('mallory', '#forged', 'set info')).message.text)).toEqual(['U-mallory']);

    await type('bob', '#leaders', `action add ask ${FORGED} about the budget`);
    const actions = await type('bob', '#leaders', 'actions');
    expect(allText(actions.message)).toContain('ask U-alicealice about the budget');
    expect(named(allText(actions.message))).toEqual([]);

    // Shared with the channel, a reflection names its author and nobody it pretends to.
    await type('bob', '#leaders', `reflect I should have asked ${FORGED} first`);
    await type('bob', '#leaders', 'journal share 1');
    const shared = h.chat.posts.at(-1)!;
    expect(shared.to).toEqual(channel('leaders').address);
    expect(named(shared.raw.text)).toEqual(['U-bob']);

    // A form's answers, and a name and an id as the platform hands them over.
    await submit('carol', '#leaders', await challengeFormId('carol'), { challenge: `How can I ${FORGED} win?`, why: `Because ${FORGED}` });
    expect(named((await type('bob', '#leaders', 'challenge show @carol')).message.text)).toEqual(['U-carol']);
    const eve: Identity = { userId: `U-eve${FORGED}`, displayName: `eve${FORGED}`, dm: dmOf('eve') };
    const addedEve = await deliver('alice', '#leaders', { type: 'command', text: `member add @eve${FORGED}`, mentions: [{ token: `@eve${FORGED}`, identity: eve }] });
    expect(namedIn(addedEve.message.text)).toEqual([{ userId: 'U-eveU-alicealice', name: 'eveU-alicealice' }]);

    // And nothing of it was stored: no row holds a delimiter (JSON writes them as \u000N).
    expect((await h.everything())).not.toMatch(/\\u000[123]/);
  });

  it('name the presenters in the rotation, as everywhere else', async () => {
    await type('alice', '#leaders', SCHEDULE);
    const rotation = await type('bob', '#leaders', 'rotation');
    // Every presenter listed, meeting by meeting, is a person the renderer can mention.
    const listed = [...(await plannedPresenters(1)), ...(await plannedPresenters(2))];
    expect(listed).toEqual(['U-bob', 'U-carol', 'U-dave', 'U-bob']);
    expect(named(rotation.message.text)).toEqual(listed);
    expect(rotation.message.text).not.toMatch(/@(bob|carol|dave)\b/);
  });

  it('name the planned presenters in a meeting reminder, under their current names', async () => {
    await type('alice', '#leaders', SCHEDULE);
    const presenters = await plannedPresenters(1);
    expect(presenters).toHaveLength(2);
    // bob renames himself on the platform after he was planned: the reminder uses the name he has now.
    await type('bob', 'dm', 'meetings', { identity: { displayName: 'Robert B' } });
    await h.advanceTo(new Date('2027-01-04T10:00:00Z')); // the day-before reminder is due
    const reminder = h.chat.posts.find((p) => JSON.stringify(p.to) === JSON.stringify(channel('leaders').address) && p.message.text.startsWith('Northern Lights meets on'))!;
    expect(reminder).toBeDefined();
    expect(named(reminder.raw.text)).toEqual(presenters);
    expect(namedIn(reminder.raw.text)).toContainEqual({ userId: 'U-bob', name: 'Robert B' });
    expect(reminder.raw.text).not.toMatch(/@bob|@carol|@Robert/);
    expect(reminder.message.text).toBe('Northern Lights meets on Tue 5 Jan 2027, 10:00–13:00 Europe/London. Presenting: @Robert B and @carol. Will you be there?');
  });
});

describe('the channel\'s reminder', () => {
  it('is edited in place as answers arrive, and racing answers never leave an older count on it', async () => {
    await type('alice', '#leaders', SCHEDULE);
    await h.advanceTo(new Date('2027-01-04T10:00:00Z')); // the day-before reminder is posted
    const reminder = h.chat.posts.find((p) => p.message.text.startsWith('Northern Lights meets on'))!;
    const meetingId = (await h.store.meetings.list((await h.setIn('leaders')).id))[0]!.id;
    // The first edit is slow to reach the platform: two more answers arrive meanwhile.
    let releaseFirst!: () => void;
    let firstStarted!: () => void;
    const started = new Promise<void>((r) => (firstStarted = r));
    h.chat.holdUpdate = (i) => (i === 0 ? (firstStarted(), new Promise((r) => (releaseFirst = r))) : Promise.resolve());
    const bob = type('bob', '#leaders', 'rsvp yes');
    await started;
    const carol = type('carol', '#leaders', 'rsvp no');
    const dave = type('dave', '#leaders', 'rsvp maybe');
    // All three answers are saved before the first edit gets through.
    await expect.poll(async () => (await h.store.rsvps.forMeeting(meetingId)).length).toBe(3);
    // ... and re-planned for (carol's "no" frees her place), so each has asked for its edit.
    await expect.poll(async () => (await h.planOf()).owed).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    releaseFirst();
    await Promise.all([bob, carol, dave]);
    // Two edits, not three: the later answers shared one, which counted them all.
    expect(h.chat.updates.map((u) => u.posted.ref)).toEqual([reminder.ref, reminder.ref]);
    expect(h.chat.updates.at(-1)!.message.text).toContain('So far: 1 yes, 1 no, 1 maybe.');
  });
});

describe('events handled once', () => {
  it('answers a redelivered command, button or form as a duplicate, and acts once', async () => {
    await type('alice', '#leaders', SCHEDULE);
    const first = await type('bob', '#leaders', 'action add Call the board', { eventId: 'Ev-1' });
    expect(first.duplicate).toBeUndefined();
    const again = await type('bob', '#leaders', 'action add Call the board', { eventId: 'Ev-1' });
    expect(again).toEqual({ visibility: 'private', message: { text: '' }, duplicate: true });
    expect(await h.text('bob', '#leaders', 'actions')).toBe('You have 1 open in Northern Lights:\n1. Call the board');

    // A command with side effects elsewhere: the welcome goes once.
    await type('alice', '#leaders', 'member add @erin', { eventId: 'Ev-2' });
    expect((await type('alice', '#leaders', 'member add @erin', { eventId: 'Ev-2' })).duplicate).toBe(true);
    expect(h.chat.to(dmOf('erin'))).toHaveLength(1);

    // A form: one version of the challenge, not two.
    const formId = await challengeFormId();
    await submit('alice', '#leaders', formId, { challenge: CHALLENGE }, { eventId: 'Ev-3' });
    expect((await submit('alice', '#leaders', formId, { challenge: CHALLENGE }, { eventId: 'Ev-3' })).duplicate).toBe(true);
    expect(await h.text('bob', '#leaders', 'challenge show @alice')).toMatch(/^@alice's challenge \(version 1\):/);

    // A button pressed, then a change of mind typed, then the old press redelivered late:
    // were it handled again, it would undo the newer answer.
    await press('carol', 'dm', { id: 'rsvp', value: '1:yes' }, { eventId: 'Ev-4' });
    await type('carol', '#leaders', 'rsvp no');
    expect((await press('carol', 'dm', { id: 'rsvp', value: '1:yes' }, { eventId: 'Ev-4' })).duplicate).toBe(true);
    const carol = await h.idOf('carol');
    expect((await h.store.rsvps.forMeeting(1)).find((a) => a.personId === carol)?.answer).toBe('no');
  });

  it('lets exactly one of several racing deliveries through', async () => {
    const replies = await Promise.all(Array.from({ length: 5 }, () => type('bob', '#leaders', 'action add Call the board', { eventId: 'Ev-race' })));
    expect(replies.filter((r) => r.duplicate)).toHaveLength(4);
    expect(replies.filter((r) => !r.duplicate).map((r) => r.message.text)).toEqual(['Action 1 noted: Call the board']);
    expect(await h.text('bob', '#leaders', 'actions')).toBe('You have 1 open in Northern Lights:\n1. Call the board');
  });

  it('keeps ids apart by workspace and platform, and never deduplicates an event without one', async () => {
    // Event ids are unique within a workspace only: the same id elsewhere is another event.
    const here = await type('bob', 'dm', 'reflect one', { eventId: 'Ev-7' });
    const otherWorkspace = await type('bob', 'dm', 'reflect two', { eventId: 'Ev-7', workspaceId: 'W2' });
    const otherPlatform = await type('bob', 'dm', 'reflect three', { eventId: 'Ev-7', platform: 'slack' });
    for (const reply of [here, otherWorkspace, otherPlatform]) {
      expect(reply.duplicate).toBeUndefined();
      expect(reply.message.text).toMatch(/^Kept as journal entry 1, private to you\./);
    }
    // Without an id (or with an empty one) the same text is simply said again.
    for (const d of [{}, {}, { eventId: '' }, { eventId: '' }]) expect((await type('bob', '#leaders', 'action add Call the board', d)).duplicate).toBeUndefined();
    expect(await h.text('bob', '#leaders', 'actions')).toMatch(/^You have 4 open in Northern Lights:/);
  });
});

describe('a reply that replaces the pressed message', () => {
  it('asks for confirmation before erasing, and the pressed warning is replaced by the answer', async () => {
    const warning = await type('bob', 'dm', 'privacy erase');
    expect(warning.replace).toBeUndefined();
    expect(warning.erased).toBeUndefined();
    const [button] = warning.message.actions!;
    expect(button).toMatchObject({ id: 'privacy.erase', label: 'Erase my data', style: 'danger' });
    // Slack's confirm dialog and a card's confirm step need all four parts.
    const { title, text, yes, no } = button!.confirm!;
    for (const part of [title, text, yes, no]) expect(part.trim().length).toBeGreaterThan(0);
    expect(yes).not.toBe(no);
    expect(readButton(button!.id, button!.value)).toEqual({ kind: 'privacy.erase', personId: await h.idOf('bob') });

    // Neither someone else's press nor a tampered value replaces the warning: it stays for bob.
    const carols = await press('carol', 'dm', button!);
    expect(carols.message.text).toBe('That button was for someone else.');
    const tampered = await press('bob', 'dm', { id: button!.id, value: `${button!.value}:x` });
    expect(tampered.message.text).toBe('That button is no longer active.');
    for (const r of [carols, tampered]) {
      expect(r.replace).toBeUndefined();
      expect(r.erased).toBeUndefined();
    }
    expect(await h.text('alice', '#leaders', 'set info')).toContain('@bob');

    const source: PostedMessage = { address: dmOf('bob'), ref: 'ts-1700000000.000100' };
    const done = await press('bob', 'dm', button!, { source, eventId: 'Ev-erase' });
    expect(done).toMatchObject({ visibility: 'private', replace: true, erased: true });
    expect(done.message.text).toMatch(/^Done: your personal content is erased/);
    expect(done.message.actions).toBeUndefined(); // nothing left to press where the warning was
    expect(await h.text('alice', '#leaders', 'set info')).not.toContain('@bob');
    // Slack retries a slow click: the retry must not report a second erase.
    expect(await press('bob', 'dm', button!, { source, eventId: 'Ev-erase' })).toMatchObject({ duplicate: true });
  });
});

describe('field errors on forms', () => {
  it('returns each bad field of a challenge by its id, and saves nothing', async () => {
    const formId = await challengeFormId();
    const reply = await submit('alice', '#leaders', formId, {
      challenge: '  \n\t ', // the required sentence, in effect missing
      why: 'It matters to me', // fine
      who: 'x'.repeat(1001), // one over its limit
      unheard: 'a field the form never had', // ignored
    });
    expect(reply.visibility).toBe('private');
    expect(reply.message.tone).toBe('error');
    expect(reply.fieldErrors).toEqual({
      challenge: '"Your challenge in a sentence" is needed',
      who: '"Who is involved" can be at most 1000 characters',
    });
    expect(reply.message.text).toBe('Nothing was saved: "Your challenge in a sentence" is needed; "Who is involved" can be at most 1000 characters.');
    expect(await h.text('alice', '#leaders', 'challenge show')).toBe('You have no challenge written up. Type `challenge` to write one (it is optional).');

    // Limits count characters as people do, not UTF-16 units: 200 emoji fit the sentence.
    const emoji = await submit('alice', '#leaders', formId, { challenge: '🙂'.repeat(200) });
    expect(emoji.fieldErrors).toBeUndefined();
    // The refused submission did not use up a version.
    expect(emoji.message.text).toMatch(/^Saved version 1 of your challenge\./);
  });

  it('refuses an empty reflection from the prompt\'s form on its field, and keeps nothing', async () => {
    const setId = (await h.setIn('leaders')).id;
    const opened = await press('bob', 'dm', { id: 'reflection.open', value: String(setId) });
    const form = opened.message.form!;
    expect(form.fields.map((f) => f.id)).toEqual(['text']);
    // Empty, blank, missing, or only characters the core strips: all empty in the end.
    const empties: Record<string, string>[] = [{ text: '' }, { text: ' \n\t ' }, {}, { text: '\u0001\u0007\u202e' }];
    for (const values of empties) {
      const reply = await submit('bob', 'dm', form.id, values);
      expect(reply.fieldErrors, JSON.stringify(values)).toEqual({ text: 'Write something first: the reflection was empty' });
      expect(reply.message.tone).toBe('error');
    }
    const tooLong = await submit('bob', 'dm', form.id, { text: 'é'.repeat(3001) });
    expect(tooLong.fieldErrors).toEqual({ text: 'That is 3001 characters; a reflection can be at most 3000' });
    expect(await h.text('bob', 'dm', 'journal')).toMatch(/^Your journal is empty/);
    expect((await submit('bob', 'dm', form.id, { text: 'é'.repeat(3000) })).message.text).toMatch(/^Kept as journal entry 1,/);
  });
});

describe('zones reported by the platform', () => {
  const NEW_YORK = { timeZone: 'America/New_York' };

  it('shows times in the reported zone until the person chooses one, which then wins', async () => {
    await type('alice', '#leaders', SCHEDULE);
    const meetings = await type('bob', '#leaders', 'meetings', { identity: NEW_YORK });
    expect(meetings.message.text).toContain('- Tue 5 Jan 2027, 05:00–08:00 America/New_York (10:00 Europe/London)');
    // An event that reports no zone (a mention, a webhook without a profile) keeps the one reported.
    expect(await h.text('bob', '#leaders', 'rsvp yes')).toBe('Noted: you are coming to Northern Lights on Tue 5 Jan 2027, 05:00–08:00 America/New_York (10:00 Europe/London).');
    // Case is corrected as for `me tz`.
    expect((await type('carol', '#leaders', 'rsvp maybe', { identity: { timeZone: 'asia/tokyo' } })).message.text).toContain('19:00–22:00 Asia/Tokyo');

    await type('bob', 'dm', 'me tz Asia/Tokyo', { identity: NEW_YORK });
    const after = await type('bob', '#leaders', 'meetings', { identity: NEW_YORK });
    expect(after.message.text).toContain('- Tue 5 Jan 2027, 19:00–22:00 Asia/Tokyo (10:00 Europe/London)');
    expect(after.message.text).not.toContain('America/New_York');
    // The platform reporting yet another zone changes nothing for someone who chose.
    await type('bob', '#leaders', 'meetings', { identity: { timeZone: 'Europe/Berlin' } });
    const plan = await h.planOf();
    expect(plan.owed).toBe(false);
    expect(plan.members.find((m) => m.name === 'bob')?.zone).toBe('Asia/Tokyo');
  });

  it('ignores a reported zone Setwise cannot compute with, without a word to the person', async () => {
    await type('alice', '#leaders', SCHEDULE);
    for (const timeZone of ['Mars/Olympus', '+01:00', '', 'UTC+1', 'Europe/London; DROP TABLE']) {
      const reply = await type('carol', '#leaders', 'meetings', { identity: { timeZone } });
      expect(reply.message.tone, timeZone).not.toBe('error');
      expect(reply.message.text, timeZone).toContain('- Tue 5 Jan 2027, 10:00–13:00 Europe/London\n');
    }
    const profile = JSON.parse((await h.say('carol', 'dm', 'privacy export')).message.files![0]!.content as string).profile;
    expect(profile).toMatchObject({ timeZone: null, platformTimeZone: null });
    // Nor does a bad report wipe out a good one made before.
    await type('dave', '#leaders', 'meetings', { identity: NEW_YORK });
    const later = await type('dave', '#leaders', 'meetings', { identity: { timeZone: 'Mars/Olympus' } });
    expect(later.message.text).toContain('05:00–08:00 America/New_York');
  });

  it('re-plans private nudges on the next tick when the reported zone changes', async () => {
    // 30 Mar 2027 10:00 London (BST from the 28th). A week before, London is on GMT, New York
    // already on EDT (since the 14th) and Berlin on CET: the same wall time a week before is
    // 10:00Z counted in London or Berlin, but 09:00Z counted in New York.
    await type('alice', '#leaders', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-03-30 for 1 meetings');
    await type('alice', '#leaders', 'set nudges meeting-reminder 1w'); // each member's RSVP reminder, a week before in their zone
    const bobsReminder = async () => (await jobOf(1, 'rsvp-reminder', 'bob'))!.runAt.toISOString();
    expect(await bobsReminder()).toBe('2027-03-23T10:00:00.000Z');

    // bob's platform now reports New York: the plan is owed, and not yet redone...
    await type('bob', '#leaders', 'meetings', { identity: NEW_YORK });
    expect((await h.planOf()).owed).toBe(true);
    expect(await bobsReminder()).toBe('2027-03-23T10:00:00.000Z');
    // ...until the scheduler's next tick re-plans it.
    await h.scheduler.tick();
    expect((await h.planOf()).owed).toBe(false);
    expect(await bobsReminder()).toBe('2027-03-23T09:00:00.000Z');
    // Reporting the same zone again is no change.
    await type('bob', '#leaders', 'meetings', { identity: NEW_YORK });
    expect((await h.planOf()).owed).toBe(false);

    // He moves to Berlin just before the reminder: it must not go out at 09:00Z, planned for New York.
    await type('bob', '#leaders', 'meetings', { identity: { timeZone: 'Europe/Berlin' } });
    expect((await h.planOf()).owed).toBe(true);
    await h.advanceTo(new Date('2027-03-23T09:30:00Z'));
    const toBob = () => h.chat.posts.filter((p) => JSON.stringify(p.to) === JSON.stringify(dmOf('bob')) && p.message.text.startsWith('Will you be at'));
    expect(toBob()).toHaveLength(0);
    await h.advanceTo(new Date('2027-03-24T00:00:00Z'));
    expect(toBob().map((p) => p.at.toISOString())).toEqual(['2027-03-23T10:00:00.000Z']);
    // And it shows him the meeting in Berlin time.
    expect(toBob()[0]!.message.text).toContain('11:00–14:00 Europe/Berlin');
  });

  it('exports the reported zone beside the chosen one, and erases both', async () => {
    await type('bob', 'dm', 'rotation', { identity: { timeZone: 'Pacific/Chatham' } });
    const exported = async () => JSON.parse((await type('bob', 'dm', 'privacy export')).message.files![0]!.content as string).profile;
    expect(await exported()).toMatchObject({ timeZone: null, platformTimeZone: 'Pacific/Chatham' });
    await type('bob', 'dm', 'me tz Pacific/Marquesas');
    expect(await exported()).toMatchObject({ timeZone: 'Pacific/Marquesas', platformTimeZone: 'Pacific/Chatham' });
    expect((await h.everything())).toContain('Pacific/Chatham');

    expect((await type('bob', 'dm', 'privacy erase confirm')).erased).toBe(true);
    expect((await h.everything())).not.toContain('Pacific/Chatham');
    expect((await h.everything())).not.toContain('Pacific/Marquesas');
  });
});

describe('the overview', () => {
  const bobInNewYork: Identity = { ...person('bob'), timeZone: 'America/New_York' };

  it('shows one set as its member needs it: next meeting in their zone, presenters, challenge, open actions, answer, buttons', async () => {
    await type('alice', '#leaders', SCHEDULE);
    expect(await plannedPresenters(1)).toEqual(['U-bob', 'U-carol']);
    await submit('bob', '#leaders', await challengeFormId('bob'), { challenge: CHALLENGE, why: 'A reason nobody else should see here' });
    await type('bob', '#leaders', 'action add Call the board');
    await type('bob', '#leaders', 'action add Draft the budget paper by 2027-01-20');
    await type('bob', '#leaders', 'action add Meet the union rep');
    await type('bob', '#leaders', 'action done 2');
    await type('bob', '#leaders', 'rsvp maybe');

    // The overview is the first place bob's platform reports his zone.
    const view = await h.core.overview('console', 'W1', bobInNewYork);
    expect(withPlainNames(view.text)).toBe('Northern Lights: next meeting Tue 5 Jan 2027, 05:00–08:00 America/New_York (10:00 Europe/London); 2 open actions.');
    expect(view.blocks?.filter((b) => b.type === 'heading').map((b) => b.type === 'heading' && b.text)).toEqual(['Your action learning sets', 'Northern Lights']);
    const fields = fieldsOf(view);
    expect(fields['Next meeting']).toBe('Tue 5 Jan 2027, 05:00–08:00 America/New_York (10:00 Europe/London)');
    expect(named(fields.Presenting!)).toEqual(['U-bob', 'U-carol']);
    expect(fields['Your answer']).toBe('You said maybe.');
    const shown = allText(view);
    expect(shown).toContain(`Your challenge: ${CHALLENGE}`);
    expect(shown).not.toContain('A reason nobody else'); // only the sentence
    const list = view.blocks?.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items).toEqual(['1. Call the board', '3. Meet the union rep']);
    expect(shown).not.toContain('Draft the budget paper');

    // Answer buttons for the next meeting, and the challenge button because he presents.
    expect(view.actions?.map((b) => [readButton(b.id, b.value), b.label])).toEqual([
      [{ kind: 'rsvp', meetingId: 1, answer: 'yes' }, 'Yes'],
      [{ kind: 'rsvp', meetingId: 1, answer: 'no' }, 'No'],
      [{ kind: 'rsvp', meetingId: 1, answer: 'maybe' }, 'Maybe'],
      [{ kind: 'challenge.open', meetingId: 1 }, 'Update my challenge'],
    ]);
    // Its buttons work when pressed from there, and the overview follows.
    const yes = await press('bob', 'dm', view.actions![0]!, { identity: { timeZone: 'America/New_York' } });
    expect(yes.message.text).toBe('Noted: you are coming to Northern Lights on Tue 5 Jan 2027, 05:00–08:00 America/New_York (10:00 Europe/London).');
    expect(fieldsOf(await h.core.overview('console', 'W1', bobInNewYork))['Your answer']).toBe('You said you are coming.');
    const form = (await press('bob', 'dm', view.actions![3]!)).message.form!;
    expect(form.fields[0]).toMatchObject({ id: 'challenge', initial: CHALLENGE });

    // dave does not present next time: answer buttons only, in the set's zone.
    const daves = await h.core.overview('console', 'W1', person('dave'));
    expect(fieldsOf(daves)['Next meeting']).toBe('Tue 5 Jan 2027, 10:00–13:00 Europe/London');
    expect(daves.actions?.map((b) => b.id)).toEqual(['rsvp', 'rsvp', 'rsvp']);
    expect(allText(daves)).toContain('No open actions.');

    // Once the meeting has begun, the overview looks to the next one.
    h.clock.set(new Date('2027-01-05T10:30:00Z'));
    expect(fieldsOf(await h.core.overview('console', 'W1', bobInNewYork))['Next meeting']).toBe('Tue 2 Feb 2027, 05:00–08:00 America/New_York (10:00 Europe/London)');
  });

  it('counts one open action as one action', async () => {
    await type('alice', '#leaders', SCHEDULE);
    await type('bob', '#leaders', 'action add Call the board');
    expect((await h.core.overview('console', 'W1', person('bob'))).text).toBe('Northern Lights: next meeting Tue 5 Jan 2027, 10:00–13:00 Europe/London; 1 open action.');
  });

  it('tells a stranger how to join, with nothing to press', async () => {
    const view = await h.core.overview('console', 'W1', person('zed'));
    expect(view).toEqual({ text: 'You are not in a set yet. A facilitator can add you with `member add`, or start one in a channel with `set create <name>`.' });
    // Someone in a set of another workspace is a stranger here.
    expect((await h.core.overview('console', 'W2', person('bob'))).text).toMatch(/^You are not in a set yet\./);
  });

  it('lists every set of someone in two, with no buttons', async () => {
    await type('alice', '#leaders', SCHEDULE);
    await type('zoe', '#other', 'set create Other Set tz America/New_York');
    await type('zoe', '#other', 'member add @dave');
    const view = await h.core.overview('console', 'W1', person('dave'));
    expect(view.text.split('\n')).toEqual([
      'Northern Lights: next meeting Tue 5 Jan 2027, 10:00–13:00 Europe/London; 0 open actions.',
      'Other Set: no meeting planned; 0 open actions.',
    ]);
    expect(view.blocks?.flatMap((b) => (b.type === 'heading' ? [b.text] : []))).toEqual(['Your action learning sets', 'Northern Lights', 'Other Set']);
    // With two sets, which meeting a button answers would be unclear: none are offered.
    expect(view.actions).toBeUndefined();
  });
});
