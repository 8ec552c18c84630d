/**
 * Online backup and restore of the SQLite database, through SQLite's backup API: a
 * consistent copy of every committed page, taken while Setwise runs (writers are not
 * stopped; the copy is of one moment). PostgreSQL has its own tools (pg_dump), see
 * docs/operations.md.
 */
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Checked {
  readonly path: string;
  readonly bytes: number;
  /** Rows per table, to show what the copy holds. */
  readonly rows: Readonly<Record<string, number>>;
}

/** Opens a copy read-only, and refuses it unless `PRAGMA integrity_check` says ok and it is a Setwise database. */
export function verify(path: string): Checked {
  if (!existsSync(path)) throw new Error(`there is no file at ${path}`);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`${path} failed SQLite's integrity check: ${String(result)}`);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").pluck().all() as string[];
    if (!tables.includes('sets') || !tables.includes('jobs')) throw new Error(`${path} is not a Setwise database`);
    const rows = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
    return { path, bytes: statSync(path).size, rows };
  } finally {
    db.close();
  }
}

/**
 * Copies the database open as `from` to a new file at `to`, as one self-contained file:
 * the copy's journal is made a rollback journal, so no -wal or -shm travels with it
 * (Setwise turns write-ahead logging back on when it opens the file).
 */
async function copyTo(from: string, to: string): Promise<void> {
  for (const f of [to, `${to}-wal`, `${to}-shm`, `${to}-journal`]) rmSync(f, { force: true });
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await db.backup(to);
  } finally {
    db.close();
  }
  const copy = new Database(to);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  chmodSync(to, 0o600);
}

/** Only the owner reads a copy of everyone's data: folder 0700, file 0600. */
function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Copies the live database at `source` to `target` (a new file), then checks the copy.
 * Written beside the target first and renamed into place, so a copy stopped half way
 * is never taken for a backup.
 */
export async function backup(source: string, target: string): Promise<Checked> {
  if (!existsSync(source)) throw new Error(`there is no database at ${source}`);
  if (existsSync(target)) throw new Error(`${target} exists already: choose a new name`);
  privateDir(dirname(target));
  const partial = `${target}.partial`;
  await copyTo(source, partial);
  try {
    verify(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, target);
  return verify(target);
}

/**
 * Puts a checked backup in the place of the database at `target`. Setwise must be
 * stopped: a write-ahead log left beside the target means a process has it open (or
 * stopped without closing it), and the restore is refused rather than mixing the two.
 */
export async function restore(backupPath: string, target: string): Promise<Checked> {
  verify(backupPath);
  const wal = `${target}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new Error(`${target} is in use (its -wal file holds changes): stop Setwise first; if it stopped without closing the database, start and stop it once, then restore`);
  }
  privateDir(dirname(target));
  const partial = `${target}.restoring`;
  await copyTo(backupPath, partial);
  for (const f of [`${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
  renameSync(partial, target);
  return verify(target);
}
