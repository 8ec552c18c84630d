import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pgSchema from '../../db/pg/schema';
import * as sqliteSchema from '../../db/schema';

/**
 * The two stores' schemas are twins: the same tables, the same columns with the same
 * nullability and keys, the same indexes. The row mappers in db/store/rows.ts serve
 * both, so a column added to one and not the other is a bug this test finds first.
 */
function shapeOf(table: { name: string; columns: { name: string; notNull: boolean; primary: boolean }[]; indexes: { config: { name: string; unique: boolean } }[]; primaryKeys: { columns: { name: string }[] }[] }) {
  return {
    name: table.name,
    columns: table.columns.map((c) => ({ name: c.name, notNull: c.notNull, primary: c.primary })).sort((a, b) => a.name.localeCompare(b.name)),
    indexes: table.indexes.map((i) => ({ name: i.config.name, unique: i.config.unique })).sort((a, b) => a.name.localeCompare(b.name)),
    primaryKeys: table.primaryKeys.map((k) => k.columns.map((c) => c.name).sort()),
  };
}

const sqliteTables = (Object.values(sqliteSchema) as unknown[]).filter((t): t is SQLiteTable => t instanceof SQLiteTable).map((t) => shapeOf(sqliteConfig(t) as never));
const pgTables = (Object.values(pgSchema) as unknown[]).filter((t): t is PgTable => t instanceof PgTable).map((t) => shapeOf(pgConfig(t) as never));

describe('the Postgres schema is the SQLite schema’s twin', () => {
  it('has the same tables', () => {
    expect(pgTables.map((t) => t.name).sort()).toEqual(sqliteTables.map((t) => t.name).sort());
    expect(sqliteTables.length).toBeGreaterThan(10);
  });

  for (const table of sqliteTables) {
    it(`${table.name}: same columns, nullability, keys and indexes`, () => {
      expect(pgTables.find((t) => t.name === table.name)).toEqual(table);
    });
  }
});
