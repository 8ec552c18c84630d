/**
 * The processes B1 starts (the build, the seeding, the fakes, each app): every one is
 * remembered, so none outlives the benchmark, however it ends.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const children = new Set<ChildProcess>();

/** Ends every child still running: at the end, on failure, and on Ctrl-C. */
export function killAll(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
}
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (killAll(), process.exit(130)));

export interface Started {
  readonly child: ChildProcess;
  /** The last lines it wrote to stderr, for a failure's message (and its warnings). */
  readonly stderr: string[];
}

function track(child: ChildProcess): Started {
  children.add(child);
  child.once('exit', () => children.delete(child));
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(...chunk.toString().split('\n').filter(Boolean));
    if (stderr.length > 200) stderr.splice(0, stderr.length - 200);
  });
  return { child, stderr };
}

/** A node process with exactly this environment (no credentials of ours leak in), run from `cwd`. */
export function startNode(args: readonly string[], env: Record<string, string>, cwd = ROOT): Started {
  return track(spawn(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** A TypeScript script of ours, with an IPC channel to talk to it. */
export function forkScript(script: string, args: readonly string[]): Started {
  return track(fork(script, args, { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] }));
}

/** Runs a node command to its end; its stdout, or an error with its stderr. */
export async function runNode(args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  const { child, stderr } = startNode(args, { ...env, HOME: process.env.HOME ?? '' });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`node ${args.join(' ')} failed (${code}): ${stderr.slice(-5).join(' | ')}`);
  return stdout;
}

/** Stops a child politely, then not. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const late = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(late);
}

/** Polls `url` until it answers 200: the app has opened its database and is listening. */
export async function waitHealthy(url: string, started: Started, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (started.child.exitCode !== null) throw new Error(`the app exited (${started.child.exitCode}): ${started.stderr.slice(-5).join(' | ')}`);
    const ok = await fetch(url).then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s: ${started.stderr.slice(-5).join(' | ')}`);
}

/** The CPU time (user + system) a process has used, in ms, from /proc; clock ticks are 100 a second on Linux. */
export function cpuMs(pid: number): number {
  // Fields after the command's name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Both cores' busy and total time so far (from /proc/stat), to tell how loaded the machine was. */
export function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = values.map(Number);
  const idle = n[3]! + n[4]!; // idle + iowait
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}
