import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, dmOf, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2026-12-01T12:00:00Z'));
  await h.say('alice', '#six', 'set create Six tz Europe/London');
  await h.say('alice', '#six', 'member add @bob @carol @dave @erin @frank @gina');
  await h.say('alice', '#six', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 6 meetings');
});
afterEach(() => h.close());

/** The planned presenters of the next two meetings, as `rotation` lists them. */
async function lineup(): Promise<string[][]> {
  const text = await h.text('bob', '#six', 'rotation');
  return text
    .split(/\n(?=Tue )/)
    .slice(1)
    .map((block) => [...block.matchAll(/^\s+\d+\. @(\w+):/gm)].map((m) => m[1]!));
}

/** The set's presenting slots, read through the Store port. */
const slotRows = async () => (await h.planOf('six')).slots.map((r) => `${r.meetingId}:${r.personId}:${r.status}:${r.source}`).sort();

describe('the rotation', () => {
  it('shows four different people across the next two meetings, each with a reason', async () => {
    const text = await h.text('bob', '#six', 'rotation');
    expect(text).toBe(
      [
        'Who presents next in Six:',
        'Tue 5 Jan 2027, 10:00–13:00 Europe/London',
        '  1. @bob: not presented yet',
        '  2. @carol: not presented yet',
        'Tue 2 Feb 2027, 10:00–13:00 Europe/London',
        '  1. @dave: not presented yet',
        '  2. @erin: not presented yet',
      ].join('\n'),
    );
  });

  it('skips someone away, and puts them first at the next meeting', async () => {
    const reply = await h.text('alice', '#six', 'away @carol from 2027-01-04 until 2027-01-06');
    expect(reply).toContain('@carol is away from Mon 4 Jan 2027 until Wed 6 Jan 2027; the rotation skips those meetings.');
    expect(await lineup()).toEqual([['bob', 'dave'], ['carol', 'erin']]);
    expect(await h.text('bob', '#six', 'rotation')).toContain('1. @carol: missed their turn on Tue 5 Jan 2027 (away)');
  });

  it('moves on a cycle as meetings are held, and says who has not presented this cycle', async () => {
    h.clock.set(new Date('2027-01-06T00:00:00Z')); // January's meeting is over
    expect(await lineup()).toEqual([['dave', 'erin'], ['frank', 'gina']]);
    h.clock.set(new Date('2027-03-03T00:00:00Z')); // two more held
    expect(await lineup()).toEqual([['bob', 'carol'], ['dave', 'erin']]);
    expect(await h.text('bob', '#six', 'rotation')).toContain('1. @bob: not presented yet this cycle (last on Tue 5 Jan 2027)');
    expect((await slotRows()).filter((r) => r.endsWith(':presented:rotation'))).toHaveLength(6);
  });

  it('takes a bid ahead of the rotation, first come, and fills a withdrawn place', async () => {
    expect(await h.text('gina', '#six', 'bid')).toContain('@gina bid to present on Tue 5 Jan 2027.');
    expect(await lineup()).toEqual([['gina', 'bob'], ['carol', 'dave']]);
    await h.say('frank', '#six', 'bid 2027-01-05');
    expect(await lineup()).toEqual([['gina', 'frank'], ['bob', 'carol']]);
    expect(await h.text('erin', '#six', 'bid 2027-01-05')).toBe('Every place on Tue 5 Jan 2027 is taken (@gina, @frank). Try another date with `bid <date>`.');
    expect(await h.text('bob', '#six', 'rotation')).toContain('1. @gina: bid on Tue 1 Dec 2026');
    await h.say('gina', '#six', 'withdraw');
    expect(await lineup()).toEqual([['frank', 'bob'], ['carol', 'dave']]);
    expect(await h.text('gina', '#six', 'bid 2027-01-05')).toBe('You withdrew from Tue 5 Jan 2027; a withdrawn slot is not taken back.');
  });

  it('swaps at once for a facilitator, and when both people have asked', async () => {
    await h.say('alice', '#six', 'swap @bob @dave');
    expect(await lineup()).toEqual([['dave', 'carol'], ['bob', 'erin']]);
    expect(await h.text('bob', '#six', 'rotation')).toContain('1. @dave: swapped with @bob');

    expect(await h.text('carol', '#six', 'swap @carol @erin')).toBe('Asked @erin: the swap happens when they also type `swap @carol @erin`.');
    expect(h.chat.to(dmOf('erin')).at(-1)?.text).toBe('@carol would like to swap presenting slots with you in Six. To agree, type `swap @carol @erin` in #six.');
    expect(await lineup()).toEqual([['dave', 'carol'], ['bob', 'erin']]);
    await h.say('erin', '#six', 'swap @carol @erin');
    expect(await lineup()).toEqual([['dave', 'erin'], ['bob', 'carol']]);
  });

  it('lets members opt out and back in, and drops someone who leaves', async () => {
    await h.say('bob', '#six', 'presenting off');
    expect(await lineup()).toEqual([['carol', 'dave'], ['erin', 'frank']]);
    await h.say('alice', '#six', 'member remove @carol');
    expect(await lineup()).toEqual([['dave', 'erin'], ['frank', 'gina']]);
    await h.say('bob', '#six', 'presenting on');
    expect(await lineup()).toEqual([['dave', 'erin'], ['bob', 'frank']]);
    await h.say('alice', '#six', 'presenting on');
    expect((await lineup()).flat()).not.toContain('carol');
  });

  it('follows the presenters setting, and the meetings as they change', async () => {
    await h.say('alice', '#six', 'presenters 1');
    expect(await lineup()).toEqual([['bob'], ['carol']]);
    await h.say('alice', '#six', 'meeting cancel 2027-01-05');
    expect(await lineup()).toEqual([['bob'], ['carol']]);
    expect(await h.text('bob', '#six', 'rotation')).toContain('Tue 2 Feb 2027');
  });

  it('keeps a told presenter\'s slot against bids and newcomers, but not against their absence', async () => {
    await lineup();
    // Everyone planned has been told, as the presenter notices record it.
    for (const slot of (await h.planOf('six')).slots) if (slot.status === 'planned') await h.store.rotation.markNotified(slot.meetingId, slot.personId, h.clock.now());
    await h.say('alice', '#six', 'member add @hana');
    expect(await lineup()).toEqual([['bob', 'carol'], ['dave', 'erin']]);
    expect(await h.text('frank', '#six', 'bid 2027-01-05')).toBe('Every place on Tue 5 Jan 2027 is taken (@bob, @carol). Try another date with `bid <date>`.');
    expect(await h.text('bob', '#six', 'rotation')).toContain('1. @bob: not presented yet (told)');
    await h.say('carol', '#six', 'away from 2027-01-05 until 2027-01-05');
    expect(await lineup()).toEqual([['bob', 'frank'], ['dave', 'erin']]); // frank joined before hana
  });

  it('refuses the wrong person or bad arguments, and changes nothing', async () => {
    await h.text('bob', '#six', 'rotation');
    const before = await slotRows();
    const cases: [string, string, string][] = [
      ['bob', 'presenters 3', 'Only a facilitator of Six can change how many present.'],
      ['alice', 'presenters 9', 'The number of presenters must be a whole number from 1 to 4, not "9". Example: `presenters 2`'],
      ['bob', 'away @carol from 2027-01-01 until 2027-01-10', 'Only a facilitator of Six can mark absences for someone else.'],
      ['bob', 'away from 2027-01-10 until 2027-01-01', '"until 2027-01-01" is before "from 2027-01-10". Example: `away @carol from 2027-03-01 until 2027-03-10`'],
      ['bob', 'away from 2026-01-01 until 2026-01-10', 'That period ended on Sat 10 Jan 2026.'],
      ['bob', 'swap @carol @dave', 'Only a facilitator of Six, or @carol and @dave themselves, can swap their slots.'],
      ['bob', 'swap @bob @bob', 'Name two different people to swap. Example: `swap @bob @carol`'],
      ['bob', 'swap @bob @carol', '@bob and @carol already present at the same meeting.'],
      ['bob', 'swap @bob @frank', '@frank has no planned presenting slot to swap. Type `rotation` to see who presents when.'],
      ['frank', 'withdraw', 'You have no presenting slot coming up.'],
      ['bob', 'bid 2027-01-06', 'Six has no upcoming meeting on Wed 6 Jan 2027. Type `meetings` to see them.'],
      ['bob', 'bid', 'You are already presenting on Tue 5 Jan 2027.'],
      ['bob', 'presenting maybe', 'Say `presenting on` or `presenting off`. Example: `presenting off`'],
      ['bob', 'presenting off @carol', 'Only a facilitator of Six can change presenting for someone else.'],
      ['zed', 'bid', "You're not a member of the set in #six, so I can't show you anything of it. A facilitator of the set can add you."],
      ['zed', 'rotation', "You're not a member of the set in #six, so I can't show you anything of it. A facilitator of the set can add you."],
    ];
    for (const [who, command, refusal] of cases) expect(await h.text(who, '#six', command), command).toBe(refusal);
    expect(await slotRows()).toEqual(before);
  });
});
