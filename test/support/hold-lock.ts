/**
 * Holds a write lock on a SQLite file for a while, as a second process busy with a
 * long write would: `hold-lock.ts <file> <ms>`. Prints "locked", then "released".
 */
import Database from 'better-sqlite3';

const [file, ms = '8000'] = process.argv.slice(2);
const db = new Database(file!);
db.pragma('journal_mode = WAL');
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\n');
setTimeout(() => {
  db.exec('COMMIT');
  db.close();
  process.stdout.write('released\n');
}, Number(ms));
