import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SetwiseError } from '../../src/domain/errors';
import type { LearningSet } from '../../src/domain/model';
import type { Meeting } from '../../src/domain/schedule';
import * as copy from '../../src/messages/copy/nudges';
import { BUTTONS, button, readButton, type ButtonKind, type ButtonPress } from '../../src/messages/interactions/buttons';
import { FORMS, formId, readFormId, type FormKind, type FormTarget } from '../../src/messages/interactions/forms';
import type { Button, Message } from '../../src/messages/model';
import { channel, createHarness, dmOf, person, type Harness } from '../support/harness';

const BIGGEST = Number.MAX_SAFE_INTEGER;

// One table per catalogue, keyed by every kind: a kind declared without examples here does not compile.
const PRESSES: { readonly [K in ButtonKind]: readonly ButtonPress<K>[] } = {
  rsvp: [
    { kind: 'rsvp', meetingId: 1, answer: 'yes' },
    { kind: 'rsvp', meetingId: 12, answer: 'no' },
    { kind: 'rsvp', meetingId: BIGGEST, answer: 'maybe' },
  ],
  'rotation.withdraw': [{ kind: 'rotation.withdraw', meetingId: 1 }, { kind: 'rotation.withdraw', meetingId: BIGGEST }],
  'challenge.open': [{ kind: 'challenge.open', meetingId: 40 }],
  'reflection.open': [{ kind: 'reflection.open', setId: 3 }],
  'privacy.erase': [{ kind: 'privacy.erase', personId: 9 }],
  'meeting.here': [{ kind: 'meeting.here', meetingId: 5 }],
  'meeting.bid': [{ kind: 'meeting.bid', meetingId: 5 }],
  'meeting.next': [{ kind: 'meeting.next', meetingId: 5, stage: 0 }, { kind: 'meeting.next', meetingId: BIGGEST, stage: 12 }],
  'meeting.plan': [{ kind: 'meeting.plan', meetingId: 5 }],
  'action.open': [{ kind: 'action.open', setId: 2 }],
  'challenge.show': [{ kind: 'challenge.show', setId: 2, personId: BIGGEST }],
};
const TARGETS: { readonly [K in FormKind]: readonly FormTarget<K>[] } = {
  challenge: [{ kind: 'challenge', setId: 1 }, { kind: 'challenge', setId: BIGGEST }],
  reflection: [{ kind: 'reflection', setId: 27 }],
  action: [{ kind: 'action', setId: 4 }],
  'meeting.plan': [{ kind: 'meeting.plan', meetingId: 8 }],
};

/** The refusal `run` ends in, or a failure naming what was let through. */
function refusal(run: () => unknown): SetwiseError {
  try {
    const got = run();
    throw new Error(`accepted: ${JSON.stringify(got)}`);
  } catch (error) {
    if (!(error instanceof SetwiseError)) throw error;
    return error;
  }
}

