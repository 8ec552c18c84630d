/**
 * What a restarted Setwise finds on PostgreSQL after a kill (see ./crash-run.ts): every
 * B-tree index checked by amcheck, structure and each table row found in it; no
 * constraint left unvalidated; and every foreign key followed to its row.
 */
import pg from 'pg';
import type { Inspection } from './crash-run';

/** Each foreign key's tables and columns, to look for rows whose key points nowhere. */
const FOREIGN_KEYS = `
  SELECT c.conname, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
         array(SELECT quote_ident(attname) FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY i) AS columns,
         array(SELECT quote_ident(attname) FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY i) AS refs
  FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace
  WHERE c.contype = 'f' AND s.nspname = 'public'`;

export async function inspectPostgres(url: string, dueAt: Date): Promise<Inspection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const problems: string[] = [];
    await client.query('CREATE EXTENSION IF NOT EXISTS amcheck');
    const indexes = await client.query<{ index: string }>(
      `SELECT i.indexrelid::regclass::text AS index FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace s ON s.oid = c.relnamespace WHERE am.amname = 'btree' AND s.nspname = 'public'`,
    );
    for (const { index } of indexes.rows) {
      try {
        // heapallindexed: every row of the table is found in the index too.
        await client.query('SELECT bt_index_check($1::regclass, true)', [index]);
      } catch (error) {
        problems.push(`${index}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const unvalidated = await client.query<{ conname: string }>(`SELECT conname FROM pg_constraint WHERE NOT convalidated`);
    problems.push(...unvalidated.rows.map((r) => `${r.conname}: not validated`));
    const foreignKeys: unknown[] = [];
    for (const fk of (await client.query<{ conname: string; child: string; parent: string; columns: string[]; refs: string[] }>(FOREIGN_KEYS)).rows) {
      const present = fk.columns.map((c) => `c.${c} IS NOT NULL`).join(' AND ');
      const matches = fk.columns.map((c, i) => `p.${fk.refs[i]} = c.${c}`).join(' AND ');
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${fk.child} c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE ${matches})`);
      if (rows[0]!.n > 0) foreignKeys.push({ constraint: fk.conname, rows: rows[0]!.n });
    }
    const words = new Set((await client.query<{ text: string }>('SELECT text FROM reflections')).rows.map((r) => r.text));
    const due = await client.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM jobs WHERE run_at <= $1 GROUP BY status', [dueAt]);
    return { integrity: problems.length ? problems.join('; ') : 'ok', foreignKeys, words, due: Object.fromEntries(due.rows.map((r) => [r.status, r.n])) };
  } finally {
    await client.end();
  }
}
