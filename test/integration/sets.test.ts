import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, dmOf, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

async function northernLights() {
  await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
  await h.say('alice', '#leaders', 'member add @bob @carol');
}

describe('creating a set', () => {
  it('binds the set to its channel with the creator as facilitator', async () => {
    const reply = await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
    expect(reply.visibility).toBe('public');
    expect(reply.message.text).toContain('Created the action learning set Northern Lights in #leaders');
    const set = await h.store.sets.findOpenByChannel(1, 'C-leaders');
    expect(set).toMatchObject({ name: 'Northern Lights', timeZone: 'Europe/London', status: 'open' });
    const members = await h.store.memberships.list(set!.id);
    expect(members.map((m) => [m.person.displayName, m.role])).toEqual([['alice', 'facilitator']]);
  });

  it('uses the creator\'s zone, else UTC, when no tz is given', async () => {
    await h.say('alice', 'dm', 'me tz America/New_York');
    await h.say('alice', '#leaders', 'set create Eastern');
    await h.say('bob', '#other', 'set create Western');
    expect((await h.store.sets.findOpenByChannel(1, 'C-leaders'))?.timeZone).toBe('America/New_York');
    expect((await h.store.sets.findOpenByChannel(1, 'C-other'))?.timeZone).toBe('UTC');
  });

  it('refuses a second set in the same channel, and a set made in a private chat', async () => {
    await northernLights();
    expect(await h.text('bob', '#leaders', 'set create Rival')).toBe(
      '#leaders already has a set: Northern Lights. A channel hosts one set at a time; use another channel.',
    );
    expect(await h.text('bob', 'dm', 'set create Mine')).toMatch(/^Create a set in the channel it will meet in/);
  });

  it('frees the channel when the set is closed, keeping the old set', async () => {
    await northernLights();
    expect(await h.text('alice', '#leaders', 'set close')).toContain('Closed Northern Lights');
    expect(await h.text('alice', '#leaders', 'set info')).toMatch(/^There is no set in #leaders/);
    expect(await h.text('dave', '#leaders', 'set create Second Cohort')).toContain('Created');
    const first = await h.store.sets.get(1);
    expect(first).toMatchObject({ name: 'Northern Lights', status: 'closed' });
  });
});

describe('seeing a set', () => {
  it('shows members the facilitators and members', async () => {
    await northernLights();
    const reply = await h.say('bob', '#leaders', 'set info');
    expect(reply.visibility).toBe('private');
    expect(reply.message.text).toBe(
      "Northern Lights in #leaders. Time zone: Europe/London. Facilitators: @alice. Members: @bob and @carol. Facilitators change the set's zone with `set tz <zone>`; anyone sees times in their own with `me tz <zone>`.",
    );
  });

  it('shows the viewer\'s own zone beside the set\'s when they differ', async () => {
    await northernLights();
    await h.say('carol', 'dm', 'me tz Asia/Kolkata');
    expect(await h.text('carol', '#leaders', 'set info')).toContain('Time zone: Europe/London (yours: Asia/Kolkata)');
  });

  it('tells someone outside the set nothing of it, in one line', async () => {
    await northernLights();
    const text = await h.text('dave', '#leaders', 'set info');
    expect(text).toBe("You're not a member of the set in #leaders, so I can't show you anything of it. A facilitator of the set can add you.");
    expect(text).not.toMatch(/bob|carol|alice|Northern/);
  });

  it('finds the set from a private chat when the person is in exactly one', async () => {
    await northernLights();
    expect(await h.text('bob', 'dm', 'set info')).toMatch(/^Northern Lights in #leaders/);
    await h.say('zoe', '#second', 'set create Second');
    await h.say('zoe', '#second', 'member add @bob');
    expect(await h.text('bob', 'dm', 'set info')).toBe("You're in 2 sets, so say which: run this in its channel (#leaders, #second).");
    expect(await h.text('nobody', 'dm', 'set info')).toMatch(/^You're not in a set yet/);
  });
});

describe('changing a set', () => {
  it('welcomes new members privately and reports who was already in', async () => {
    await northernLights();
    expect(h.chat.to(dmOf('bob'))[0]?.text).toContain('@alice added you to the action learning set Northern Lights (#leaders)');
    expect(await h.text('alice', '#leaders', 'member add @bob @dave')).toBe(
      'Added @dave to Northern Lights. @bob was already in it.',
    );
  });

  it('only lets facilitators change the set, and changes nothing when refused', async () => {
    await northernLights();
    const refusals = {
      'member remove @carol': 'Only a facilitator of Northern Lights can remove members. You can leave yourself with `member remove @bob`.',
      'member add @dave': 'Only a facilitator of Northern Lights can add members.',
      'facilitator add @bob': 'Only a facilitator of Northern Lights can add facilitators.',
      'set rename Bob Set': 'Only a facilitator of Northern Lights can rename it.',
      'set close': 'Only a facilitator of Northern Lights can close it.',
    };
    for (const [command, refusal] of Object.entries(refusals)) {
      const reply = await h.say('bob', '#leaders', command);
      expect(reply.message).toMatchObject({ text: refusal, tone: 'error' });
    }
    const members = await h.store.memberships.list(1);
    expect(members.map((m) => `${m.person.displayName}:${m.role}`)).toEqual(['alice:facilitator', 'bob:member', 'carol:member']);
    expect((await h.store.sets.get(1))?.name).toBe('Northern Lights');
  });

  it('lets a member leave, and a facilitator remove and re-add someone', async () => {
    await northernLights();
    expect(await h.text('carol', '#leaders', 'member remove @carol')).toBe('You have left Northern Lights.');
    expect(await h.text('alice', '#leaders', 'member remove @bob')).toBe('Removed @bob from Northern Lights.');
    expect(h.chat.to(dmOf('bob')).at(-1)?.text).toContain('@alice removed you from the set Northern Lights');
    expect(await h.text('alice', '#leaders', 'member remove @bob')).toBe('@bob is not a member of Northern Lights.');
    expect(await h.text('bob', '#leaders', 'set info')).toMatch(/^You're not a member/);
    await h.say('alice', '#leaders', 'member add @bob');
    expect(await h.text('bob', '#leaders', 'set info')).toContain('Members: @bob.');
  });

  it('always keeps one facilitator', async () => {
    await northernLights();
    const only = '@alice is the only facilitator of Northern Lights: make someone else a facilitator first (`facilitator add @name`), or close the set.';
    expect(await h.text('alice', '#leaders', 'facilitator remove @alice')).toBe(only);
    expect(await h.text('alice', '#leaders', 'member remove @alice')).toBe(only);
    expect(await h.text('alice', '#leaders', 'facilitator add @carol')).toBe('@carol is now a facilitator of Northern Lights.');
    expect(await h.text('alice', '#leaders', 'facilitator add @carol')).toBe('@carol is already a facilitator of Northern Lights.');
    expect(await h.text('carol', '#leaders', 'facilitator remove @alice')).toBe('@alice is no longer a facilitator of Northern Lights, and stays a member.');
    expect(await h.text('alice', '#leaders', 'set rename Nope')).toBe('Only a facilitator of Northern Lights can rename it.');
    expect(await h.text('carol', '#leaders', 'set rename Northern Lights 2027')).toBe('Renamed the set from Northern Lights to Northern Lights 2027.');
  });

  it('makes an outsider a facilitator by adding them to the set', async () => {
    await northernLights();
    await h.say('alice', '#leaders', 'facilitator add @erin');
    expect(await h.text('erin', '#leaders', 'set info')).toContain('Facilitators: @alice and @erin.');
    expect(h.chat.to(dmOf('erin'))).toHaveLength(1);
  });

  it('keeps the change when a welcome cannot be delivered', async () => {
    await h.say('alice', '#leaders', 'set create Northern Lights');
    h.chat.failWith = new Error('platform down');
    expect(await h.text('alice', '#leaders', 'member add @bob')).toMatch(/^Added @bob/);
    expect((await h.store.memberships.list(1)).map((m) => m.person.displayName)).toEqual(['alice', 'bob']);
  });
});

describe('answers to bad input', () => {
  it('gives each mistake its own one-line message', async () => {
    await h.say('alice', '#leaders', 'set create Northern Lights');
    const cases: Record<string, RegExp> = {
      frobnicate: /^I don't know the command `frobnicate`\./,
      'membr add @bob': /Did you mean `member add`\?$/,
      'set create X tz Mars/Base': /^"Mars\/Base" is not a time zone I know\./,
      [`set rename ${'x'.repeat(81)}`]: /^A set name can be at most 80 characters; that one has 81\./,
      '': /^That was an empty command\./,
      'member add bob': /^Name people with @, e.g. @bob\. Example: `member add @bob @carol`$/,
    };
    for (const [command, expected] of Object.entries(cases)) {
      const text = await h.text('alice', '#leaders', command);
      expect(text, command).toMatch(expected);
      expect(text, command).not.toContain('\n');
    }
  });
});

describe('the size of a set', () => {
  it('takes people up to 20, refuses one beyond in words, and plans every nudge of a full weekly set', async () => {
    await h.say('alice', '#big', 'set create Big Cohort tz Europe/London');
    await h.say('alice', '#big', 'schedule every 1 weeks on tuesday at 10:00 from 2027-01-05 for 50 meetings');
    // Nineteen more, in twos and then one at a time: each is a full re-plan of 50 meetings.
    for (let i = 1; i <= 19; i += 2) await h.say('alice', '#big', i === 19 ? 'member add @p19' : `member add @p${i} @p${i + 1}`);
    const members = await h.store.memberships.list(1);
    expect(members).toHaveLength(20);
    expect(await h.text('alice', '#big', 'member add @late')).toBe(
      'Big Cohort has 20 people, the most a set can have. Sets work best with 4 to 8: a large cohort is better split into two sets, each in its own channel.',
    );
    expect(await h.text('alice', '#big', 'facilitator add @late')).toContain('Big Cohort has 20 people, the most a set can have.');
    expect(await h.store.memberships.list(1)).toHaveLength(20);
    // Every member has a pending RSVP reminder for every meeting: nothing was lost to statement limits.
    const reminders = (await h.planOf('big')).jobs.filter((j) => j.kind === 'rsvp-reminder' && j.status === 'pending');
    expect(reminders).toHaveLength(50 * 20);
    // Someone leaving frees a place.
    await h.say('alice', '#big', 'member remove @p19');
    expect(await h.text('alice', '#big', 'member add @late')).toContain('Added @late to Big Cohort.');
  });

  it('refuses a group that would take the set past 20, adding none of them', async () => {
    await h.say('alice', '#big', 'set create Big Cohort');
    await h.say('alice', '#big', `member add ${Array.from({ length: 18 }, (_, i) => `@p${i}`).join(' ')}`);
    expect(await h.text('alice', '#big', 'member add @x @y @z')).toBe(
      'Big Cohort has 19 people; adding 3 would take it past 20, the most a set can have. Sets work best with 4 to 8: a large cohort is better split into two sets, each in its own channel.',
    );
    expect(await h.store.memberships.list(1)).toHaveLength(19);
    // People already in the set are not counted as joining.
    expect(await h.text('alice', '#big', 'member add @p0 @p1 @x @y')).toBe(
      'Big Cohort has 19 people; adding 2 would take it past 20, the most a set can have. Sets work best with 4 to 8: a large cohort is better split into two sets, each in its own channel.',
    );
  });
});
