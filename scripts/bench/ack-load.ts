/**
 * Load for B1 with autocannon: a number of connections, each sending the next request
 * as soon as the last is answered, every request built afresh (see ./ack-requests.ts).
 */
import { createRequire } from 'node:module';
import type { Built } from './ack-requests';

/** The part of autocannon's result B1 reads (autocannon ships no types). */
interface Result {
  readonly duration: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly '2xx': number;
  readonly statusCodeStats: Readonly<Record<string, { count: number }>>;
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly requests: { readonly total: number };
}

/** Per connection, reset before each request is built: when it was sent. */
interface Context {
  sentAt?: number;
}

interface Options {
  readonly url: string;
  readonly connections: number;
  readonly duration: number;
  readonly timeout: number;
  readonly requests: readonly {
    readonly method: string;
    setupRequest(req: object, context: Context): object;
    onResponse(status: number, body: string, context: Context): void;
  }[];
}

const autocannon = createRequire(import.meta.url)('autocannon') as (options: Options) => Promise<Result>;

/** Slack shows the person an error when a command is not acknowledged within 3 s. */
export const SLACK_WAITS_MS = 3000;

export interface Load {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly non2xx: number;
  readonly ok: number;
  /** Answers that took longer than Slack waits. */
  readonly late: number;
  readonly statuses: string;
}

/** `seconds` of POSTs to `url` on `connections` connections, each request made by `next()`. */
export async function load(url: string, connections: number, seconds: number, next: () => Built): Promise<Load> {
  let late = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    // Longer than any run: an overloaded app's slowest answers are counted as late, not cut off.
    timeout: 60,
    requests: [
      {
        method: 'POST',
        // Built just before it is written to the connection.
        setupRequest: (req, context) => ((context.sentAt = performance.now()), { ...req, ...next() }),
        onResponse: (_status, _body, context) => void (context.sentAt !== undefined && performance.now() - context.sentAt > SLACK_WAITS_MS && late++),
      },
    ],
  });
  return {
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    ok: result['2xx'],
    late,
    statuses: Object.entries(result.statusCodeStats).map(([code, s]) => `${code}×${s.count}`).join(', '),
  };
}
