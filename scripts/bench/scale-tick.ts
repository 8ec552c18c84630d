/**
 * One scheduler process for the scale benchmark (./scale.ts): on the database named,
 * at the moment given, it claims the due jobs in one statement (three times, each
 * undone), then runs one production tick (batches of 200, four sends at once, then the
 * retention tidy) that claims and delivers every due job to a chat that does nothing.
 * Prints its figures as JSON, with the process's peak memory.
 */
import { openDatabase } from '../../db/client';
import { createSqliteStore } from '../../db/store';
import { nudgeScheduler } from '../../src/app/scheduling';
import type { ChatPort } from '../../src/ports/chat';
import { ManualClock } from '../../src/ports/clock';
import { silentLogger } from '../../src/ports/logger';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../../src/prompt-library';

const [file, at] = process.argv.slice(2);
const now = new Date(Number(at));
const database = openDatabase(file!);
const store = createSqliteStore(database.db);
const due = database.sqlite.prepare("SELECT count(*) FROM jobs WHERE status = 'pending' AND run_at <= ?").pluck().get(now.getTime()) as number;
const undo = database.sqlite.prepare("UPDATE jobs SET status = 'pending', claimed_by = NULL, lease_until = NULL, attempts = 0 WHERE status = 'claimed'");

const claims: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const got = await store.jobs.claim('bench', now, 120_000, due);
  claims.push(performance.now() - t);
  if (got.length !== due) throw new Error(`claimed ${got.length} of ${due} due`);
  undo.run();
}

let posts = 0;
const nothing: ChatPort = { post: async (to) => (posts++, { address: to, ref: null }), update: async () => {} };
const scheduler = nudgeScheduler({ store, chat: nothing, clock: new ManualClock(now), log: silentLogger, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) }, 'bench');
const t = performance.now();
const tick = await scheduler.tick();
const tickMs = performance.now() - t;
database.close();
// maxRSS is in kilobytes: the most this process held at once, from start to here.
process.stdout.write(JSON.stringify({ due, claims, tickMs, tick, posts, peakRss: process.resourceUsage().maxRSS * 1024 }));
