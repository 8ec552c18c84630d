/**
 * `npm run bench:scheduler`: what a tick costs when the outbox is large.
 * Seeds 10,000 sets, each with six members and a year of meetings and their nudges
 * planned (about three million jobs) in a file database, then measures claiming
 * 1,000 due jobs, and whole ticks that deliver them through the real nudge code to
 * a no-op platform, with the process's memory before and after.
 * Figures go to docs/benchmarks.md; no test asserts a timing.
 */
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../src/prompt-library';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/client';
import { createSqliteStore } from '../db/store';
import { nudgeScheduler } from '../src/app/scheduling';
import { nudgeSettings } from '../src/domain/nudges/settings';
import { planNudges } from '../src/domain/nudges/catalogue';
import type { ChatPort } from '../src/ports/chat';
import { ManualClock } from '../src/ports/clock';
import { silentLogger } from '../src/ports/logger';

const SETS = Number(process.env.BENCH_SETS ?? 10_000);
const MEMBERS = 6;
const MEETINGS = 13; // every four weeks for a year
const DUE = 1_000;
const DAY = 86_400_000;

const dir = mkdtempSync(join(tmpdir(), 'setwise-bench-'));
const file = join(dir, 'bench.db');
const database = openDatabase(file);
const { sqlite } = database;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

console.log(`Seeding ${SETS} sets x ${MEMBERS} members x ${MEETINGS} meetings ...`);
let t = process.hrtime.bigint();
const base = Date.parse('2027-01-05T10:00:00Z');
const now0 = new Date(base - 30 * DAY);
const ins = {
  ws: sqlite.prepare("INSERT INTO workspaces (platform, external_id, created_at) VALUES ('slack', 'T1', ?)"),
  person: sqlite.prepare('INSERT INTO people (workspace_id, platform_user_id, display_name, dm_address, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?)'),
  set: sqlite.prepare("INSERT INTO sets (workspace_id, name, channel_id, channel_label, channel_address, time_zone, created_at, updated_at) VALUES (1, ?, ?, ?, ?, 'Europe/London', ?, ?)"),
  member: sqlite.prepare('INSERT INTO memberships (set_id, person_id, role, joined_at) VALUES (?, ?, ?, ?)'),
  meeting: sqlite.prepare("INSERT INTO meetings (set_id, local_date, local_time, time_zone, starts_at, ends_at, origin, created_at, updated_at) VALUES (?, ?, '10:00', 'Europe/London', ?, ?, 'rule', ?, ?)"),
  slot: sqlite.prepare("INSERT INTO presenter_slots (meeting_id, person_id, position, source, status, reason, created_at, updated_at) VALUES (?, ?, ?, 'rotation', 'planned', '{\"kind\":\"not-presented-yet\"}', ?, ?)"),
  job: sqlite.prepare("INSERT INTO jobs (kind, dedupe_key, set_id, run_at, stale_at, payload, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)"),
};
let jobCount = 0;
sqlite.transaction(() => {
  const c = now0.getTime();
  ins.ws.run(c);
  for (let s = 0; s < SETS; s++) {
    const setId = Number(ins.set.run(`Set ${s}`, `C${s}`, `#set-${s}`, JSON.stringify({ channel: `C${s}` }), c, c).lastInsertRowid);
    const members: number[] = [];
    for (let m = 0; m < MEMBERS; m++) {
      const id = Number(ins.person.run(`U${s}-${m}`, `p${s}-${m}`, JSON.stringify({ platform: 'slack', kind: 'user', ref: `U${s}-${m}` }), c, c).lastInsertRowid);
      ins.member.run(setId, id, m === 0 ? 'facilitator' : 'member', c);
      members.push(id);
    }
    const first = base + (s % 28) * DAY; // sets spread over the month
    const meetings = Array.from({ length: MEETINGS }, (_, i) => {
      const startsAt = new Date(first + i * 28 * DAY);
      const endsAt = new Date(startsAt.getTime() + 3 * 3_600_000);
      const id = Number(ins.meeting.run(setId, startsAt.toISOString().slice(0, 10), startsAt.getTime(), endsAt.getTime(), c, c).lastInsertRowid);
      return { id, startsAt, endsAt, status: 'scheduled' as const };
    });
    const presenters = new Map<number, number[]>();
    meetings.slice(0, 2).forEach((m, i) => {
      const pair = [members[1 + 2 * i]!, members[2 + 2 * i]!];
      pair.forEach((p, k) => ins.slot.run(m.id, p, k + 1, c, c));
      presenters.set(m.id, pair);
    });
    const planned = planNudges({ now: now0, settings: nudgeSettings({}), zone: 'Europe/London', zones: new Map(), minAttendance: 3, meetings, memberIds: members, facilitatorIds: [members[0]!], finalMeetingId: meetings.at(-1)!.id, presenters, declined: new Map() });
    for (const n of planned) {
      ins.job.run(n.kind, n.dedupeKey, setId, n.runAt.getTime(), n.staleAt.getTime(), JSON.stringify({ meetingId: n.meetingId, personId: n.personId }), c, c);
      jobCount++;
    }
  }
})();
sqlite.pragma('wal_checkpoint(TRUNCATE)');
console.log(`Seeded ${jobCount} jobs in ${(ms(t) / 1000).toFixed(1)} s; database ${mb(statSync(file).size)}.`);

