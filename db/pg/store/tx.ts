import type { PgDb } from '../client';

/** A drizzle transaction on Postgres (asynchronous, unlike SQLite's). */
export type Tx = Parameters<Parameters<PgDb['transaction']>[0]>[0];
export type Reader = Pick<PgDb, 'select'>;

/** SQLSTATEs that mean "the same transaction, tried again, may well succeed". */
const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

const TRIES = 12;

/**
 * A write that must be atomic and see no concurrent change, as SQLite's
 * `BEGIN IMMEDIATE` gives the SQLite store: Postgres' serializable isolation, and
 * the whole transaction tried again when the server says another one won the race.
 * So every repository keeps SQLite's read-check-write shape unchanged.
 */
export async function serially<T>(db: PgDb, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work, { isolationLevel: 'serializable' });
    } catch (error) {
      if (attempt >= TRIES || !RETRYABLE.has(sqlState(error) ?? '')) throw error;
      // Jittered, growing waits, so racing instances stop meeting in the same instant.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** attempt)));
    }
  }
}

/** Every row as of one moment, without blocking or being blocked by writers. */
export function snapshotRead<T>(db: PgDb, read: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(read, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

/** The error and the causes it wraps (drizzle wraps a driver's error in its own), innermost last. */
export function* causes(error: unknown): Generator<{ readonly code?: unknown; readonly severity?: unknown; readonly message?: unknown }> {
  let e = error as { code?: unknown; severity?: unknown; message?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as typeof e, depth++) yield e;
}

/**
 * The SQLSTATE of an error the server sent (node-postgres and PGlite both give such
 * errors a `code` and a `severity`), also when drizzle wraps it. A socket error's code
 * (EPIPE) is no SQLSTATE, so only errors with a severity count.
 */
export function sqlState(error: unknown): string | undefined {
  for (const e of causes(error)) {
    if (typeof e.code === 'string' && typeof e.severity === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}
