import type { Store } from '../../../src/ports/store';
import { StoreUnavailable } from '../../../src/ports/store';
import { causes, sqlState } from './tx';

/** Socket errors that mean the server is not there (yet, or any more); ENOENT: no Unix socket where the URL says. */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ENOENT']);

/**
 * Whether a failure is the database being out of reach rather than a fault in the
 * request: SQLSTATE class 08 (connection; but 08P01, a protocol violation, is a
 * fault), 53 (no connection slots, no memory or disk), 57P01-57P03 (the server
 * shutting down or starting), 25006 (a read-only server: a failover not yet
 * finished); a refused or broken socket; or node-postgres giving up on connecting,
 * losing the connection or waiting too long for an answer.
 */
export function isUnreachable(error: unknown): boolean {
  const state = sqlState(error);
  if (state) return (state.startsWith('08') && state !== '08P01') || state.startsWith('53') || /^57P0[123]$/.test(state) || state === '25006';
  for (const e of causes(error)) {
    if (typeof e.code === 'string' && NETWORK.has(e.code)) return true;
    if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout/i.test(e.message)) return true;
  }
  return false;
}

/**
 * The store with every repository method answering StoreUnavailable, not a driver's
 * error, when the server cannot be reached: the core and the scheduler act on that
 * (try again shortly; the next tick) without knowing Postgres is behind the port.
 */
export function reportingUnavailable(store: Store): Store {
  // A Proxy, not a copy of the methods: whatever a repository is (an object literal, a
  // class instance), every method it has is reached through this.
  // Each method is wrapped once, on first use, not on every call.
  const wrap = <R extends object>(repo: R): R => {
    const wrapped = new Map<PropertyKey, unknown>();
    return new Proxy(repo, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        if (!wrapped.has(name)) {
          wrapped.set(name, async (...args: unknown[]) => {
            try {
              return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            } catch (error) {
              throw isUnreachable(error) ? new StoreUnavailable({ cause: error }) : error;
            }
          });
        }
        return wrapped.get(name);
      },
    });
  };
  return Object.fromEntries(Object.entries(store).map(([name, repo]) => [name, wrap(repo as object)])) as unknown as Store;
}
