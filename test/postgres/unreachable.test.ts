import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/ports/logger';
import { StoreUnavailable } from '../../src/ports/store';
import { guardedTick } from '../../src/scheduler/guarded-tick';
import { createHarness, type Harness } from '../support/harness';
import { noServer, useThrowawayServer } from '../support/postgres-suite';
import { postgresStore } from '../support/stores';

describe.skipIf(noServer)('when the PostgreSQL server goes away and comes back', () => {
  const server = useThrowawayServer();
  let h: Harness;
  beforeAll(async () => {
    const url = server().createDatabase('outage');
    process.env.SETWISE_TEST_DATABASE_URL = url;
    h = await createHarness(new Date('2026-12-01T12:00:00Z'), undefined, postgresStore);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('commands answer "try again shortly", ticks wait it out saying so once, and every nudge due meanwhile is sent afterwards', async () => {
    await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
    await h.say('alice', '#leaders', 'member add @bob @carol');
    await h.say('alice', '#leaders', 'schedule every 4 weeks on tuesday at 10:00 from 2027-01-05 for 2 meetings');
    const lines: string[] = [];
    const log: Logger = { debug() {}, info: (_o, m) => lines.push(`info ${m}`), warn: (_o, m) => lines.push(`warn ${m}`), error: (_o, m) => lines.push(`error ${m}`) };
    const tick = guardedTick(() => h.scheduler.tick(), log, (e) => e instanceof StoreUnavailable);

    server().halt();
    const refused = await h.say('bob', '#leaders', 'rsvp yes');
    expect(refused.message.text).toBe("I can't reach my database just now. Please try again shortly.");
    // Nudges fall due while the server is down: the ticks give way, one warning for the spell.
    h.clock.set(new Date('2027-01-04T12:00:00Z'));
    const before = h.chat.posts.length;
    await tick();
    await tick();
    expect(lines).toEqual(['warn database busy or unreachable: the next tick will try again']);
    expect(h.chat.posts.length).toBe(before);

    server().resume();
    await tick();
    expect(lines.at(-1)).toBe('info database answering again: nudges due meanwhile are being sent');
    expect(lines.filter((l) => l.startsWith('error'))).toEqual([]);
    // The day-before reminders went out once the server was back; nothing was lost.
    const sent = h.chat.posts.slice(before).map((p) => p.message.text);
    expect(sent.some((t) => t.startsWith('Northern Lights meets on Tue 5 Jan 2027'))).toBe(true);
    // And the answer refused earlier can simply be given again.
    expect((await h.say('bob', '#leaders', 'rsvp yes')).message.text).toMatch(/^Noted: you are coming to Northern Lights/);
  });
});
