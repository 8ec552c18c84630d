import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/app/core';
import { FloodGuard } from '../../src/app/flood';
import { silentLogger } from '../../src/ports/logger';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../../src/prompt-library';
import type { Reply } from '../../src/ports/inbound';
import { channel, createHarness, person, type Harness } from '../support/harness';

/**
 * A flood of requests from one person is answered "slow down" before any work, at
 * once, while everyone else is served as usual; the person is served again as their
 * bucket refills. Nothing a throttled request asked for happens.
 */
let h: Harness;
let core: ReturnType<typeof createCore>;
beforeEach(async () => {
  h = await createHarness(new Date('2027-01-04T09:00:00Z'));
  core = createCore({ store: h.store, chat: h.chat, clock: h.clock, log: silentLogger, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR), flood: new FloodGuard({ burst: 10, perSecond: 0.5 }) });
  await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
  await h.say('alice', '#leaders', 'member add @bob @carol');
});
afterEach(() => h.close());

const say = (name: string, text: string, eventId?: string): Promise<Reply> =>
  core.handle({ platform: 'console', workspaceId: 'W1', ...(eventId ? { eventId } : {}), actor: person(name), where: channel('leaders'), payload: { type: 'command', text, mentions: [] } });

describe('a flood from one person', () => {
  it('is slowed politely, without slowing anyone else, and nothing throttled takes effect', async () => {
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => say('bob', `action add flood ${i}`, `ev-${i}`)));
    const slowed = replies.filter((r) => /faster than I can take them/.test(r.message.text));
    expect(replies.length - slowed.length).toBe(10);
    expect(slowed).toHaveLength(30);
    expect(slowed.every((r) => r.visibility === 'private' && r.message.tone === 'warning')).toBe(true);
    // Only the ten served were saved.
    expect((await h.store.actions.list((await h.setIn('leaders')).id, await h.idOf('bob'))).length).toBe(10);
    // Carol, at the same moment, is served.
    expect((await say('carol', 'actions')).message.text).toMatch(/no open actions/);
    // Two seconds on, bob has one more; a throttled event sent again then is handled, not taken for a repeat.
    h.clock.advance(2_000);
    expect((await say('bob', 'action add once more', 'ev-39')).message.tone).toBe('success');
    expect((await say('bob', 'action add and again')).message.text).toMatch(/faster than I can take them/);
  });
});
