import type { Store } from '../../../src/ports/store';
import { StoreUnavailable } from '../../../src/ports/store';
import { sqlState } from './tx';

/** Socket errors that mean the server is not there (yet, or any more). */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether a failure is the database being out of reach rather than a fault in the
 * request: SQLSTATE class 08 (connection), 53 (no connection slots, no memory or disk),
 * 57P01-57P03 (the server shutting down or starting), a refused or broken socket, or
 * node-postgres giving up on connecting or losing the connection.
 */
export function isUnreachable(error: unknown): boolean {
  const state = sqlState(error);
  if (state) return state.startsWith('08') || state.startsWith('53') || /^57P0[123]$/.test(state);
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && NETWORK.has(e.code)) return true;
    if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message)) return true;
  }
  return false;
}

/**
 * The store with every repository method answering StoreUnavailable, not a driver's
 * error, when the server cannot be reached: the core and the scheduler act on that
 * (try again shortly; the next tick) without knowing Postgres is behind the port.
 */
export function reportingUnavailable(store: Store): Store {
  const wrap = <R extends object>(repo: R): R =>
    Object.fromEntries(
      Object.entries(repo).map(([name, method]) => [
        name,
        async (...args: unknown[]) => {
          try {
            return await (method as (...a: unknown[]) => Promise<unknown>).apply(repo, args);
          } catch (error) {
            throw isUnreachable(error) ? new StoreUnavailable({ cause: error }) : error;
          }
        },
      ]),
    ) as R;
  return Object.fromEntries(Object.entries(store).map(([name, repo]) => [name, wrap(repo as object)])) as unknown as Store;
}
