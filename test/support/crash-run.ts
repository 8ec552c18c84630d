/**
 * What the crash tests share: a Setwise process (./serve-child.ts) started on a
 * database and a clock, people typing commands at its HTTP endpoint without pause,
 * and a seeded chooser of the moments to kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { seeded } from './chaos';
import { freePort } from './free-port';
import { ROOT } from './process';

export interface Served {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  /** Everything it wrote to stderr (its log), for a failure's message. */
  readonly log: () => string;
}

/** Starts one process and waits until `ready` answers (its /healthz), or it dies. */
export async function serve(env: Record<string, string>, ready: () => Promise<boolean>): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/serve-child.ts')], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let dead = false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => ((dead = true), resolve(code))));
  for (const started = Date.now(); !(await ready().catch(() => false)); ) {
    if (dead) throw new Error(`Setwise exited before it was ready:\n${stderr}`);
    if (Date.now() - started > 30_000) throw new Error(`Setwise was not ready in 30 s:\n${stderr}`);
    await sleep(25);
  }
  return { child, exited, log: () => stderr };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * People typing `reflect <word>` one after another, each word new, until stopped, each
 * pausing `pauseMs` between requests (within Setwise's flood limit, so no request is
 * turned away). A word whose request was answered 2xx is acknowledged: Setwise said it
 * had it. A request the kill cut short is not, and may or may not have been kept.
 */
export class Typists {
  readonly acknowledged: string[] = [];
  readonly cutShort: string[] = [];
  private inFlight = 0;
  private running = false;
  private loops: Promise<void>[] = [];
  private next = 0;

  constructor(
    private readonly people: readonly string[],
    private readonly send: (person: string, word: string) => Promise<number>,
    private readonly prefix: string,
    private readonly pauseMs: number,
  ) {}

  /** How many requests are on their way now, sent and not yet answered. */
  get pending(): number {
    return this.inFlight;
  }

