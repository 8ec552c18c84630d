/**
 * A platform's send limits in front of a fake platform: an HTTP server that counts
 * each limited request in sliding windows (./limits-window.ts) and answers the
 * platform's own "slow down" (429 with Retry-After) when a window is full, or passes
 * the request through to the fake unchanged. Opt-in: a fake used without it is
 * unlimited, as every other test expects; and it changes nothing in the fake itself.
 * A refused request is not counted (it sent nothing).
 */
import { Agent, createServer, request, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlidingWindows, type Counted } from './limits-window';

export interface LimitedRequest {
  readonly method: string;
  /** Path and query, as requested. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface LimitRule {
  /** The keys a request counts under (its channel, its workspace...); undefined when it is not limited. */
  countedAs(request: LimitedRequest): readonly Counted[] | undefined;
  /** The platform's answer to a request over a limit. */
  refuse(res: ServerResponse, retryAfterSeconds: number): void;
}

export interface LimitsProxy {
  /** Where the client should send: the fake's address with the proxy's port. */
  readonly origin: string;
  /** Limited requests passed to the fake. */
  readonly admitted: number;
  /** Limited requests answered 429: when, the keys whose window was full, and how many ms too soon. */
  readonly refused: readonly { readonly at: number; readonly keys: readonly string[]; readonly early: number }[];
  /** When the first and the last admitted request arrived (ms since the epoch, sub-millisecond). */
  readonly firstAt: number | undefined;
  readonly lastAt: number | undefined;
  close(): Promise<void>;
}

/** High-resolution time that other processes on the machine can compare. */
export const epochNow = () => performance.timeOrigin + performance.now();

export async function startLimitsProxy(target: string, rule: LimitRule): Promise<LimitsProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const windows = new SlidingWindows();
  const refused: { at: number; keys: string[]; early: number }[] = [];
  let admitted = 0;
  let firstAt: number | undefined;
  let lastAt: number | undefined;

  const pass = (req: { method: string; path: string; headers: IncomingHttpHeaders }, body: Buffer, res: ServerResponse) => {
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.path, headers: { ...req.headers, host: upstream.host }, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    forward.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const limited = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
      const keys = rule.countedAs(limited);
      if (!keys) return pass(limited, body, res);
      // Decided the moment the whole request is in, in the order requests complete.
      const at = epochNow();
      const wait = windows.wait(keys, at);
      if (wait > 0) {
        refused.push({ at, keys: keys.filter((k) => windows.wait([k], at) > 0).map((k) => k.key), early: wait });
        return rule.refuse(res, Math.max(1, Math.ceil(wait / 1000)));
      }
      windows.count(keys, at);
      admitted += 1;
      firstAt ??= at;
      lastAt = at;
      pass(limited, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get admitted() {
      return admitted;
    },
    refused,
    get firstAt() {
      return firstAt;
    },
    get lastAt() {
      return lastAt;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
