import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { chmodSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

/** The Store's handle: drizzle, and the driver beneath it for what only SQLite does (checkpoints). */
export type Db = BetterSQLite3Database<typeof schema> & { readonly $client: Database.Database };

export interface SetwiseDatabase {
  readonly db: Db;
  readonly sqlite: Database.Database;
  close(): void;
}

/**
 * Copies every committed page from the write-ahead log into the file and empties the
 * log, so content just overwritten with zeros is not still readable in older log
 * frames. True when the log was emptied; false when another connection's reader
 * still needed it. `wait` false tries once without waiting for readers.
 */
export function checkpointAndTruncate(sqlite: Database.Database, wait = true): boolean {
  if (sqlite.memory) return true;
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  if (!wait) sqlite.pragma('busy_timeout = 0');
  try {
    const [row] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return row !== undefined && row.busy === 0;
  } catch {
    return false; // busy: the caller tries again later
  } finally {
    if (!wait) sqlite.pragma(`busy_timeout = ${timeout}`);
  }
}

/**
 * Log truncations still owed after an erase that met a reader: each later claim of the
 * scheduler (every tick) tries again, without waiting, until the log is emptied.
 */
export class LogTruncation {
  private owed = false;

  constructor(private readonly sqlite: Database.Database) {}

  /** After an erase: empty the log now, waiting for readers up to the busy timeout, or owe it. */
  afterErase(): void {
    this.owed = !checkpointAndTruncate(this.sqlite);
  }

  /** On each tick: pay what is owed, if the readers have gone. */
  retry(): void {
    if (this.owed) this.owed = !checkpointAndTruncate(this.sqlite, false);
  }
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Opens (creating if needed) the SQLite file and brings its schema up to date.
 * WAL lets a second process read while one writes; the busy timeout lets two
 * scheduler instances share a file without "database is locked" errors.
 */
export function openDatabase(file: string): SetwiseDatabase {
  const sqlite = new Database(file);
  // Owner-only, also for a file made by an earlier version or another umask.
  if (file !== ':memory:') for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  try {
    if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // Deleted and overwritten content is zeroed, not left in free pages: erasure must remove the bytes.
    sqlite.pragma('secure_delete = ON');
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder });
    return { db, sqlite, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** True for SQLite's "another connection holds the lock" errors, which pass if tried again later. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
