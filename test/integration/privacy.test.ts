import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channel, createHarness, person, type Harness } from '../support/harness';
import { NAME, SECRETS, seedPersonalContent } from '../support/personal-content';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2026-12-01T12:00:00Z'));
  await seedPersonalContent(h);
});
afterEach(() => h.close());

describe('privacy', () => {
  it('exports everything held about the person, to them alone', async () => {
    const reply = await h.say(NAME, 'dm', 'privacy export');
    expect(reply.visibility).toBe('private');
    const data = JSON.parse(reply.message.files![0]!.content as string) as Record<string, unknown[]> & { profile: Record<string, unknown> };
    expect(data.profile).toMatchObject({ name: NAME, timeZone: 'Europe/Paris', quietHours: '21:00-07:00' });
    expect(data.challenges).toEqual([expect.objectContaining({ set: 'Northern Lights', version: 1, status: 'current', fields: { challenge: 'How can I merge the two district teams?' } })]);
    expect(data.reflections).toHaveLength(1);
    expect(data.actions).toEqual([expect.objectContaining({ set: 'Northern Lights', text: 'ring the union rep on Friday', status: 'open' })]);
    expect(data.rsvps).toEqual([expect.objectContaining({ meeting: '2027-01-05', answer: 'maybe' })]);
    expect(data.absences).toEqual([{ set: 'Northern Lights', from: '2027-03-01', until: '2027-03-03' }]);
    expect(data.sets).toEqual([expect.objectContaining({ set: 'Northern Lights', role: 'member' })]);
    expect(JSON.stringify(data)).not.toContain('bob'); // nobody else's data
  });

  it('asks first, then erases every trace of the person\'s own words', async () => {
    for (const secret of SECRETS) expect((await h.everything()), secret).toContain(secret);
    const asked = await h.say(NAME, 'dm', 'privacy erase');
    expect(asked.message.actions?.[0]).toMatchObject({ id: 'privacy.erase', label: 'Erase my data' });
    expect((await h.everything())).toContain('merge the two district teams'); // nothing yet

    const done = await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: person(NAME), where: channel('leaders'), payload: { type: 'action', actionId: 'privacy.erase', value: asked.message.actions![0]!.value } });
    expect(done.message.text).toBe('Done: your personal content is erased, and the exports you were given are deleted. If you use Setwise again you start afresh.');
    expect(done.erased).toBe(true);
    const left = (await h.everything());
    for (const secret of [...SECRETS, 'Zebediah Q']) expect(left.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    expect(left).not.toContain('Europe/Paris');
    // The set goes on without them, its history kept under an anonymous name, and nothing is planned for them.
    expect(await h.text('bob', '#leaders', 'set info')).toContain('Members: @bob, @carol and @dave.');
    expect(await h.text('bob', '#leaders', 'rotation')).not.toContain(NAME);
    const plan = await h.planOf();
    expect(plan.owed).toBe(false);
    const gone = new Set(plan.jobs.filter((j) => j.status === 'pending').map((j) => j.personId));
    expect([...gone].every((id) => id === null || plan.members.some((m) => m.personId === id))).toBe(true);
  });

  it('scrubs their name from a partner\'s swap reason, though they go by another name by then', async () => {
    await h.say('alice', '#five', 'set create Five tz Europe/London');
    await h.say('alice', '#five', 'member add @Quentin @bob @carol @dave @erin');
    await h.say('alice', '#five', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 3 meetings');
    expect(await h.text('alice', '#five', 'swap @Quentin @carol')).toContain('Swapped');
    expect(await h.text('bob', '#five', 'rotation')).toMatch(/@carol: swapped with @Quentin/);
    const quentin = { ...person('Quentin'), displayName: 'quentin r' }; // renamed on the platform since
    await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: quentin, where: channel('five'), payload: { type: 'command', text: 'privacy erase confirm', mentions: [] } });
    expect(await h.text('bob', '#five', 'rotation')).not.toMatch(/quentin/i);
    expect((await h.everything()).toLowerCase()).not.toContain('quentin');
  });

  it('will not erase on someone else\'s button', async () => {
    const asked = await h.say(NAME, 'dm', 'privacy erase');
    const reply = await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: person('bob'), where: channel('leaders'), payload: { type: 'action', actionId: 'privacy.erase', value: asked.message.actions![0]!.value } });
    expect(reply.message.text).toBe('That button was for someone else.');
    expect((await h.everything())).toContain('merge the two district teams');
  });
});
