/**
 * `npm run backup`: an online copy taken while another process writes is whole and
 * consistent; `--restore` puts it back once Setwise is stopped, refuses while the
 * database is in use, and refuses a damaged copy without touching the database.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, start } from '../support/process';

const dir = mkdtempSync(join(tmpdir(), 'setwise-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const backupCommand = (db: string, ...args: string[]) =>
  spawnSync('npm', ['run', 'backup', '--silent', ...(args.length ? ['--', ...args] : [])], { cwd: ROOT, env: { ...process.env, SETWISE_DB: db, SETWISE_DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000 });

function writer(db: string) {
  // Node itself, with tsx as a loader: tsx's own command would run the script in a child that a kill would miss.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/busy-writer.ts'), db], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const started = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { child, started };
}

const rowsIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return { check: db.pragma('integrity_check', { simple: true }), ids: db.prepare("SELECT external_id FROM workspaces WHERE external_id LIKE 'w%'").pluck().all() as string[], sets: db.prepare('SELECT name FROM sets').pluck().all() };
  } finally {
    db.close();
  }
};

describe('npm run backup', () => {
  const db = join(dir, 'setwise.db');

  it('copies a database another process is writing to, whole and consistent, as one private file', async () => {
    expect((await start(':as alice\n:in #leaders\nset create Northern Lights\nmember add @bob\n', { SETWISE_DB: db })).code).toBe(0);
    const busy = writer(db);
    await busy.started;
    try {
      await new Promise((r) => setTimeout(r, 300));
      const copy = join(dir, 'copy.db');
      const run = backupCommand(db, copy);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^backed up to .*copy\.db \(\d+ KiB; integrity check ok\)\n {2}rows: .*sets 1/);
      const { check, ids, sets } = rowsIn(copy);
      expect(check).toBe('ok');
      expect(sets).toEqual(['Northern Lights']);
      // Every committed transaction up to one moment, and nothing after a gap: w1..wN, no hole.
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids)).toEqual(new Set(Array.from({ length: ids.length }, (_, i) => `w${i + 1}`)));
      expect(statSync(copy).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'copy.db'))).toBeDefined();
      // A self-contained file: no write-ahead log travels with it.
      expect(() => statSync(`${copy}-wal`)).toThrow();
      // While the database is open and written, a restore is refused.
      const refused = backupCommand(db, '--restore', copy);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/is in use .*stop Setwise first/);
    } finally {
      busy.child.kill('SIGKILL');
      await new Promise((r) => busy.child.once('exit', r));
    }
  });

  it('restores a backup once Setwise has stopped, and Setwise runs on it', async () => {
    const copy = join(dir, 'before-rename.db');
    expect(backupCommand(db, copy).status).toBe(0);
    // The writer was killed without closing: start and stop Setwise once, as the refusal says.
    await start('', { SETWISE_DB: db });
    await start(':as alice\n:in #leaders\nset rename Southern Lights\n', { SETWISE_DB: db });
    const restored = backupCommand(db, '--restore', copy);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    const after = await start(':as alice\n:in #leaders\nset info\n', { SETWISE_DB: db });
    expect(after.stdout).toContain('Setwise: Northern Lights\n');
    expect(after.stdout).not.toContain('Southern Lights');
  });

  it('refuses a damaged or foreign copy, and leaves the database as it was', () => {
    const damaged = join(dir, 'damaged.db');
    copyFileSync(join(dir, 'before-rename.db'), damaged);
    truncateSync(damaged, 8192);
    const before = readFileSync(db);
    const run = backupCommand(db, '--restore', damaged);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/setwise: backup: .*(integrity|malformed|not a Setwise database|disk image)/i);
    const foreign = join(dir, 'foreign.db');
    new Database(foreign).exec('CREATE TABLE x (y)');
    expect(backupCommand(db, '--restore', foreign).stderr).toMatch(/is not a Setwise database/);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(backupCommand(db, join(dir, 'foreign.db')).stderr).toMatch(/exists already/);
    expect(backupCommand(':memory:').stderr).toMatch(/keeps nothing to back up/);
  });
});
