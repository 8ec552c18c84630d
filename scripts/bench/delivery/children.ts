/**
 * The section's child processes, spoken to over IPC. Every one started is killed when
 * the section ends, however it ends (an error, a signal, a child that hangs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const started = new Set<ChildProcess>();
const killAll = () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

export interface Child {
  /** The next message of `type`, or a failure if the child exits or `ms` pass first. */
  next<T>(type: string, ms: number): Promise<T>;
  send(message: object): void;
  kill(): void;
}

/** Runs `file` (next to this one) with tsx, its output mixed into the section's stderr. */
export function startChild(file: string, args: readonly string[]): Child {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', path, ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  started.add(child);
  const inbox: { type: string }[] = [];
  const waiting = new Set<() => void>();
  child.on('message', (m: { type: string }) => (inbox.push(m), waiting.forEach((w) => w())));
  child.on('exit', () => waiting.forEach((w) => w()));
  return {
    next: <T>(type: string, ms: number) =>
      new Promise<T>((resolve, reject) => {
        const check = () => {
          const i = inbox.findIndex((m) => m.type === type);
          if (i >= 0) return done(() => resolve(inbox.splice(i, 1)[0] as T));
          if (child.exitCode !== null || child.signalCode !== null) done(() => reject(new Error(`${file} ${args.join(' ')} exited (${child.exitCode ?? child.signalCode}) before sending ${type}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`${file} ${args.join(' ')}: no ${type} within ${ms / 1000} s`))), ms);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          waiting.delete(check);
          settle();
        };
        waiting.add(check);
        check();
      }),
    send: (message) => void child.send(message),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
