import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema';

/**
 * The Postgres Store's handle: drizzle over any Postgres driver (node-postgres in
 * production, PGlite in the contract suite), so the repositories name neither.
 */
export type PgDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface PostgresDatabase {
  readonly db: PgDb;
  /** Answers when the server does: what /healthz follows. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const pgMigrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * One key for every Setwise instance's migrations: whoever takes the lock migrates, the
 * others wait, then find nothing left to do. (An arbitrary 64-bit constant: "setwise".)
 */
export const MIGRATION_LOCK = 0x736574776973_65n;

/** `postgres://user:secret@host:5432/db` as it may be shown: host, port and database only. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the database';
  }
}

/**
 * Connects a pool, and brings the schema up to date under an advisory lock, so
 * instances starting together do not apply the same migration twice. The lock is a
 * session lock on one pooled connection, released (or dropped with the connection,
 * should this process die) as soon as the migrations are in.
 */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<PostgresDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // A server that does not answer is reported, not waited on forever.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'setwise',
  });
  // An idle connection the server drops (a restart, a failover) must not crash the process:
  // the pool replaces it, and the query that needed it reports the failure.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
      try {
        await migrate(drizzle(client, { schema }), { migrationsFolder: pgMigrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]);
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzle(pool, { schema }) as unknown as PgDb;
  return {
    db,
    ping: async () => void (await pool.query('SELECT 1')),
    close: () => pool.end(),
  };
}

/** SQLSTATE classes and driver codes that pass if tried again later: the server is away, restarting or overloaded. */
const UNAVAILABLE_STATES = /^(08|53|57P0[1-3])/;
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/** True for "the database cannot be reached just now" errors, as opposed to a bad query or a broken rule. */
export function isPgUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | null | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_CODES.has(code)) return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i.test(message)) return true;
  }
  return false;
}

/** Serialization failures and deadlocks: the transaction did nothing and may simply run again. */
export function isPgRetryable(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | null | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === '40001' || e.code === '40P01') return true;
  }
  return false;
}
