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
const MIGRATION_LOCK = 0x736574776973_65n;

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
    // A server that does not answer is reported, not waited on forever: when connecting,
    // and on a connection that has gone quiet (a network cut drops packets rather than
    // refusing them). No statement of Setwise's takes more than a few seconds.
    connectionTimeoutMillis: 10_000,
    query_timeout: 30_000,
    keepAlive: true,
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
    // Quick, so a load balancer's health check gets its answer within its own timeout.
    ping: async () => void (await pool.query({ text: 'SELECT 1', query_timeout: 5_000 } as pg.QueryConfig)),
    close: () => pool.end(),
  };
}