describe('buttons', () => {
  it('declares the kinds posted buttons already carry', () => {
    expect(Object.keys(BUTTONS).sort()).toEqual(['action.open', 'challenge.open', 'challenge.show', 'meeting.bid', 'meeting.here', 'meeting.next', 'meeting.plan', 'privacy.erase', 'reflection.open', 'rotation.withdraw', 'rsvp']);
  });

  it('reads back every declared kind it writes', () => {
    for (const press of Object.values(PRESSES).flat()) {
      const made = button(press, 'Press');
      expect(readButton(made.id, made.value)).toEqual(press);
    }
  });

  it('reads back an RSVP for any meeting and answer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: BIGGEST }), fc.constantFrom('yes', 'no', 'maybe' as const), (meetingId, answer) => {
        const made = button({ kind: 'rsvp', meetingId, answer }, 'Yes');
        expect(readButton(made.id, made.value)).toEqual({ kind: 'rsvp', meetingId, answer });
      }),
    );
  });

  it('keeps the spelling buttons already posted use', () => {
    expect(button({ kind: 'rsvp', meetingId: 12, answer: 'yes' }, 'Yes', 'primary')).toEqual({ id: 'rsvp', label: 'Yes', value: '12:yes', style: 'primary' });
    expect(button({ kind: 'rotation.withdraw', meetingId: 12 }, 'I cannot present')).toEqual({ id: 'rotation.withdraw', label: 'I cannot present', value: '12' });
    expect(button({ kind: 'reflection.open', setId: 3 }, 'Write').value).toBe('3');
    expect(readButton('privacy.erase', '9')).toEqual({ kind: 'privacy.erase', personId: 9 });
  });

  it.each([
    ['an unknown id', 'rsvp.v2', '1:yes'],
    ['an empty id', '', '1'],
    ['an id from the prototype', 'toString', '1'],
    ['__proto__', '__proto__', '1'],
    ['an id in capitals', 'RSVP', '1:yes'],
    ['a meeting that is not a number', 'rsvp', 'abc:yes'],
    ['a negative meeting', 'rsvp', '-1:yes'],
    ['meeting 0', 'rsvp', '0:yes'],
    ['a leading zero', 'rsvp', '01:yes'],
    ['a fraction', 'rsvp', '1.5:yes'],
    ['an exponent', 'rsvp', '1e3:yes'],
    ['a number past the safe range', 'rsvp', '9007199254740992:yes'],
    ['a huge number', 'rsvp', '99999999999999999999:yes'],
    ['a wrong answer', 'rsvp', '1:perhaps'],
    ['an answer in capitals', 'rsvp', '1:YES'],
    ['no answer', 'rsvp', '1'],
    ['an empty answer', 'rsvp', '1:'],
    ['an extra colon', 'rsvp', '1:yes:'],
    ['an extra part', 'rsvp', '1:yes:no'],
    ['a doubled colon', 'rsvp', '1::yes'],
    ['spaces', 'rsvp', ' 1:yes'],
    ['an empty value', 'rsvp', ''],
    ['two parts for one', 'rotation.withdraw', '1:2'],
    ['an empty meeting', 'challenge.open', ''],
    ['Infinity', 'reflection.open', 'Infinity'],
    ['NaN', 'privacy.erase', 'NaN'],
    ['a hex number', 'privacy.erase', '0x10'],
  ])('refuses %s', (_what, id, value) => {
    const error = refusal(() => readButton(id, value));
    expect(error.code).toBe('invalid');
    expect(error.message).toBe('That button is no longer active.');
  });

  it('types each kind\'s parts, so a wrong or missing part does not compile', () => {
    const wrong = () => [
      // @ts-expect-error: not an answer
      button({ kind: 'rsvp', meetingId: 1, answer: 'perhaps' }, 'Perhaps'),
      // @ts-expect-error: the meeting is missing
      button({ kind: 'challenge.open' }, 'Write'),
      // @ts-expect-error: a meeting id, not a set id
      button({ kind: 'rotation.withdraw', setId: 1 }, 'Withdraw'),
      // @ts-expect-error: no such form
      formId({ kind: 'journal', setId: 1 }),
    ];
    expect(wrong).toBeTypeOf('function');
  });

  it('will not write a value it could not read back', () => {
    expect(() => button({ kind: 'rsvp', meetingId: 0, answer: 'yes' }, 'Yes')).toThrow(/meetingId "0"/);
    expect(() => button({ kind: 'challenge.open', meetingId: 1.5 }, 'Write')).toThrow(/would not be read back/);
    expect(() => button({ kind: 'privacy.erase', personId: Number.NaN }, 'Erase')).toThrow(/would not be read back/);
  });
});

describe('forms', () => {
  it('declares the kinds open forms already carry', () => {
    expect(Object.keys(FORMS).sort()).toEqual(['action', 'challenge', 'meeting.plan', 'reflection']);
  });

  it('reads back every declared kind it writes, spelt as before', () => {
    for (const target of Object.values(TARGETS).flat()) expect(readFormId(formId(target))).toEqual(target);
    expect(formId({ kind: 'challenge', setId: 3 })).toBe('challenge:3');
    expect(formId({ kind: 'reflection', setId: 3 })).toBe('reflection:3');
  });

  it.each(['', 'challenge', 'challenge:', 'challenge:x', 'challenge:-1', 'challenge:0', 'challenge:01', 'challenge:1:2', 'challenge::1', 'reflection:99999999999999999999', ':1', 'nope:1', 'toString:1', '__proto__:1', 'Challenge:1'])(
    'refuses the form id "%s"',
    (id) => {
      const error = refusal(() => readFormId(id));
      expect(error.code).toBe('invalid');
      expect(error.message).toBe('That form is no longer active.');
      expect(error.hint).toBe('Type `help` to see what you can do.');
    },
  );
});

// Only what the copy reads; the rest of a set or meeting does not reach a button.
const SET = { id: 7, name: 'Northern Lights', timeZone: 'Europe/London' } as LearningSet;
const MEETING = {
  id: 12,
  setId: 7,
  localDate: '2027-03-02',
  localTime: '10:00',
  zone: 'Europe/London',
  startsAt: new Date('2027-03-02T10:00:00Z'),
  endsAt: new Date('2027-03-02T13:00:00Z'),
  status: 'scheduled',
} as Meeting;

const buttonsOf = (messages: readonly Message[]): Button[] => messages.flatMap((m) => m.actions ?? []);

