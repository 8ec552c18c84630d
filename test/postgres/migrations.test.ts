import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgres, type PostgresDatabase } from '../../db/pg/client';
import { noServer, useThrowawayServer } from '../support/postgres-suite';

describe.skipIf(noServer)('Postgres migrations on a real server', () => {
  const server = useThrowawayServer();

  it('two instances starting together apply each migration once and both come up', async () => {
    const url = server().createDatabase('migrate_together');
    // Each instance is its own pool, as two processes would be; they start in the same tick.
    const opened: PostgresDatabase[] = await Promise.all([openPostgres(url, { max: 2 }), openPostgres(url, { max: 2 })]);
    try {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const applied = await client.query('SELECT hash FROM drizzle.__drizzle_migrations');
        const journal = (await import('../../db/pg/migrations/meta/_journal.json', { with: { type: 'json' } })).default;
        expect(applied.rowCount).toBe(journal.entries.length);
        const tables = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
        expect(tables.rows.map((r) => r.table_name)).toContain('jobs');
        // The lock is released: nothing is left holding it once both are up.
        const locks = await client.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`);
        expect(locks.rows[0].n).toBe(0);
      } finally {
        await client.end();
      }
      for (const o of opened) await o.ping();
    } finally {
      await Promise.all(opened.map((o) => o.close()));
    }
  });

  it('an instance started again on a migrated database finds nothing to do', async () => {
    const url = server().createDatabase('migrate_again');
    await (await openPostgres(url)).close();
    const again = await openPostgres(url);
    await again.ping();
    await again.close();
  });

  it('names the server, never the password, when it cannot connect', async () => {
    const error = await openPostgres('postgres://setwise:hunter2@127.0.0.1:1/nowhere').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).not.toContain('hunter2');
  });
});