// "Now" is the moment the 1,000th job falls due.
const nowMs = sqlite.prepare('SELECT run_at FROM jobs ORDER BY run_at LIMIT 1 OFFSET ?').pluck().get(DUE - 1) as number;
const due = sqlite.prepare("SELECT count(*) FROM jobs WHERE status = 'pending' AND run_at <= ?").pluck().get(nowMs) as number;
const plan = sqlite
  .prepare(
    "EXPLAIN QUERY PLAN SELECT id FROM jobs WHERE (status = 'pending' AND run_at <= ?) OR (status = 'claimed' AND lease_until <= ?) ORDER BY run_at LIMIT 200",
  )
  .all(nowMs, nowMs) as { detail: string }[];
console.log(`Due at ${new Date(nowMs).toISOString()}: ${due} jobs. Claim query plan: ${plan.map((p) => p.detail).join('; ')}`);

const store = createSqliteStore(database.db);
const reset = sqlite.prepare("UPDATE jobs SET status = 'pending', claimed_by = NULL, lease_until = NULL, attempts = 0 WHERE status = 'claimed'");

const claims: number[] = [];
for (let i = 0; i < 5; i++) {
  t = process.hrtime.bigint();
  const got = await store.jobs.claim('bench', new Date(nowMs), 120_000, DUE);
  claims.push(ms(t));
  if (got.length !== due && got.length !== DUE) throw new Error(`claimed ${got.length}, expected ${due}`);
  reset.run();
}
claims.sort((a, b) => a - b);
console.log(`Claim ${DUE} due jobs (one UPDATE ... RETURNING): median ${claims[2]!.toFixed(1)} ms, best ${claims[0]!.toFixed(1)} ms, worst ${claims[4]!.toFixed(1)} ms`);

let posts = 0;
const noop: ChatPort = { post: async (to) => (posts++, { address: to, ref: null }), update: async () => {} };
const clock = new ManualClock(new Date(nowMs));
const scheduler = nudgeScheduler({ store, chat: noop, clock, log: silentLogger, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) }, 'bench', { concurrency: 8, batch: 200 });
global.gc?.();
const before = process.memoryUsage();
console.log(`Memory before ticks: heap ${mb(before.heapUsed)}, rss ${mb(before.rss)}`);
for (let round = 0; round < 5; round++) {
  const at = sqlite.prepare("SELECT run_at FROM jobs WHERE status = 'pending' ORDER BY run_at LIMIT 1 OFFSET ?").pluck().get(DUE - 1) as number;
  clock.set(new Date(at));
  t = process.hrtime.bigint();
  const r = await scheduler.tick();
  const took = ms(t);
  global.gc?.();
  const m = process.memoryUsage();
  console.log(`Tick ${round + 1}: ${r.claimed} claimed, ${r.sent} sent, ${r.skipped} skipped in ${took.toFixed(0)} ms (${((took / r.claimed) * 1000).toFixed(0)} µs a job); heap ${mb(m.heapUsed)}, rss ${mb(m.rss)}`);
}
console.log(`Posts made: ${posts}`);
database.close();
rmSync(dir, { recursive: true, force: true });
