/**
 * Scheduler processes (./scheduler-child.ts) for the crash, several-instance and
 * benchmark runs, and reading what they delivered from their shared log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './process';

export function schedulerChild(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/scheduler-child.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export const exited = (p: ChildProcess) => new Promise<number | null>((resolve) => p.on('exit', (code) => resolve(code)));

const lines = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);

/** How many workers have connected and said so. */
export const startedIn = (log: string) => lines(log).filter((l) => l.endsWith(' started')).length;

/** Every delivery logged, as "<worker> <recipient> <message>". */
export const deliveries = (log: string) => lines(log).filter((l) => !l.endsWith(' started'));

/** Deliveries per recipient and message, whichever worker sent them. */
export function perJob(sent: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of sent) {
    const key = line.slice(line.indexOf(' ') + 1);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
