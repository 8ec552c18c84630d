/**
 * The permission matrix (test/support/permission-matrix.ts) on the core as the console
 * adapter drives it: every command by the facilitator, a member, the sponsor, a person
 * of another set and a stranger. What the person typing sees is the Reply; everything
 * else the core sent (to a channel, to someone's private chat, a run-sheet's edit) is in
 * the recording chat.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Address } from '../../src/domain/address';
import type { Message } from '../../src/messages/model';
import { channel, createHarness, person, type Harness } from '../support/harness';
import { START, runPermissionMatrix, type Driver, type Place, type Sent, type To } from '../support/permission-matrix';
import { plain } from '../support/plain';

let h: Harness | undefined;
afterAll(() => h?.close());

/** A console address as the matrix names it: `@person` or `#channel`. */
function toOf(address: Address): To {
  const ref = address.ref as { user?: string; channel?: string };
  return ref.user !== undefined ? `@${ref.user}` : `#${ref.channel}`;
}

/** Everything a message carries, its files' bytes included. */
const contentOf = (m: Message): string =>
  [JSON.stringify({ ...m, files: undefined }), ...(m.files ?? []).map((f) => (typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('latin1')))].join('\n');

const sentOf = (what: string, to: To, m: Message): Sent => ({ to: [to], what, content: contentOf(m), text: m.text, marked: m.tone === 'error' || m.tone === 'warning', error: m.tone === 'error' });

async function consoleDriver(): Promise<Driver> {
  const harness = await createHarness(START);
  h = harness;
  const replies: Sent[] = [];
  const sinceFrom = (posts: number, updates: number): Sent[] => [
    ...harness.chat.posts.slice(posts).map((p) => sentOf('post', toOf(p.to), p.message)),
    ...harness.chat.updates.slice(updates).map((u) => sentOf('update', toOf(u.posted.address), u.message)),
  ];
  const where = (place: Place) => (place.kind === 'dm' ? 'dm' : `#${place.channel}`);
  return {
    platform: 'console',
    async say(who, place, text) {
      const [posts, updates] = [harness.chat.posts.length, harness.chat.updates.length];
      const reply = await harness.say(who, where(place), text);
      // A reply for the set goes to the channel it was typed in; any other only to the person.
      const to: To = reply.visibility === 'public' && place.kind === 'channel' ? `#${place.channel}` : `@${who}`;
      const answer = sentOf('reply', to, reply.message);
      replies.push(answer);
      return [answer, ...sinceFrom(posts, updates)];
    },
    async challenge(who, channelName, values) {
      const asked = await harness.say(who, `#${channelName}`, 'challenge');
      replies.push(sentOf('reply', `@${who}`, asked.message));
      const form = asked.message.form!;
      const saved = plain(await harness.core.handle({ platform: 'console', workspaceId: 'W1', actor: person(who), where: channel(channelName), payload: { type: 'form', formId: form.id, values } }));
      expect(saved.message.tone, saved.message.text).toBe('success');
      replies.push(sentOf('reply', `@${who}`, saved.message));
    },
    advanceTo: async (at) => void (await harness.advanceTo(at)),
    rows: () => harness.rows(),
    bookkeeping: ['processed_events'],
    sent: () => [...replies, ...sinceFrom(0, 0)],
  };
}

describe('the permission matrix, on the console', () => {
  it('refuses every command to whoever may not use it, changing nothing, and keeps each set\'s content within it', async () => {
    const result = await runPermissionMatrix(await consoleDriver());
    console.info(`console: ${result.cells} cells, ${result.scanned} outbound calls searched (${result.carried} carried a set's content to its own people)`);
  });
});
