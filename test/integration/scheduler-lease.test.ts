/**
 * The outbox's claims as several instances see them: a batch that outlasts its lease
 * leaves the rest for whoever claims next instead of sending what another instance
 * may hold, and a database failure during delivery uses up no try.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nudgeScheduler } from '../../src/app/scheduling';
import type { ChatPort } from '../../src/ports/chat';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../../src/prompt-library';
import { silentLogger } from '../../src/ports/logger';
import { StoreUnavailable } from '../../src/ports/store';
import { createHarness, type Harness } from '../support/harness';
import { RecordingChat } from '../support/recording-chat';

let h: Harness;
/** The day before the set's first meeting, when its RSVP reminders (one a person) and the channel's reminder fall due together. */
const REMINDERS_DUE = new Date('2027-01-04T10:00:00Z');

beforeEach(async () => {
  h = await createHarness(new Date('2026-12-01T12:00:00Z'));
  await h.say('alice', '#six', 'set create Six tz Europe/London');
  await h.say('alice', '#six', 'member add @bob @carol @dave @erin @frank @gina');
  await h.say('alice', '#six', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 1 meetings');
  await h.advanceTo(new Date(REMINDERS_DUE.getTime() - 60_000)); // everything due before then is out of the way
});
afterEach(() => h.close());

/** A second instance of the scheduler on the same store and clock, sending through `chat`. */
const instance = (owner: string, chat: ChatPort, leaseMs = 60_000) =>
  nudgeScheduler({ store: h.store, chat, clock: h.clock, log: silentLogger, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) }, owner, { leaseMs, batch: 50, concurrency: 1 });

describe('claims that outlast their lease', () => {
  it('leave the jobs not yet sent to the instance that claims them next, and every nudge goes out once', async () => {
    h.clock.set(REMINDERS_DUE);
    const other = new RecordingChat(() => h.clock.now());
    const otherInstance = instance('other', other);
    let otherTicked = false;
    // A platform that takes 20 s a message: the batch cannot be sent within its 60 s
    // lease. As soon as the lease has run out, another instance ticks and reclaims.
    const slow = new RecordingChat(() => h.clock.now());
    const slowPost = slow.post.bind(slow);
    slow.post = async (to, message) => {
      const posted = await slowPost(to, message);
      h.clock.set(new Date(h.clock.now().getTime() + 20_000));
      if (!otherTicked && h.clock.now().getTime() >= REMINDERS_DUE.getTime() + 60_000) {
        otherTicked = true;
        await otherInstance.tick();
      }
      return posted;
    };
    const first = await instance('slow', slow).tick();
    expect(otherTicked).toBe(true);
    expect(first.lapsed).toBeGreaterThan(0); // the slow instance left those to the other one
    expect(other.posts.length).toBeGreaterThan(0);
    const sent = [...slow.posts, ...other.posts].map((p) => `${JSON.stringify(p.to)} ${p.message.text}`);
    expect(new Set(sent).size).toBe(sent.length); // nothing twice
    const due = (await h.planOf('six')).jobs.filter((j) => j.runAt.getTime() <= REMINDERS_DUE.getTime() && j.runAt.getTime() > REMINDERS_DUE.getTime() - 60_000);
    expect(due.length).toBeGreaterThan(4);
    expect(due.every((j) => j.status === 'done')).toBe(true);
    expect(sent).toHaveLength(due.length);
  });
});

describe('a database failure while delivering', () => {
  it('stops the tick without using up a try or burying the nudge; it is sent once the lease ends', async () => {
    h.clock.set(REMINDERS_DUE);
    const failing = new RecordingChat(() => h.clock.now());
    failing.failWith = new StoreUnavailable();
    await expect(instance('a', failing).tick()).rejects.toBeInstanceOf(StoreUnavailable);
    const held = (await h.planOf('six')).jobs.filter((j) => j.status === 'claimed');
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((j) => j.lastError === null)).toBe(true);
    expect((await h.planOf('six')).jobs.filter((j) => j.status === 'dead')).toEqual([]);

    h.clock.set(new Date(REMINDERS_DUE.getTime() + 61_000));
    const working = new RecordingChat(() => h.clock.now());
    const after = await instance('b', working).tick();
    expect(after.dead).toBe(0);
    expect(working.posts.length).toBeGreaterThanOrEqual(held.length);
    expect((await h.planOf('six')).jobs.filter((j) => j.status === 'claimed' || j.status === 'dead')).toEqual([]);
  });
});
