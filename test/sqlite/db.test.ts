import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { createSqliteStore } from '../../db/store';
import { openTestDatabase } from '../support/db';
import { ROOT } from '../support/process';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const address = { platform: 'console' as const, kind: 'channel' as const, ref: { channel: 'x' } };

describe('the database', () => {
  it('has every table of the domain outline after migrating', () => {
    const { sqlite, close } = openTestDatabase();
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'absences', 'actions', 'attendance', 'challenges', 'checkin_questions', 'installations', 'jobs', 'meeting_runs', 'meetings', 'memberships', 'people',
      'presenter_slots', 'processed_events', 'prompt_uses', 'prompts', 'reflections', 'rsvps', 'schedule_rules', 'sets', 'sponsors', 'workspaces',
    ]);
    close();
  });

  it('runs a file database in WAL mode with foreign keys enforced, and migrates only once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'setwise-db-'));
    dirs.push(dir);
    const file = join(dir, 'x.db');
    const first = openDatabase(file);
    expect(first.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => first.sqlite.prepare('INSERT INTO memberships (set_id, person_id, role, joined_at) VALUES (99, 99, ?, 0)').run('member')).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    first.close();
    const again = openDatabase(file);
    const journal = JSON.parse(readFileSync(join(ROOT, 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(again.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(journal.entries.length);
    again.close();
  });

  it('keeps data across reopening a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'setwise-db-'));
    dirs.push(dir);
    const file = join(dir, 'x.db');
    const one = openDatabase(file);
    const store = createSqliteStore(one.db);
    const ws = await store.workspaces.ensure('console', 'local');
    const alice = await store.people.upsert(ws.id, { userId: 'alice', displayName: 'alice' }, new Date());
    await store.sets.create({ workspaceId: ws.id, name: 'Kept', channelId: 'c', channelLabel: '#c', channel: address, timeZone: 'UTC' }, alice.id, new Date());
    one.close();
    const two = openDatabase(file);
    expect((await createSqliteStore(two.db).sets.findOpenByChannel(ws.id, 'c'))?.name).toBe('Kept');
    two.close();
  });

  it('allows one open set per channel, enforced by the database itself', async () => {
    const { sqlite, db, close } = openTestDatabase();
    const store = createSqliteStore(db);
    const ws = await store.workspaces.ensure('slack', 'T1');
    const p = await store.people.upsert(ws.id, { userId: 'U1', displayName: 'a' }, new Date());
    const input = { workspaceId: ws.id, name: 'A', channelId: 'C1', channelLabel: '#c', channel: address, timeZone: 'UTC' };
    const made = await store.sets.create(input, p.id, new Date());
    expect(made.ok).toBe(true);
    expect(await store.sets.create({ ...input, name: 'B' }, p.id, new Date())).toMatchObject({ ok: false, reason: 'channel-taken' });
    const now = Date.now();
    const raw = sqlite.prepare(
      "INSERT INTO sets (workspace_id, name, channel_id, channel_label, channel_address, time_zone, created_at, updated_at) VALUES (?, 'C', 'C1', '#c', '{}', 'UTC', ?, ?)",
    );
    expect(() => raw.run(ws.id, now, now)).toThrow(/UNIQUE constraint failed/);
    close();
  });

  it('refreshes a person\'s name from their platform without losing their choices', async () => {
    const { db, close } = openTestDatabase();
    const store = createSqliteStore(db);
    const ws = await store.workspaces.ensure('slack', 'T1');
    const before = await store.people.upsert(ws.id, { userId: 'U1', displayName: 'Al' }, new Date());
    await store.people.setTimeZone(before.id, 'Europe/Paris', new Date());
    const after = await store.people.upsert(ws.id, { userId: 'U1', displayName: 'Alice' }, new Date());
    expect(after).toMatchObject({ id: before.id, displayName: 'Alice', timeZone: 'Europe/Paris' });
    close();
  });
});
