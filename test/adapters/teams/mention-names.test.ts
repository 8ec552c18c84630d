/**
 * A Teams mention carries a name the sender's client wrote, so anyone can send one
 * that says anything. Setwise takes it as the name of someone it has not met, and
 * never as a new name for someone it knows: a member cannot rename another person in
 * Setwise's records by mentioning them as someone else, even in a command refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../../support/teams/connector';
import { channelMessage, teamsPerson, type Person } from '../../support/teams/activities';
import { startSetwiseTeams, type SetwiseTeams } from '../../support/teams/setwise';

const alice = teamsPerson('Alice');
const bob = teamsPerson('Bob');
const carol = teamsPerson('Carol');
let fake: FakeConnector;
let setwise: SetwiseTeams;

const say = (from: Person, text: string, people: readonly Person[] = [bob, carol]) => setwise.post(channelMessage({ serviceUrl: fake.url, from, text, people }));
const nameOf = (id: string) => (setwise.opened.database.sqlite.prepare('SELECT display_name FROM people WHERE platform_user_id = ?').get(id) as { display_name: string } | undefined)?.display_name;

beforeAll(async () => {
  fake = await startFakeConnector();
  setwise = await startSetwiseTeams(new Date('2027-01-04T09:00:00Z'));
  await say(alice, 'set create Northern Lights tz Europe/London');
  await say(alice, 'member add @Bob @Carol');
});
afterAll(async () => {
  await setwise.close();
  await fake.close();
});

describe('names from mentions', () => {
  it('names someone new from a mention, and never renames a known person from one', async () => {
    expect(nameOf(bob.id)).toBe('Bob');
    // Carol, a member, mentions Bob under another name in a command she may not run, and in one she may.
    const forged = { id: bob.id, name: 'Mallory the Impostor' };
    expect((await say(carol, 'member remove @Mallory the Impostor', [forged])).status).toBe(200);
    expect((await say(carol, 'challenge show @Mallory the Impostor', [forged])).status).toBe(200);
    expect(nameOf(bob.id)).toBe('Bob');
    // Setwise's answer names him as it knows him.
    const answer = JSON.stringify(fake.sent.at(-2)?.activity);
    expect(answer).toContain('Bob');
    expect(JSON.stringify(fake.sent.map((s) => s.activity))).not.toContain('Mallory');
    // Bob's own message is the platform's word for his name: it still updates it.
    await say(teamsPerson('Robert'), 'help', []);
    expect(nameOf(teamsPerson('Robert').id)).toBe('Robert');
    await setwise.post(channelMessage({ serviceUrl: fake.url, from: { id: bob.id, name: 'Bobby' }, text: 'help' }));
    expect(nameOf(bob.id)).toBe('Bobby');
    // Someone Setwise has not met takes the mention's name until they write themselves.
    const dave = teamsPerson('Dave');
    await say(alice, 'member add @Dave', [dave]);
    expect(nameOf(dave.id)).toBe('Dave');
  });
});
