import { PGlite } from '@electric-sql/pglite';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgMigrationsFolder } from '../../db/pg/client';
import * as schema from '../../db/pg/schema';

/**
 * The committed migrations build exactly the schema in db/pg/schema.ts: applied to an
 * in-process Postgres (PGlite), every table, column, nullability and index the schema
 * declares is there and nothing else is. A schema edited without `npm run db:generate:pg`
 * fails here, on every machine, with or without a Postgres server.
 */
describe('the committed Postgres migrations build db/pg/schema.ts', () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = new PGlite();
    await migrate(drizzle(pglite, { schema }), { migrationsFolder: pgMigrationsFolder });
  }, 120_000);
  afterAll(() => pglite?.close());

  const declared = (Object.values(schema) as unknown[]).filter((t): t is PgTable => t instanceof PgTable).map((t) => getTableConfig(t));

  it('creates the declared tables and no others', async () => {
    const { rows } = await pglite.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(rows.map((r) => r.table_name).sort()).toEqual(declared.map((t) => t.name).sort());
  });

  it('gives every table its declared columns, nullability and indexes', async () => {
    const { rows: columns } = await pglite.query<{ table_name: string; column_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const { rows: indexes } = await pglite.query<{ tablename: string; indexname: string }>(`SELECT tablename, indexname FROM pg_indexes WHERE schemaname = 'public'`);
    for (const table of declared) {
      const built = columns.filter((c) => c.table_name === table.name).map((c) => `${c.column_name}${c.is_nullable === 'NO' ? ' not null' : ''}`).sort();
      const wanted = table.columns.map((c) => `${c.name}${c.notNull || c.primary ? ' not null' : ''}`).sort();
      expect(built, table.name).toEqual(wanted);
      const builtIndexes = indexes.filter((i) => i.tablename === table.name).map((i) => i.indexname);
      for (const index of table.indexes) expect(builtIndexes, table.name).toContain(index.config.name);
    }
  });
});
