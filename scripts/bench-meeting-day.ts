/**
 * `npm run bench:meeting-day`: what the meeting day costs through the core on a real
 * (in-memory) SQLite store: moving the run-sheet on (a stage change re-plans the set
 * and edits the sheet), marking someone here, and a report with its chart and CSV,
 * cold (the first in a process loads vega and resvg) and warm, for one set and for a
 * programme of many.
 */
import { openDatabase } from '../db/client';
import { createSqliteStore } from '../db/store';
import { createCore } from '../src/app/core';
import type { ChatPort } from '../src/ports/chat';
import { ManualClock } from '../src/ports/clock';
import type { Mention, Reply, Where } from '../src/ports/inbound';
import { silentLogger } from '../src/ports/logger';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../src/prompt-library';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const MEMBERS = 12;
const MEETINGS = 13;

const database = openDatabase(':memory:');
const clock = new ManualClock(new Date('2026-12-01T12:00:00Z'));
let edits = 0;
const chat: ChatPort = { post: async (to) => ({ address: to, ref: null }), update: async () => void edits++ };
const core = createCore({ store: createSqliteStore(database.db), chat, clock, log: silentLogger, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) });
const person = (name: string) => ({ userId: name, displayName: name, dm: { platform: 'console' as const, kind: 'user' as const, ref: { user: name } } });
const channel = (c: string): Where => ({ kind: 'channel', id: c, label: `#${c}`, address: { platform: 'console', kind: 'channel', ref: { channel: c } } });
async function say(name: string, where: Where, text: string): Promise<Reply> {
  const mentions: Mention[] = [...text.matchAll(/@(\w+)/g)].map((m) => ({ token: m[0], identity: person(m[1]!) }));
  const reply = await core.handle({ platform: 'console', workspaceId: 'bench', actor: person(name), where, payload: { type: 'command', text, mentions } });
  if (reply.message.tone === 'error') throw new Error(`${text}: ${reply.message.text}`);
  return reply;
}
const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const t = performance.now();
  await run();
  return performance.now() - t;
};

async function makeSet(c: string, from: string): Promise<string[]> {
  const names = Array.from({ length: MEMBERS - 1 }, (_, i) => `${c}m${i}`);
  await say('fac', channel(c), `set create Set ${c} tz Europe/London`);
  await say('fac', channel(c), `member add ${names.map((n) => `@${n}`).join(' ')}`);
  await say('fac', channel(c), `schedule every 1 week on tuesday at 10:00 for 3h from ${from} for ${MEETINGS} meetings`);
  return names;
}

const leaders = channel('leaders');
const names = await makeSet('leaders', '2026-12-08');
const next: number[] = [];
const here: number[] = [];
// Every meeting of the programme run on its run-sheet: here, a bid, every stage, the end.
for (let week = 0; week < MEETINGS; week++) {
  clock.set(new Date(Date.UTC(2026, 11, 8 + 7 * week, 9, 55)));
  await say('fac', leaders, 'meeting start');
  for (const n of names.slice(0, 8)) here.push(await timed(() => say(n, leaders, 'here')));
  await say(names[week % names.length]!, leaders, `action add follow up ${week}`);
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    const reply = await say('fac', leaders, 'meeting next');
    next.push(performance.now() - t);
    clock.advance(20 * 60_000);
    if (/has ended/.test(reply.message.text)) break;
  }
}
clock.set(new Date('2027-03-20T12:00:00Z'));
const firstReport = await timed(() => say('fac', leaders, 'report'));
const reports: number[] = [];
let pngBytes = 0;
let csvBytes = 0;
for (let i = 0; i < 10; i++) {
  reports.push(
    await timed(async () => {
      const files = (await say('fac', leaders, 'report')).message.files ?? [];
      pngBytes = files[0]!.content.length;
      csvBytes = files[1]!.content.length;
    }),
  );
}

// A programme: the same facilitator runs many more sets (meetings planned, none held).
const SETS = 50;
for (let s = 0; s < SETS - 1; s++) await makeSet(`s${s}`, '2027-04-06');
const programme: number[] = [];
for (let i = 0; i < 5; i++) programme.push(await timed(() => say('fac', leaders, 'report programme')));

const row = (what: string, value: string) => console.log(`${what.padEnd(58)} ${value}`);
console.log(`Meeting day through the core, SQLite in memory; a set of ${MEMBERS} people, ${MEETINGS} meetings each run on its run-sheet`);
row('meeting next (stage change: re-plan + sheet edit), median', `${median(next).toFixed(1)} ms over ${next.length}`);
row('here (mark + sheet edit), median', `${median(here).toFixed(1)} ms over ${here.length}`);
row('report, first in the process (loads vega, vega-lite, resvg)', `${firstReport.toFixed(0)} ms`);
row('report, one set, warm, median', `${median(reports).toFixed(0)} ms (PNG ${pngBytes} bytes, CSV ${csvBytes} bytes)`);
row(`report programme, ${SETS} sets, warm, median`, `${median(programme).toFixed(0)} ms`);
row('run-sheet edits made', String(edits));
database.close();
