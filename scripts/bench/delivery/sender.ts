/**
 * One half of B3, in a process of its own: Setwise's real delivery path on a seeded
 * file database. The real scheduler (production's batch and concurrency) and nudge
 * code, the real PacedChat with the limits the adapter declares, and the adapter's
 * real chat port (Slack in OAuth mode, a WebClient per workspace's token; Teams
 * through botbuilder's CloudAdapter), over HTTP to the enforcing fake in another
 * process. Reports to the section (../delivery.ts) over IPC, then exits.
 */
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { slackChat, SLACK_LIMITS } from '../../../adapters/slack';
import { teamsAdapter, TEAMS_LIMITS } from '../../../adapters/teams';
import { openDatabase } from '../../../db/client';
import { createSqliteStore } from '../../../db/store';
import { nudgeScheduler } from '../../../src/app/scheduling';
import type { Clock } from '../../../src/ports/clock';
import type { Logger } from '../../../src/ports/logger';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../../../src/prompt-library';
import { PacedChat } from '../../../src/scheduler/pacer';
import { epochNow } from '../../../test/support/limits-proxy';
import { seedSlack, seedTeams } from './seed';
import type { HalfConfig, HalfResult, KindCounts } from './shape';

const config = JSON.parse(process.argv[2]!) as HalfConfig;
// Gone with the section: never left running.
process.on('disconnect', () => process.exit(1));

const database = openDatabase(join(config.dir, `${config.platform}.db`));
const store = createSqliteStore(database.db);
const dueAt = config.platform === 'slack' ? await seedSlack(store, config.nudges) : await seedTeams(store, config.nudges, config.url);

/** Counts the retries the scheduler logs; keeps its first few warnings to show. */
let retries = 0;
const warnings: string[] = [];
const note = (obj: object, msg?: string) => {
  if (msg === 'nudge failed; will retry') retries += 1;
  if (warnings.length < 5) warnings.push(`${msg ?? ''} ${JSON.stringify(obj)}`.slice(0, 300));
};
const log: Logger = { debug() {}, info() {}, warn: note, error: note };

// The scheduler's clock starts at the due moment and runs in real time, as a deployed
// one would, so a send put back for a retry falls due when its wait is over.
let startedAt = epochNow();
const clock: Clock = { now: () => new Date(dueAt.getTime() + (epochNow() - startedAt)) };

// OAuth mode: each workspace's bot token is read from its stored installation.
const settings = { port: 0, apiUrl: config.url, oauth: { clientId: 'unused', clientSecret: 'unused', stateSecret: 'unused' } };
const chat =
  config.platform === 'slack' ? new PacedChat(slackChat(settings, store, log), SLACK_LIMITS) : new PacedChat(teamsAdapter({ port: 0 }, store, clock, log).chat, TEAMS_LIMITS);
const scheduler = nudgeScheduler({ store, chat, clock, log, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) }, `bench-${config.platform}`);

/** Jobs of each kind (all, or those `where` picks), and how many of them were sent or buried. */
const byKind = (where: string, ...args: number[]) =>
  database.sqlite.prepare(`SELECT kind, COUNT(*) AS n, SUM(status = 'done') AS done, SUM(status = 'dead') AS dead FROM jobs ${where} GROUP BY kind`).all(...args) as { kind: string; n: number; done: number; dead: number }[];
const due = byKind('WHERE run_at <= ?', dueAt.getTime());
// Nothing planned after the due moment (the meeting itself, hours later) is waited for.
const horizon = (database.sqlite.prepare('SELECT MIN(run_at) AS at FROM jobs WHERE run_at > ?').get(dueAt.getTime()) as { at: number | null }).at ?? Number.MAX_SAFE_INTEGER;

const lag = monitorEventLoopDelay({ resolution: 10 });
let finished = false;
function finish(complete: boolean): void {
  if (finished) return;
  finished = true;
  lag.disable();
  const now = new Map(byKind('').map((r) => [r.kind, r]));
  const lastDue = database.sqlite.prepare("SELECT MAX(run_at) AS at FROM jobs WHERE status IN ('pending', 'claimed') AND run_at < ?").get(horizon) as { at: number | null };
  const kinds: KindCounts = Object.fromEntries(due.map((d) => [d.kind, { due: d.n, done: now.get(d.kind)?.done ?? 0, dead: now.get(d.kind)?.dead ?? 0 }]));
  const result: HalfResult = { complete, elapsedMs: epochNow() - startedAt, startedAt, kinds, lastDueMs: (lastDue.at ?? dueAt.getTime()) - dueAt.getTime(), retries, warnings, lag: { p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 } };
  process.send!({ type: 'result', result }, () => process.exit(0));
}

lag.enable();
startedAt = epochNow();
// Over budget: report what was delivered so far (the section projects the rest).
setTimeout(() => finish(false), config.capMs).unref();
for (;;) {
  await scheduler.tick();
  const next = await store.jobs.nextDue();
  if (!next || next.getTime() >= horizon) break;
  await new Promise((r) => setTimeout(r, Math.max(0, next.getTime() - clock.now().getTime())));
}
finish(true);
