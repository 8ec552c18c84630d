import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { noServer, useThrowawayServer } from '../support/postgres-suite';
import { start } from '../support/process';

/** The README's console walk-through: a set, its people, a schedule, another person's zone. */
const README_SCRIPT = [
  ':as alice',
  ':in #leaders',
  'set create Northern Lights tz Europe/London',
  'member add @bob @carol',
  'set info',
  'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 until 2027-06-30',
  ':as bob',
  'me tz America/New_York',
  'meetings',
  'rotation',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'setwise-pg-console-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start on PostgreSQL (SETWISE_DATABASE_URL)', () => {
  it('refuses a URL that is not a Postgres one in one line, never repeating it', async () => {
    const run = await start('', { SETWISE_DATABASE_URL: 'mysql://setwise:hunter2@db.example/setwise' });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(/^setwise: SETWISE_DATABASE_URL: must start with postgres:\/\/ .*\n$/);
    expect(run.stderr).not.toContain('hunter2');
    const noDb = await start('', { SETWISE_DATABASE_URL: 'postgres://setwise:hunter2@127.0.0.1:5432' });
    expect(noDb.stderr).toMatch(/^setwise: SETWISE_DATABASE_URL: must name the database after the host/);
    expect(noDb.stderr).not.toContain('hunter2');
  });

  it('stops with one line naming the server, not the password, when it cannot connect', async () => {
    const run = await start('', { SETWISE_DATABASE_URL: 'postgres://setwise:hunter2@127.0.0.1:1/setwise' });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(/^setwise: SETWISE_DATABASE_URL: cannot use the PostgreSQL database setwise at 127\.0\.0\.1:1: .+\n$/);
    expect(run.stderr).not.toContain('hunter2');
  });

  describe.skipIf(noServer)('on a real server', () => {
    const server = useThrowawayServer();

    it('gives the README\'s console transcript exactly as on SQLite, and keeps it across a restart', { timeout: 120_000 }, async () => {
      const url = server().createDatabase('console');
      // The console keeps who it was playing beside SETWISE_DB, on either store.
      const onSqlite = await start(README_SCRIPT, { SETWISE_DB: join(dir, 'sqlite.db') });
      const onPostgres = await start(README_SCRIPT, { SETWISE_DATABASE_URL: url, SETWISE_DB: join(dir, 'pg.db') });
      expect(onSqlite).toMatchObject({ code: 0, stderr: '' });
      expect(onPostgres).toMatchObject({ code: 0, stderr: '' });
      expect(onPostgres.stdout).toContain('[#leaders] Setwise: Northern Lights meets every 4 weeks on Tuesday at 10:00 Europe/London, 3h: 7 meetings planned.');
      expect(onPostgres.stdout).toBe(onSqlite.stdout);

      const again = await start('set info\n', { SETWISE_DATABASE_URL: url, SETWISE_DB: join(dir, 'pg.db') });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('  Facilitators: @alice\n  Members: @bob, @carol\n');
    });
  });
});
