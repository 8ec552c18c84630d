/**
 * The Store implementations the contract suite (test/integration) runs against. Each
 * factory opens an empty, migrated store; `SETWISE_TEST_STORE` picks which one a run
 * uses, so the same tests, unchanged, pass against every Store. Tests that must look
 * at one engine itself (its files, its locks) live in test/<engine>/ instead.
 */
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { openDatabase, type SetwiseDatabase } from '../../db/client';
import { sql } from 'drizzle-orm';
import { openPostgres, type PgDb } from '../../db/pg/client';
import * as pgSchema from '../../db/pg/schema';
import { createPostgresStore } from '../../db/pg/store';
import { createSqliteStore } from '../../db/store';
import type { Store } from '../../src/ports/store';
import { migratedPglite } from './pglite-snapshot';
import { copyDatabase } from './postgres-server';

export interface OpenStore {
  readonly store: Store;
  /** Every row the store holds, by table, with the engine's column names: what erase and fuzz checks search. */
  rows(): Promise<{ readonly table: string; readonly row: Readonly<Record<string, unknown>> }[]>;
  /** Throws when the database does not answer: what /healthz follows. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreFactory<S extends OpenStore = OpenStore> {
  readonly name: string;
  /** An empty store; `file` keeps it where a test can reopen it (engines that have files). */
  open(file?: string): Promise<S>;
}

/** SQLite's own tests (test/sqlite) also reach the connection. */
export type OpenSqliteStore = OpenStore & { readonly database: SetwiseDatabase };

export const sqliteStore: StoreFactory<OpenSqliteStore> = {
  name: 'sqlite',
  async open(file = ':memory:') {
    const database = openDatabase(file);
    const { sqlite } = database;
    return {
      database,
      store: createSqliteStore(database.db),
      async rows() {
        const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
        return tables.flatMap((table) => (sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]).map((row) => ({ table, row })));
      },
      ping: async () => void sqlite.prepare('SELECT 1').get(),
      close: async () => database.close(),
    };
  },
};

type Query = <R extends Record<string, unknown>>(text: string) => Promise<{ rows: R[] }>;

/** Every table of a Postgres database emptied, identities restarted: ids are what they would be in a new database. */
async function empty(query: Query): Promise<void> {
  const { rows } = await query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
  if (rows.length) await query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}

/** Every row of a Postgres database, json columns as text, as SQLite stores them: a search sees the same characters. */
async function rowsOf(query: Query) {
  const { rows: tables } = await query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
  const all = [];
  for (const { tablename } of tables) {
    const { rows } = await query(`SELECT * FROM "${tablename}"`);
    const asStored = (v: unknown) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v);
    all.push(...rows.map((row) => ({ table: tablename, row: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, asStored(v)])) })));
  }
  return all;
}

/**
 * PostgreSQL in process (PGlite): one migrated database a test file, loaded from a
 * snapshot (./pglite-snapshot.ts) and emptied for each store opened on it, so a test
 * starts from nothing in milliseconds. `file` is ignored: there is nothing to reopen.
 */
let pglite: Promise<PGlite> | undefined;

export const pgliteStore: StoreFactory = {
  name: 'pglite',
  async open() {
    pglite ??= migratedPglite();
    const pg = await pglite;
    const query: Query = (text) => pg.query(text);
    await empty(query);
    return {
      store: createPostgresStore(drizzle(pg, { schema: pgSchema }) as unknown as PgDb),
      rows: () => rowsOf(query),
      ping: async () => void (await query('SELECT 1')),
      // The database stays for the file's next test; the worker's exit ends it.
      close: async () => {},
    };
  },
};

/** This worker's own database, copied once from the contract suite's migrated template (./postgres-contract-setup.ts). */
let workerDatabase: Promise<string> | undefined;

/**
 * A PostgreSQL server: the database at SETWISE_TEST_DATABASE_URL (test/postgres starts
 * a throwaway server), or this worker's copy of the contract suite's template
 * (SETWISE_TEST_PG_TEMPLATE). Emptied when opened afresh; opened as it is when `file`
 * is given, as a process reopening its database would.
 */
export const postgresStore: StoreFactory = {
  name: 'postgres',
  async open(file) {
    const template = process.env.SETWISE_TEST_PG_TEMPLATE;
    const url = process.env.SETWISE_TEST_DATABASE_URL ?? (template ? await (workerDatabase ??= copyDatabase(template, `contract_${process.pid}`)) : undefined);
    if (!url) throw new Error('SETWISE_TEST_DATABASE_URL: the postgres store under test needs a server');
    const database = await openPostgres(url, { max: 4 });
    const query: Query = async (text) => ({ rows: ((await database.db.execute(sql.raw(text))) as unknown as { rows: never[] }).rows });
    if (file === undefined) await empty(query);
    return { store: createPostgresStore(database.db), rows: () => rowsOf(query), ping: database.ping, close: database.close };
  },
};

const FACTORIES: Readonly<Record<string, StoreFactory>> = { sqlite: sqliteStore, pglite: pgliteStore, postgres: postgresStore };

/** The store this run tests: `SETWISE_TEST_STORE` (sqlite unless set). */
export function storeUnderTest(): StoreFactory {
  const name = process.env.SETWISE_TEST_STORE ?? 'sqlite';
  const factory = FACTORIES[name];
  if (!factory) throw new Error(`SETWISE_TEST_STORE: no store called "${name}" (known: ${Object.keys(FACTORIES).join(', ')})`);
  return factory;
}
