/**
 * The Store implementations the contract suite (test/integration) runs against. Each
 * factory opens an empty, migrated store; `SETWISE_TEST_STORE` picks which one a run
 * uses, so the same tests, unchanged, pass against every Store. Tests that must look
 * at one engine itself (its files, its locks) live in test/<engine>/ instead.
 */
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { openDatabase, type SetwiseDatabase } from '../../db/client';
import type { PgDb } from '../../db/pg/client';
import * as pgSchema from '../../db/pg/schema';
import { createPostgresStore } from '../../db/pg/store';
import { createSqliteStore } from '../../db/store';
import type { Store } from '../../src/ports/store';
import { migratedPglite } from './pglite-snapshot';

export interface OpenStore {
  readonly store: Store;
  /** Every row the store holds, by table, with the engine's column names: what erase and fuzz checks search. */
  rows(): Promise<{ readonly table: string; readonly row: Readonly<Record<string, unknown>> }[]>;
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
      close: async () => database.close(),
    };
  },
};

/**
 * PostgreSQL in process (PGlite): one migrated database a test file, loaded from a
 * snapshot (./pglite-snapshot.ts) and emptied for each store opened on it, so a test
 * starts from nothing in milliseconds. `file` is ignored: there is nothing to reopen.
 */
let pglite: Promise<PGlite> | undefined;

async function emptied(): Promise<PGlite> {
  pglite ??= migratedPglite();
  const pg = await pglite;
  const { rows } = await pg.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '%drizzle%'`);
  // Identities restart too: ids are what they would be in a new database.
  if (rows.length) await pg.exec(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  return pg;
}

export const pgliteStore: StoreFactory = {
  name: 'pglite',
  async open() {
    const pg = await emptied();
    const db = drizzle(pg, { schema: pgSchema }) as unknown as PgDb;
    return {
      store: createPostgresStore(db),
      async rows() {
        const { rows: tables } = await pg.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
        const all = [];
        for (const { tablename } of tables) {
          // json columns as text, as SQLite stores them: a search sees the same characters.
          const { rows } = await pg.query<Record<string, unknown>>(`SELECT * FROM "${tablename}"`);
          all.push(...rows.map((row) => ({ table: tablename, row: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v])) })));
        }
        return all;
      },
      // The database stays for the file's next test; the worker's exit ends it.
      close: async () => {},
    };
  },
};

const FACTORIES: Readonly<Record<string, StoreFactory>> = { sqlite: sqliteStore, pglite: pgliteStore };

/** The store this run tests: `SETWISE_TEST_STORE` (sqlite unless set). */
export function storeUnderTest(): StoreFactory {
  const name = process.env.SETWISE_TEST_STORE ?? 'sqlite';
  const factory = FACTORIES[name];
  if (!factory) throw new Error(`SETWISE_TEST_STORE: no store called "${name}" (known: ${Object.keys(FACTORIES).join(', ')})`);
  return factory;
}
