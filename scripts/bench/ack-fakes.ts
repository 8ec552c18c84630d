/**
 * The fakes of ./fakes.ts as B1 drives them: started in their own processes, cleared
 * before each app's run, and asked afterwards what the app sent.
 */
import { join } from 'node:path';
import type { Summary } from './fakes';
import { forkScript, ROOT, type Started } from './ack-processes';

export interface Fake {
  /** Slack: the Web API's base URL, ending in /api/; Teams: the connector's service URL. */
  readonly url: string;
  readonly origin: string;
  readonly pid: number;
  /** Forgets what was sent so far. */
  clear(): Promise<Summary>;
  summary(): Promise<Summary>;
}

export async function startFake(kind: 'slack' | 'teams'): Promise<Fake> {
  const started: Started = forkScript(join(ROOT, 'scripts/bench/fakes.ts'), [kind]);
  const { child } = started;
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`the fake ${kind} exited (${code}): ${started.stderr.slice(-5).join(' | ')}`)));
  });
  // One question at a time, answered in order over IPC.
  const ask = (question: 'clear' | 'summary') =>
    new Promise<Summary>((resolve) => {
      child.once('message', (answer) => resolve(answer as Summary));
      child.send(question);
    });
  return { url, origin: new URL(url).origin, pid: child.pid!, clear: () => ask('clear'), summary: () => ask('summary') };
}

/** Everything the fake has been sent. */
const callsIn = (s: Summary) => Object.values(s.calls).reduce((a, b) => a + b, 0);

/**
 * Waits until the app has answered `expected` requests and then sent the fake nothing
 * for `quietMs` (Setwise goes on with Slack's answers after the acknowledgement, also
 * of requests still in flight when the load stopped), or for `timeoutMs`. Gives the
 * last summary and when the last call came, in ms after this was called.
 */
export async function settled(fake: Fake, answered: (s: Summary) => number, expected: number, quietMs = 1000, timeoutMs = 30_000): Promise<{ summary: Summary; lagMs: number }> {
  const started = Date.now();
  let last = await fake.summary();
  let lastChange = started;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await fake.summary();
    if (callsIn(now) !== callsIn(last)) lastChange = Date.now();
    last = now;
    const quiet = Date.now() - lastChange >= quietMs;
    if ((quiet && answered(now) >= expected) || Date.now() - started > timeoutMs) return { summary: now, lagMs: lastChange - started };
  }
}
