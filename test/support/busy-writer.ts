/**
 * Writes to a Setwise SQLite file without pause, as a busy Setwise would: one
 * workspace row a transaction, `busy-writer.ts <file>`, until killed. Prints
 * "writing" once started; a row's external id is its count, so a copy's rows can be
 * checked for gaps.
 */
import Database from 'better-sqlite3';

const [file] = process.argv.slice(2);
const db = new Database(file!);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare("INSERT INTO workspaces (platform, external_id, created_at) VALUES ('console', ?, ?)");
let n = 0;
const burst = () => {
  for (let i = 0; i < 200; i++) insert.run(`w${++n}`, Date.now());
  setImmediate(burst);
};
process.stdout.write('writing\n');
burst();
