/**
 * The Store implementations the contract suite (test/integration) runs against. Each
 * factory opens an empty, migrated store; `SETWISE_TEST_STORE` picks which one a run
 * uses, so the same tests, unchanged, pass against every Store. Tests that must look
 * at one engine itself (its files, its locks) live in test/<engine>/ instead.
 */
import { openDatabase, type SetwiseDatabase } from '../../db/client';
import { createSqliteStore } from '../../db/store';
import type { Store } from '../../src/ports/store';

export interface OpenStore {
  readonly store: Store;
  /** Every row the store holds, by table, with the engine's column names: what erase and fuzz checks search. */
  rows(): { readonly table: string; readonly row: Readonly<Record<string, unknown>> }[];
  close(): void;
}

export interface StoreFactory<S extends OpenStore = OpenStore> {
  readonly name: string;
  /** An empty store; `file` keeps it where a test can reopen it (engines that have files). */
  open(file?: string): S;
}

/** SQLite's own tests (test/sqlite) also reach the connection. */
export type OpenSqliteStore = OpenStore & { readonly database: SetwiseDatabase };

export const sqliteStore: StoreFactory<OpenSqliteStore> = {
  name: 'sqlite',
  open(file = ':memory:') {
    const database = openDatabase(file);
    const { sqlite } = database;
    return {
      database,
      store: createSqliteStore(database.db),
      rows() {
        const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
        return tables.flatMap((table) => (sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]).map((row) => ({ table, row })));
      },
      close: () => database.close(),
    };
  },
};

const FACTORIES: Readonly<Record<string, StoreFactory>> = { sqlite: sqliteStore };

/** The store this run tests: `SETWISE_TEST_STORE` (sqlite unless set). */
export function storeUnderTest(): StoreFactory {
  const name = process.env.SETWISE_TEST_STORE ?? 'sqlite';
  const factory = FACTORIES[name];
  if (!factory) throw new Error(`SETWISE_TEST_STORE: no store called "${name}" (known: ${Object.keys(FACTORIES).join(', ')})`);
  return factory;
}
