import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasUnsafeCharacters } from '../../src/domain/text';
import { fragment, line, RUNS, strings } from '../support/fuzz';
import { plain } from '../support/plain';
import type { Payload } from '../../src/ports/inbound';
import { channel, createHarness, person, type Harness } from '../support/harness';

const actor = fc.constantFrom('alice', 'bob', 'carol', 'mallory', 'b\u202eob', 'al\u0000ice', '\u001b[31mred');
const hostileName = fc.oneof(fc.constantFrom('bob', 'carol', 'd\u202eave', 'e\u200brin', '\u001b[2Jmal', '\u0000', ''), fc.string({ unit: 'binary', maxLength: 20 }));
/** A command, with a mention (and a platform display name, perhaps hostile) for every @word in it. */
const command = fc.tuple(line, fc.array(hostileName, { minLength: 8, maxLength: 8 })).map(([text, names]) => ({
  type: 'command' as const,
  text,
  mentions: [...text.matchAll(/@\S+/g)].slice(0, 8).map((m, i) => ({ token: m[0], identity: person(names[i] || m[0].slice(1)) })),
}));
const payload: fc.Arbitrary<Payload> = fc.oneof(
  { weight: 8, arbitrary: command },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('action' as const), actionId: fc.oneof(fc.constantFrom('rsvp', 'privacy.erase', 'challenge.open', 'reflection.open', 'rotation.withdraw'), fragment), value: fragment }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('form' as const), formId: fc.oneof(fc.constantFrom('challenge:1', 'reflection:1', 'challenge:999'), fragment), values: fc.dictionary(fc.constantFrom('challenge', 'why', 'text', 'x'), fragment) }) },
);

let h: Harness;
beforeAll(async () => {
  h = await createHarness(new Date('2026-12-01T12:00:00Z'));
  await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
  await h.say('alice', '#leaders', 'member add @bob @carol');
  await h.say('alice', '#leaders', 'schedule every 4 weeks on tuesday at 10:00 from 2027-01-05 for 6 meetings');
});
afterAll(() => h.close());

describe('hostile input to the core', () => {
  it(`answers ${RUNS} hostile lines, buttons and forms with no internal error and nothing unsafe in a reply`, { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(actor, fc.constantFrom('#leaders', '#elsewhere', 'dm'), payload, async (name, place, p) => {
        const where = place === 'dm' ? { kind: 'dm' as const, id: `D-${name}`, label: `dm @${name}`, address: { platform: 'console' as const, kind: 'user' as const, ref: { user: name } } } : channel(place.slice(1));
        const posted = h.chat.posts.length;
        const reply = await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: person(name), where, payload: p });
        const shown = JSON.stringify(reply.message);
        expect(reply.message.text, shown).not.toMatch(/Something went wrong/);
        // Every string of the reply (text, blocks, buttons, a form, a file) and of what it posted elsewhere.
        for (const text of [...strings(plain(reply)), ...strings(h.chat.posts.slice(posted).map((x) => x.message))]) expect(hasUnsafeCharacters(text), shown).toBe(false);
      }),
      { numRuns: RUNS },
    );
    // Whatever was accepted is stored clean too: every text value of every table, but the
    // addresses, which are the adapter's own routing data (never shown, and altering them
    // would lose the person).
    const shownColumns = (row: Readonly<Record<string, unknown>>) => Object.fromEntries(Object.entries(row).filter(([column]) => !column.endsWith('_address')));
    const stored = (await h.rows()).flatMap(({ row }) => strings(shownColumns(row)));
    expect(stored.length).toBeGreaterThan(100);
    expect(stored.filter(hasUnsafeCharacters)).toEqual([]);
  });
});
