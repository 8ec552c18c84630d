/**
 * Scheduler processes draining one database's due nudges together (for
 * ../bench-postgres.ts and the several-instances benchmark): each run on a fresh copy
 * of a seeded database, started together by a starting gun, every delivery logged and
 * counted for duplicates, with how busy the machine's cores were meanwhile.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyDatabase } from '../../test/support/postgres-server';
import { deliveries, exited, schedulerChild as child, startedIn } from '../../test/support/workers';

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** The machine's CPU time so far (Linux' /proc/stat): busy and total jiffies, to say how busy a drain kept the cores. */
export function cpuTimes(): { busy: number; total: number } | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - fields[3]! - (fields[4] ?? 0), total }; // idle and iowait are not busy
}

/** A fresh copy of the seeded database for one drain: where the children find it. */
async function copyOf(dir: string, engine: 'sqlite' | 'postgres', seeded: string, name: string): Promise<Record<string, string>> {
  if (engine === 'sqlite') {
    const file = join(dir, `${name}.db`);
    copyFileSync(seeded, file);
    return { CHILD_DB: file };
  }
  return { CHILD_DATABASE_URL: await copyDatabase(seeded, name) };
}

/** 1, 2 or 4 instances draining the same 10,000 due nudges, each run on a copy of one seeded database. */
export async function drain(dir: string, engine: 'sqlite' | 'postgres', seeded: string, dueAt: Date, instances: number): Promise<{ seconds: number; sent: number; duplicates: number; busy: string }> {
  const name = `drain_${engine}_${instances}`;
  const where = await copyOf(dir, engine, seeded, name);
  const log = join(dir, `${name}.log`);
  const go = join(dir, `${name}.go`);
  const env = { ...where, CHILD_LOG: log, CHILD_NOW: dueAt.toISOString(), CHILD_DELAY_MS: '0', CHILD_CONCURRENCY: '8', CHILD_GO: go };
  const workers = Array.from({ length: instances }, (_, i) => child({ ...env, CHILD_OWNER: `w${i}` }));
  const done = Promise.all(workers.map(exited));
  while (startedIn(log) < instances) await new Promise((r) => setTimeout(r, 10));
  const t = process.hrtime.bigint();
  const cpuBefore = cpuTimes();
  writeFileSync(go, '');
  const codes = await done;
  const seconds = ms(t) / 1000;
  const cpuAfter = cpuTimes();
  const busy = cpuBefore && cpuAfter ? `${Math.round((100 * (cpuAfter.busy - cpuBefore.busy)) / (cpuAfter.total - cpuBefore.total))}%` : '?';
  if (codes.some((c) => c !== 0)) throw new Error(`a drain worker failed: ${codes.join(', ')}`);
  const sent = deliveries(log).map((l) => l.slice(l.indexOf(' ') + 1));
  return { seconds, sent: sent.length, duplicates: sent.length - new Set(sent).size, busy };
}
