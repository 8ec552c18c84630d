/**
 * `npm run bench:retention`: how big the SQLite database of an organisation grows
 * over a year, with retention pruning as the scheduler does it. `SETS` sets (100 by
 * default; `-- 1000` for a larger run) of six people, each meeting every four weeks
 * for a year, every nudge sent to a chat that answers at once; the clock is played
 * through the year by the scheduler itself. Prints the file's size and the rows kept,
 * each quarter, against the rows the outbox would hold with nothing pruned.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/client';
import { createSqliteStore } from '../db/store';
import { createCore } from '../src/app/core';
import { nudgeScheduler } from '../src/app/scheduling';
import type { ChatPort } from '../src/ports/chat';
import { ManualClock } from '../src/ports/clock';
import type { Mention, Where } from '../src/ports/inbound';
import { silentLogger } from '../src/ports/logger';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../src/prompt-library';
import { runUntil } from '../src/scheduler/run-until';

const SETS = Number(process.argv[2] ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'setwise-retention-'));
const file = join(dir, 'setwise.db');
const database = openDatabase(file);
const store = createSqliteStore(database.db);
const clock = new ManualClock(new Date('2027-01-01T08:00:00Z'));
let sent = 0;
const chat: ChatPort = { post: async (to) => (sent++, { address: to, ref: null }), update: async () => {} };
const deps = { store, chat, clock, log: silentLogger, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) };
const core = createCore(deps);
const scheduler = nudgeScheduler(deps, 'bench');
const person = (name: string) => ({ userId: name, displayName: name, dm: { platform: 'console' as const, kind: 'user' as const, ref: { user: name } } });
async function say(name: string, where: Where, text: string) {
  const mentions: Mention[] = [...text.matchAll(/@(\w+)/g)].map((m) => ({ token: m[0], identity: person(m[1]!) }));
  await core.handle({ platform: 'console', workspaceId: 'bench', actor: person(name), where, payload: { type: 'command', text, mentions } });
}

const started = performance.now();
for (let s = 0; s < SETS; s++) {
  const where: Where = { kind: 'channel', id: `c${s}`, label: `#c${s}`, address: { platform: 'console', kind: 'channel', ref: { channel: `c${s}` } } };
  await say(`f${s}`, where, `set create Set ${s} tz Europe/London`);
  await say(`f${s}`, where, `member add ${[1, 2, 3, 4, 5].map((i) => `@p${s}x${i}`).join(' ')}`);
  await say(`f${s}`, where, `schedule every 4 weeks on ${['monday', 'tuesday', 'wednesday', 'thursday'][s % 4]} at 10:00 for 3h from 2027-01-04 until 2027-12-31`);
}
const count = (sql: string) => database.sqlite.prepare(sql).pluck().get() as number;
const bytes = () => {
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return statSync(file).size;
};
const planned = count('SELECT count(*) FROM jobs');
console.log(`${SETS} sets of 6, every 4 weeks for a year: ${planned} jobs planned, ${(bytes() / 1e6).toFixed(1)} MB`);
console.log('quarter end     file MB   jobs kept   of which finished   events kept   sent so far');
let finishedEver = 0;
for (const end of ['2027-04-01', '2027-07-01', '2027-10-01', '2028-01-01', '2028-02-01']) {
  await runUntil(scheduler, store.jobs, clock, new Date(`${end}T00:00:00Z`));
  await scheduler.tick();
  finishedEver = Math.max(finishedEver, sent);
  const kept = count('SELECT count(*) FROM jobs');
  const finished = count("SELECT count(*) FROM jobs WHERE status IN ('done', 'skipped', 'dead')");
  console.log(`${end}      ${(bytes() / 1e6).toFixed(1).padStart(7)}   ${String(kept).padStart(9)}   ${String(finished).padStart(17)}   ${String(count('SELECT count(*) FROM processed_events')).padStart(11)}   ${String(sent).padStart(11)}`);
}
const perSet = bytes() / SETS;
console.log(`after the year: ${(perSet / 1024).toFixed(1)} KiB a set; ${((perSet * 1000) / 1e6).toFixed(0)} MB for 1,000 sets (took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
database.close();
rmSync(dir, { recursive: true, force: true });
