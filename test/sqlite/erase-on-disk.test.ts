import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channel, createHarness, person } from '../support/harness';
import { NAME, SECRETS, seedPersonalContent } from '../support/personal-content';
import { sqliteStore, type OpenSqliteStore } from '../support/stores';

/**
 * SQLite's own side of erasure: the rows go in the contract suite's test
 * (test/integration/privacy.test.ts); here, the words must leave the file's bytes too,
 * its free pages and its write-ahead log.
 */
const dir = mkdtempSync(join(tmpdir(), 'setwise-privacy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let file: string;
let h: Awaited<ReturnType<typeof createHarness<OpenSqliteStore>>>;

beforeEach(async () => {
  file = join(dir, `${randomUUID()}.db`);
  h = await createHarness(new Date('2026-12-01T12:00:00Z'), file, sqliteStore);
  await seedPersonalContent(h);
});
afterEach(() => h.close());

/** The database file's bytes and its write-ahead log's, as they are on disk now. */
const onDisk = () => [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('\n');

describe('erasure on SQLite', () => {
  it('leaves none of the person\'s words in the file or its log', async () => {
    // The byte check can see them: they are on disk, in the file or its write-ahead log.
    for (const secret of SECRETS) expect(onDisk().includes(secret), secret).toBe(true);
    await h.say(NAME, 'dm', 'privacy erase confirm');
    const bytes = onDisk().toLowerCase();
    for (const secret of [...SECRETS, 'Zebediah Q', 'Europe/Paris', '21:00']) expect(bytes.includes(secret.toLowerCase()), `${secret} still on disk`).toBe(false);
  });

  it('leaves no trace of a renamed partner\'s name in the bytes', async () => {
    await h.say('alice', '#five', 'set create Five tz Europe/London');
    await h.say('alice', '#five', 'member add @Quentin @bob @carol @dave @erin');
    await h.say('alice', '#five', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 3 meetings');
    await h.say('alice', '#five', 'swap @Quentin @carol');
    const quentin = { ...person('Quentin'), displayName: 'quentin r' };
    await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: quentin, where: channel('five'), payload: { type: 'command', text: 'privacy erase confirm', mentions: [] } });
    expect(onDisk().toLowerCase()).not.toContain('quentin');
  });

  it('empties the log at the next tick when another process was reading during the erase', async () => {
    // Another process mid-read holds a snapshot the log's old pages belong to.
    const reader = new Database(file);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM reflections').get();
    h.opened.database.sqlite.pragma('busy_timeout = 300'); // wait for it briefly, not the usual 5 s
    await h.say(NAME, 'dm', 'privacy erase confirm');
    expect((await h.everything())).not.toContain('merge the two district teams'); // the rows are gone at once
    reader.exec('COMMIT');
    reader.close();
    // While it read, the log kept the old pages; the scheduler's next tick (each minute) empties it.
    expect(existsSync(`${file}-wal`) && readFileSync(`${file}-wal`).length > 0).toBe(true);
    await h.scheduler.tick();
    const bytes = onDisk().toLowerCase();
    for (const secret of SECRETS) expect(bytes.includes(secret.toLowerCase()), `${secret} still on disk`).toBe(false);
  });
});
