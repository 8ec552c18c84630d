/**
 * `npm run demo`: a six-member set through a three-meeting programme on a virtual
 * clock, printing everything Setwise sends, in order, with the local time it went
 * out. The second meeting runs live on its run-sheet, and a sponsor reads the
 * figures. Runs the real core, Store (in-memory SQLite) and scheduler; only the
 * chat platform is replaced by the transcript printer.
 */
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../src/prompt-library';
import { DateTime } from 'luxon';
import { openDatabase } from '../db/client';
import { createSqliteStore } from '../db/store';
import { jobs } from '../db/schema';
import { createCore } from '../src/app/core';
import { nudgeScheduler } from '../src/app/scheduling';
import type { Address } from '../src/domain/address';
import type { Message } from '../src/messages/model';
import { withPlainNames, type ChatPort } from '../src/ports/chat';
import { ManualClock } from '../src/ports/clock';
import type { Mention, Where } from '../src/ports/inbound';
import { silentLogger } from '../src/ports/logger';
import { runUntil } from '../src/scheduler/run-until';

const SET_ZONE = 'Europe/London';
const zones: Record<string, string> = { carol: 'America/New_York' };
const clock = new ManualClock(new Date('2027-01-04T09:00:00Z'));
const database = openDatabase(':memory:');
const store = createSqliteStore(database.db);

const when = (zone = SET_ZONE) => DateTime.fromJSDate(clock.now(), { zone }).setLocale('en').toFormat('ccc d LLL yyyy HH:mm');
const refOf = (a: Address) => a.ref as { channel?: string; user?: string };
const labelOf = (a: Address) => (refOf(a).channel ? `#${refOf(a).channel}` : `dm @${refOf(a).user}`);
// People print as @name, as the console draws them.
const body = (m: Message) => [withPlainNames(m.text).replace(/\n/g, '\n      '), ...(m.actions?.length ? [`[${m.actions.map((b) => b.label).join('] [')}]`] : [])].join(' ');

const transcript: ChatPort = {
  async post(to, message) {
    const user = refOf(to).user;
    const local = user && zones[user] ? ` (${when(zones[user])} ${zones[user]})` : '';
    console.log(`${when()} ${SET_ZONE}${local}  → ${labelOf(to)}\n      ${body(message)}`);
    return { address: to, ref: null };
  },
  async update(posted, message) {
    // The run-sheet is edited in place: show the stage now running and who is here, not the whole sheet again.
    const lines = withPlainNames(message.text).split('\n');
    const now = lines.find((l) => l.startsWith('▶')) ?? lines.find((l) => l.startsWith('Ended')) ?? lines[0];
    console.log(`${when()} ${SET_ZONE}  ✎ ${labelOf(posted.address)} (edited in place)\n      ${now}  ${lines.find((l) => l.startsWith('Here:')) ?? ''}`);
  },
};

const deps = { store, chat: transcript, clock, log: silentLogger, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) };
const core = createCore(deps);
const scheduler = nudgeScheduler(deps, 'demo');

const person = (name: string) => ({ userId: name, displayName: name, dm: { platform: 'console' as const, kind: 'user' as const, ref: { user: name } } });
const leaders: Where = { kind: 'channel', id: 'leaders', label: '#leaders', address: { platform: 'console', kind: 'channel', ref: { channel: 'leaders' } } };

async function say(name: string, text: string): Promise<void> {
  const mentions: Mention[] = [...text.matchAll(/@(\w+)/g)].map((m) => ({ token: m[0], identity: person(m[1]!) }));
  const reply = await core.handle({ platform: 'console', workspaceId: 'demo', actor: person(name), where: leaders, payload: { type: 'command', text, mentions } });
  console.log(`${when()} ${SET_ZONE}  @${name}: ${text}\n      ↳ ${body(reply.message).split('\n')[0]}`);
}

/** Every job seen finished, by id: the outbox prunes finished jobs a month on (src/app/retention.ts), so they are counted as the demo goes. */
const finished = new Map<number, { kind: string; status: string }>();
const tally = () => {
  for (const j of database.db.select({ id: jobs.id, kind: jobs.kind, status: jobs.status }).from(jobs).all()) if (j.status === 'done' || j.status === 'skipped') finished.set(j.id, j);
};
const advance = async (iso: string) => {
  // A week at a time, counting as it goes, so nothing is pruned before it is counted.
  for (let at = clock.now().getTime() + 7 * 86_400_000; at < Date.parse(iso); at += 7 * 86_400_000) {
    await runUntil(scheduler, store.jobs, clock, new Date(at));
    tally();
  }
  await runUntil(scheduler, store.jobs, clock, new Date(iso));
  tally();
};

console.log('Setwise demo: one action learning set, three meetings, every nudge.\n');
await say('alice', 'set create Northern Lights tz Europe/London');
await say('alice', 'member add @bob @carol @dave @erin @frank @gina');
await say('carol', 'me tz America/New_York');
await say('carol', 'me quiet 21:00-07:00');
await say('alice', 'set nudges challenge-reminder on');
await say('alice', 'set nudges low-attendance 5');
await say('alice', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-19 for 3 meetings');
await say('bob', 'rotation');
await advance('2027-01-15T12:00:00Z');
await say('dave', 'rsvp no');
await say('erin', 'rsvp no');
await say('frank', 'rsvp no');
await advance('2027-01-19T18:00:00Z');
await say('bob', 'action add ask my director for ten minutes on the restructure by 2027-02-10');
// The second meeting runs live on its run-sheet: who is here, bids, time boxes, the facilitator's heads-up.
await advance('2027-02-16T09:55:00Z');
await say('alice', 'meeting start');
await say('dave', 'here');
await say('gina', 'bid');
await say('alice', 'meeting next'); // to bids for time
await advance('2027-02-16T10:05:00Z');
await say('alice', 'meeting next'); // bids close: the issues are set
await say('alice', 'meeting plan issue 35');
await advance('2027-02-16T10:41:00Z'); // past the heads-up, 5 minutes before the first issue's box ends
for (const minutes of [42, 80, 110]) {
  await say('alice', 'meeting next');
  await advance(new Date(Date.parse('2027-02-16T10:00:00Z') + minutes * 60_000).toISOString());
}
await say('alice', 'meeting end'); // during the process review: the meeting is held now, and reflections follow from now
await say('alice', 'sponsor add @sam');
const report = await core.handle({ platform: 'console', workspaceId: 'demo', actor: person('sam'), where: { kind: 'dm', id: 'dm:sam', label: 'dm @sam', address: person('sam').dm }, payload: { type: 'command', text: 'report', mentions: [] } });
console.log(`${when()} ${SET_ZONE}  @sam: report\n      ↳ ${body(report.message).replace(/\n/g, '\n      ')}\n      files: ${(report.message.files ?? []).map((f) => `${f.name} (${f.content.length} bytes)`).join(', ')}`);
await advance('2027-04-01T00:00:00Z');

const byKind = [...finished.values()];
const summary = new Map<string, number>();
for (const j of byKind) if (j.status === 'done' && j.kind !== 'meeting-ended' && j.kind !== 'run-close') summary.set(j.kind, (summary.get(j.kind) ?? 0) + 1);
console.log('\nSent, by nudge:');
for (const [kind, n] of [...summary].sort()) console.log(`  ${kind.padEnd(18)} ${n}`);
const skipped = byKind.filter((j) => j.status === 'skipped').length;
console.log(`  (${skipped} planned nudges were skipped because they no longer applied: answered already, no open actions, plans changed)`);
database.close();