  start(): void {
    this.running = true;
    this.loops = this.people.map((person) => this.type(person));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async type(person: string): Promise<void> {
    while (this.running) {
      const word = `${this.prefix}${(this.next++).toString(36).padStart(4, '0')}`;
      this.inFlight++;
      try {
        const status = await this.send(person, word);
        if (status >= 200 && status < 300) this.acknowledged.push(word);
        else this.cutShort.push(word);
      } catch {
        // The connection was refused or reset: killed before it answered.
        this.cutShort.push(word);
        await sleep(20);
      } finally {
        this.inFlight--;
      }
      // Staggered, so someone is usually typing: a pause of pauseMs on average.
      if (this.running) await sleep(this.pauseMs * (0.5 + Math.random()));
    }
  }
}

/** What a restarted Setwise finds in the SQLite file after a kill. */
export interface Inspection {
  /** 'ok', or what is wrong: SQLite's integrity_check; on PostgreSQL, its index and constraint checks. */
  readonly integrity: string;
  /** Rows whose foreign key points nowhere. */
  readonly foreignKeys: unknown[];
  /** Every journal entry's text: where the typists' words land. */
  readonly words: Set<string>;
  /** The jobs due by `dueAt`, by status. */
  readonly due: Record<string, number>;
}

/** Opens the file as a restarted Setwise would: its checks, the words it holds, the fan-out's state. */
export async function inspectSqlite(file: string, dueAt: Date): Promise<Inspection> {
  const sqlite = new Database(file);
  try {
    const integrity = (sqlite.pragma('integrity_check', { simple: true }) as string) ?? '';
    const foreignKeys = sqlite.pragma('foreign_key_check') as unknown[];
    const words = new Set((sqlite.prepare('SELECT text FROM reflections').all() as { text: string }[]).map((r) => r.text));
    const rows = sqlite.prepare('SELECT status, count(*) AS n FROM jobs WHERE run_at <= ? GROUP BY status').all(dueAt.getTime()) as { status: string; n: number }[];
    return { integrity, foreignKeys, words, due: Object.fromEntries(rows.map((r) => [r.status, r.n])) };
  } finally {
    sqlite.close();
  }
}

export interface CrashPlan {
  readonly kills: number;
  readonly seed: number;
  /** What a restart finds in the database (inspectSqlite, or ../postgres's inspectPostgres). */
  readonly inspect: () => Promise<Inspection>;
  /** When the fan-out falls due: each start is a lease later than the one before. */
  readonly dueAt: Date;
  /** The environment of a start on this port at this moment. */
  readonly env: (port: number, now: Date) => Record<string, string>;
  readonly typists: readonly string[];
  /** Sends `reflect <word>` as this person to the endpoint on this port; the HTTP status. */
  readonly send: (port: number, person: string, word: string) => Promise<number>;
  /** Every message the fake platform received, one key per nudge (where it went, what it said). */
  readonly delivered: () => string[];
}

export interface Kill {
  readonly mode: 'fan-out' | 'command';
  readonly commandsInFlight: number;
  readonly nudgesLeft: number;
}

export interface CrashResult {
  readonly kills: Kill[];
  readonly acknowledged: string[];
  readonly cutShort: string[];
  readonly end: Inspection;
  /** How many times each nudge arrived. */
  readonly counts: Map<string, number>;
}

/** The lease a killed process held its claims under, and a little more: when the next may take them over. */
const LEASE_MS = 120_000 + 10_000;

/**
 * Starts Setwise `kills` times and kills each with SIGKILL: half once the fan-out has
 * moved on a few sends, half a few milliseconds into a request at a random moment,
 * with people typing throughout. After each kill the file is inspected, and every word
 * acknowledged so far must be in it. A last start finishes the fan-out and is stopped
 * with SIGTERM, as an operator would.
 */
export async function crashLoop(plan: CrashPlan): Promise<CrashResult> {
  const random = seeded(plan.seed);
  const kills: Kill[] = [];
  let port = 0;
  // Each a request every 2.2 s or so: under the flood limit's 0.5 a second, after its burst.
  const typists = new Typists(plan.typists, (person, word) => plan.send(port, person, word), 'crashword', 2_200);
  for (let round = 0; round <= plan.kills; round++) {
    port = await freePort();
    const now = new Date(plan.dueAt.getTime() + round * LEASE_MS);
    const served = await serve(plan.env(port, now), async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok);
    typists.start();
    if (round === plan.kills) {
      for (const started = Date.now(); ; await sleep(100)) {
        const { due } = await plan.inspect();
        if (!due.pending && !due.claimed) break;
        if (Date.now() - started > 120_000) throw new Error(`the fan-out did not finish:\n${served.log()}`);
      }
      await typists.stop();
      served.child.kill('SIGTERM');
      await served.exited;
      break;
    }
    const mode = round % 2 === 0 ? 'fan-out' : 'command';
    if (mode === 'fan-out') {
      const target = plan.delivered().length + 1 + Math.floor(random() * 10);
      for (const started = Date.now(); plan.delivered().length < target && Date.now() - started < 5_000; ) await sleep(2);
    } else {
      await sleep(100 + random() * 1_400);
      // Then a moment into a request: just sent, arrived, or being handled (a request
      // takes a few milliseconds, so most are still on their way when the kill comes).
      while (typists.pending === 0) await sleep(1);
      await sleep(random() * 4);
    }
    const commandsInFlight = typists.pending;
    served.child.kill('SIGKILL');
    if ((await served.exited) !== null) throw new Error(`Setwise ended before it was killed:\n${served.log()}`);
    await typists.stop();
    const after = await plan.inspect();
    if (after.integrity !== 'ok') throw new Error(`integrity after kill ${round + 1}: ${after.integrity}`);
    if (after.foreignKeys.length) throw new Error(`foreign keys after kill ${round + 1}: ${JSON.stringify(after.foreignKeys)}`);
    const lost = typists.acknowledged.filter((w) => !after.words.has(w));
    if (lost.length) throw new Error(`after kill ${round + 1} (${mode}), acknowledged commands are missing: ${lost.join(', ')}`);
    kills.push({ mode, commandsInFlight, nudgesLeft: (after.due.pending ?? 0) + (after.due.claimed ?? 0) });
  }
  const counts = new Map<string, number>();
  for (const key of plan.delivered()) counts.set(key, (counts.get(key) ?? 0) + 1);
  return { kills, acknowledged: typists.acknowledged, cutShort: typists.cutShort, end: await plan.inspect(), counts };
}

/** One line for the log and docs/reliability.md. */
export function summary(name: string, seed: number, r: CrashResult, expected: number, bound: number): string {
  const repeats = [...r.counts.values()].reduce((sum, n) => sum + n - 1, 0);
  return (
    `${name} (seed ${seed}): ${r.kills.length} SIGKILLs (${r.kills.filter((k) => k.nudgesLeft > 0).length} with nudges left to send, ` +
    `${r.kills.filter((k) => k.commandsInFlight > 0).length} with commands in flight); ${r.acknowledged.length} commands acknowledged, all kept; ` +
    `${r.cutShort.length} cut short, ${r.cutShort.filter((w) => r.end.words.has(w)).length} of them kept; ${expected} nudges, all delivered, ` +
    `${repeats} repeated (bound ${bound}); the database's integrity and foreign keys checked clean after every kill`
  );
}

/**
 * What every crash run must show at its end: the database whole, every acknowledged
 * command kept (one cut short may be, or not), every nudge delivered with nothing
 * dead or skipped, repeats within the sends in flight, and kills that really came
 * mid-way (many with nudges left, many with commands on their way).
 */
export function expectSurvived(r: CrashResult, expected: number, kills: number, inFlight: number): void {
  expect(r.end.integrity).toBe('ok');
  expect(r.end.foreignKeys).toEqual([]);
  expect(r.acknowledged.filter((w) => !r.end.words.has(w))).toEqual([]);
  expect(r.acknowledged.length).toBeGreaterThan(kills);
  expect(r.end.due).toEqual({ done: expected });
  expect(r.counts.size).toBe(expected);
  expect([...r.counts.values()].reduce((sum, n) => sum + n - 1, 0)).toBeLessThanOrEqual(inFlight * kills);
  expect(r.kills).toHaveLength(kills);
  expect(r.kills.filter((k) => k.nudgesLeft > 0).length).toBeGreaterThanOrEqual(kills / 3);
  expect(r.kills.filter((k) => k.commandsInFlight > 0).length).toBeGreaterThanOrEqual(kills / 3);
}
