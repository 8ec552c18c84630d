import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channel, createHarness, person, type Harness } from '../support/harness';

let h: Harness;
const NAME = 'zebediah';
const SECRETS = [NAME, 'merge the two district teams', 'I am afraid of the finance director', 'ring the union rep on Friday'];
const dir = mkdtempSync(join(tmpdir(), 'setwise-privacy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let file: string;

beforeEach(async () => {
  // A file database, as in production: erased words must leave its bytes, not only its rows.
  file = join(dir, `${randomUUID()}.db`);
  h = createHarness(new Date('2026-12-01T12:00:00Z'), file);
  await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
  await h.say('alice', '#leaders', `member add @${NAME} @bob @carol @dave`);
  await h.say('alice', '#leaders', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 3 meetings');
  await h.say(NAME, 'dm', 'me tz Europe/Paris');
  await h.say(NAME, 'dm', 'me quiet 21:00-07:00');
  const form = (await h.say(NAME, '#leaders', 'challenge')).message.form!;
  await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: person(NAME), where: channel('leaders'), payload: { type: 'form', formId: form.id, values: { challenge: 'How can I merge the two district teams?' } } });
  await h.say(NAME, '#leaders', 'reflect I am afraid of the finance director');
  await h.say(NAME, '#leaders', 'action add ring the union rep on Friday');
  await h.say(NAME, '#leaders', 'rsvp maybe');
  await h.say(NAME, '#leaders', 'away from 2027-03-01 until 2027-03-03');
  await h.say('alice', '#leaders', `swap @${NAME} @dave`);
  // Platforms refresh names on every visit: by the time they erase, they go by another.
  await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: { ...person(NAME), displayName: 'Zebediah Q' }, where: channel('leaders'), payload: { type: 'command', text: 'rotation', mentions: [] } });
});
afterEach(() => h.close());

/** The database file's bytes and its write-ahead log's, as they are on disk now. */
const onDisk = () => [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('\n');

/** Every text and JSON value in every table, as one string to search. */
function everything(): string {
  const { sqlite } = h.database;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return tables.map((t) => JSON.stringify(sqlite.prepare(`SELECT * FROM "${t}"`).all())).join('\n');
}

describe('privacy', () => {
  it('exports everything held about the person, to them alone', async () => {
    const reply = await h.say(NAME, 'dm', 'privacy export');
    expect(reply.visibility).toBe('private');
    const data = JSON.parse(reply.message.file!.content) as Record<string, unknown[]> & { profile: Record<string, unknown> };
    expect(data.profile).toMatchObject({ name: NAME, timeZone: 'Europe/Paris', quietHours: '21:00-07:00' });
    expect(JSON.stringify(data)).toContain('merge the two district teams');
    expect(data.reflections).toHaveLength(1);
    expect(data.actions).toHaveLength(1);
    expect(data.rsvps).toEqual([expect.objectContaining({ answer: 'maybe' })]);
    expect(data.sets).toEqual([expect.objectContaining({ set: 'Northern Lights', role: 'member' })]);
    expect(JSON.stringify(data)).not.toContain('bob'); // nobody else's data
  });

  it('asks first, then erases every trace of the person\'s own words', async () => {
    for (const secret of SECRETS) expect(everything(), secret).toContain(secret);
    // The byte check can see them: they are on disk, in the file or its write-ahead log.
    for (const secret of SECRETS) expect(onDisk().includes(secret), secret).toBe(true);
    const asked = await h.say(NAME, 'dm', 'privacy erase');
    expect(asked.message.actions?.[0]).toMatchObject({ id: 'privacy.erase', label: 'Erase my data' });
    expect(everything()).toContain('merge the two district teams'); // nothing yet

    const done = await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: person(NAME), where: channel('leaders'), payload: { type: 'action', actionId: 'privacy.erase', value: asked.message.actions![0]!.value } });
    expect(done.message.text).toBe('Done: your personal content is erased, and the exports you were given are deleted. If you use Setwise again you start afresh.');
    expect(done.erased).toBe(true);
    const left = everything();
    for (const secret of SECRETS) expect(left, secret).not.toContain(secret);
    expect(left).not.toContain('Europe/Paris');
    // Nor in the bytes: not in free pages, old cells or the write-ahead log.
    const bytes = onDisk().toLowerCase();
    for (const secret of [...SECRETS, 'Europe/Paris', '21:00']) expect(bytes.includes(secret.toLowerCase()), `${secret} still on disk`).toBe(false);
    // The set goes on without them, its history kept under an anonymous name.
    expect(await h.text('bob', '#leaders', 'set info')).toContain('Members: @bob, @carol and @dave.');
    expect(await h.text('bob', '#leaders', 'rotation')).not.toContain(NAME);
  });

  it('scrubs their name from a partner\'s swap reason, though they go by another name by then', async () => {
    await h.say('alice', '#five', 'set create Five tz Europe/London');
    await h.say('alice', '#five', 'member add @Quentin @bob @carol @dave @erin');
    await h.say('alice', '#five', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 3 meetings');
    expect(await h.text('alice', '#five', 'swap @Quentin @carol')).toContain('Swapped');
    expect(await h.text('bob', '#five', 'rotation')).toMatch(/@carol: swapped with @Quentin/);
    const quentin = { ...person('Quentin'), displayName: 'quentin r' }; // renamed on the platform since
    await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: quentin, where: channel('five'), payload: { type: 'command', text: 'privacy erase confirm', mentions: [] } });
    expect(await h.text('bob', '#five', 'rotation')).not.toMatch(/quentin/i);
    expect(onDisk().toLowerCase()).not.toContain('quentin');
  });

  it('empties the log at the next tick when another process was reading during the erase', async () => {
    // Another process mid-read holds a snapshot the log's old pages belong to.
    const reader = new Database(file);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM reflections').get();
    h.database.sqlite.pragma('busy_timeout = 300'); // wait for it briefly, not the usual 5 s
    await h.say(NAME, 'dm', 'privacy erase confirm');
    expect(everything()).not.toContain('merge the two district teams'); // the rows are gone at once
    reader.exec('COMMIT');
    reader.close();
    // While it read, the log kept the old pages; the scheduler's next tick (each minute) empties it.
    expect(existsSync(`${file}-wal`) && readFileSync(`${file}-wal`).length > 0).toBe(true);
    await h.scheduler.tick();
    const bytes = onDisk().toLowerCase();
    for (const secret of SECRETS) expect(bytes.includes(secret.toLowerCase()), `${secret} still on disk`).toBe(false);
  });

  it('will not erase on someone else\'s button', async () => {
    const asked = await h.say(NAME, 'dm', 'privacy erase');
    const reply = await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: person('bob'), where: channel('leaders'), payload: { type: 'action', actionId: 'privacy.erase', value: asked.message.actions![0]!.value } });
    expect(reply.message.text).toBe('That button was for someone else.');
    expect(everything()).toContain('merge the two district teams');
  });
});
