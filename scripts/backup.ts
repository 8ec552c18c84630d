/**
 * `npm run backup [-- <file>]`: an online backup of the SQLite database at SETWISE_DB,
 * checked, to <file> or to `backups/setwise-<UTC time>.db` beside the database.
 * `npm run backup -- --restore <file>`: puts a backup in the database's place (stop
 * Setwise first). With SETWISE_DATABASE_URL set, says to use pg_dump instead.
 */
import { dirname, join, resolve } from 'node:path';
import { backup, restore, type Checked } from '../db/backup';
import { ConfigError, loadConfig } from '../src/config';

function report(verb: string, c: Checked): void {
  const rows = Object.entries(c.rows).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ');
  console.log(`${verb} ${c.path} (${(c.bytes / 1024).toFixed(0)} KiB; integrity check ok)\n  rows: ${rows || 'none'}`);
}

try {
  const config = loadConfig(process.env);
  if (config.databaseUrl) {
    console.error('setwise: backup: SETWISE_DATABASE_URL is set: back PostgreSQL up with pg_dump (docs/operations.md, "Backups and restore")');
    process.exit(2);
  }
  if (config.db === ':memory:') throw new Error('SETWISE_DB is :memory:, which keeps nothing to back up');
  const db = resolve(config.db);
  const args = process.argv.slice(2);
  if (args[0] === '--restore') {
    if (!args[1] || args.length > 2) throw new Error('usage: npm run backup -- --restore <backup file>');
    report('restored into', await restore(resolve(args[1]), db));
  } else {
    if (args.length > 1 || args[0]?.startsWith('-')) throw new Error('usage: npm run backup [-- <new file>], or npm run backup -- --restore <backup file>');
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    report('backed up to', await backup(db, resolve(args[0] ?? join(dirname(db), 'backups', `setwise-${stamp}.db`))));
  }
} catch (error) {
  console.error(`setwise: backup: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