describe('the buttons and forms Setwise actually makes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(new Date('2027-01-04T09:00:00Z'));
    await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
  });
  afterAll(() => h.close());

  const fromCopy = [
    copy.presenterNotice(SET, MEETING, { kind: 'not-presented-yet' }, 'Europe/London'),
    copy.challengeReminder(SET, MEETING, 'Europe/London'),
    copy.meetingReminder(SET, MEETING, [{ platformUserId: 'bob', displayName: 'bob' }], { yes: 1, no: 0, maybe: 0 }),
    copy.rsvpReminder(SET, MEETING, 'America/New_York'),
    copy.reflection(SET, MEETING, 'What did you notice?'),
  ];

  it('every button of the nudges reads back to its meeting or set', () => {
    const presses = buttonsOf(fromCopy).map((b) => readButton(b.id, b.value));
    expect(presses).toEqual([
      { kind: 'challenge.open', meetingId: 12 },
      { kind: 'rotation.withdraw', meetingId: 12 },
      { kind: 'challenge.open', meetingId: 12 },
      { kind: 'rsvp', meetingId: 12, answer: 'yes' },
      { kind: 'rsvp', meetingId: 12, answer: 'no' },
      { kind: 'rsvp', meetingId: 12, answer: 'maybe' },
      { kind: 'rsvp', meetingId: 12, answer: 'yes' },
      { kind: 'rsvp', meetingId: 12, answer: 'no' },
      { kind: 'rsvp', meetingId: 12, answer: 'maybe' },
      { kind: 'reflection.open', setId: 7 },
    ]);
  });

  it('the erase warning, the challenge form and the reflection form read back, and together every kind is made', async () => {
    const erase = await h.say('alice', 'dm', 'privacy erase');
    const challenge = await h.say('alice', '#leaders', 'challenge');
    const reflection = await h.core.handle({
      platform: 'console',
      workspaceId: 'W1',
      actor: person('alice'),
      where: { kind: 'dm', id: 'D-alice', label: 'dm @alice', address: dmOf('alice') },
      payload: { type: 'action', actionId: 'reflection.open', value: '7' },
    });
    // A meeting run on its run-sheet: its buttons at every stage, and the forms two of them open.
    await h.say('alice', '#leaders', 'meeting add 2027-01-05 at 10:00');
    h.clock.set(new Date('2027-01-05T09:50:00Z'));
    await h.say('alice', '#leaders', 'meeting start');
    const sheets = () => [...h.chat.posts.map((p) => p.message), ...h.chat.updates.map((u) => u.message)];
    const pressed = async (id: string) => {
      const b = buttonsOf(sheets()).filter((x) => x.id === id).at(-1)!;
      return h.core.handle({ platform: 'console', workspaceId: 'W1', actor: person('alice'), where: channel('leaders'), payload: { type: 'action', actionId: b.id, value: b.value } });
    };
    await h.say('alice', '#leaders', 'member add @bob');
    const bobs = (await h.say('bob', '#leaders', 'challenge')).message.form!;
    await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: person('bob'), where: channel('leaders'), payload: { type: 'form', formId: bobs.id, values: { challenge: 'How can I?' } } });
    await h.say('bob', '#leaders', 'bid');
    await pressed('meeting.next');
    await pressed('meeting.next');
    const actionForm = (await pressed('action.open')).message.form!;
    const plan = await h.say('alice', '#leaders', 'meeting plan');
    const planForm = (await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: person('alice'), where: channel('leaders'), payload: { type: 'action', actionId: plan.message.actions![0]!.id, value: plan.message.actions![0]!.value } })).message.form!;
    const presses = buttonsOf([...fromCopy, ...sheets(), plan.message, erase.message]).map((b) => readButton(b.id, b.value));
    const forms = [challenge.message.form, reflection.message.form, actionForm, planForm].map((f) => readFormId(f!.id));
    expect(presses.at(-1)).toMatchObject({ kind: 'privacy.erase', personId: expect.any(Number) });
    expect(forms).toEqual([
      { kind: 'challenge', setId: expect.any(Number) },
      { kind: 'reflection', setId: 7 },
      { kind: 'action', setId: expect.any(Number) },
      { kind: 'meeting.plan', meetingId: expect.any(Number) },
    ]);
    expect(new Set(presses.map((p) => p.kind))).toEqual(new Set(Object.keys(BUTTONS)));
    expect(new Set(forms.map((f) => f.kind))).toEqual(new Set(Object.keys(FORMS)));
  });

  it('a forged button or form gets a refusal, not an error', async () => {
    const at = { platform: 'console' as const, workspaceId: 'W1', actor: person('alice'), where: { kind: 'dm' as const, id: 'D-alice', label: 'dm @alice', address: dmOf('alice') } };
    const pressed = await h.core.handle({ ...at, payload: { type: 'action', actionId: 'rsvp', value: '1:yes:again' } });
    expect(pressed.message).toMatchObject({ tone: 'error', text: 'That button is no longer active.' });
    const submitted = await h.core.handle({ ...at, payload: { type: 'form', formId: 'challenge:-1', values: {} } });
    expect(submitted.message).toMatchObject({ tone: 'error', text: 'That form is no longer active. Type `help` to see what you can do.' });
  });
});
