/**
 * A scheduler process for the crash and several-instance tests: the real Store, Scheduler
 * and nudge delivery on a file database (CHILD_DB) or PostgreSQL (CHILD_DATABASE_URL), with a slow platform at the network edge
 * that appends each delivery to a log file (appendFileSync survives SIGKILL).
 */
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../../src/prompt-library';
import { appendFileSync, existsSync } from 'node:fs';
import { openDatabase } from '../../db/client';
import { openPostgres } from '../../db/pg/client';
import { createPostgresStore } from '../../db/pg/store';
import { createSqliteStore } from '../../db/store';
import type { Store } from '../../src/ports/store';
import { nudgeScheduler } from '../../src/app/scheduling';
import type { ChatPort } from '../../src/ports/chat';
import { ManualClock } from '../../src/ports/clock';
import { silentLogger } from '../../src/ports/logger';

const { CHILD_DB, CHILD_DATABASE_URL, CHILD_LOG, CHILD_NOW, CHILD_OWNER, CHILD_DELAY_MS = '10', CHILD_CONCURRENCY = '4', CHILD_GO } = process.env;

async function open(): Promise<{ store: Store; close(): Promise<void> }> {
  if (CHILD_DATABASE_URL) {
    const pg = await openPostgres(CHILD_DATABASE_URL, { max: 4 });
    return { store: createPostgresStore(pg.db), close: pg.close };
  }
  const database = openDatabase(CHILD_DB!);
  return { store: createSqliteStore(database.db), close: async () => database.close() };
}
const { store, close } = await open();
const delay = Number(CHILD_DELAY_MS);

const slowPlatform: ChatPort = {
  async post(to, message) {
    await new Promise((r) => setTimeout(r, delay));
    appendFileSync(CHILD_LOG!, `${CHILD_OWNER} ${JSON.stringify(to.ref)} ${message.text.slice(0, 40)}\n`);
    return { address: to, ref: null };
  },
  async update() {},
};

const clock = new ManualClock(new Date(CHILD_NOW!));
const scheduler = nudgeScheduler({ store, chat: slowPlatform, clock, log: silentLogger, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) }, CHILD_OWNER!, {
  concurrency: Number(CHILD_CONCURRENCY),
  batch: 50,
  leaseMs: 60_000,
});
appendFileSync(CHILD_LOG!, `${CHILD_OWNER} started\n`);
// When asked, wait for the starting gun, so two workers really run at the same time.
while (CHILD_GO && !existsSync(CHILD_GO)) await new Promise((r) => setTimeout(r, 10));
while ((await scheduler.tick()).claimed > 0) {
  // keep ticking until nothing is due
}
await close();
