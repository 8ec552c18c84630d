import { inflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHALLENGE_FIELDS } from '../../src/domain/challenge';
import type { Attachment, Message } from '../../src/ports/chat';
import type { Reply } from '../../src/ports/inbound';
import { channel, createHarness, person, type Harness } from '../support/harness';

/**
 * Sponsors see figures, never content; and a report's chart, CSV and the stored rows
 * agree. Every content field gets a word of its own, and every output a sponsor can
 * get is searched for all of them.
 */
let h: Harness;
const MEETING = (weeks: number) => new Date(Date.UTC(2027, 0, 5 + 7 * weeks, 10, 0));
const planted: string[] = [];
const plant = (where: string) => {
  const word = `zq${where.replace(/\W/g, '')}${planted.length}xv`;
  planted.push(word);
  return word;
};

type Core = Harness['core'];
const act = (core: Core, name: string, where: ReturnType<typeof channel>, payload: Parameters<Core['handle']>[0]['payload']) =>
  core.handle({ platform: 'console', workspaceId: 'W1', actor: person(name), where, payload });
const leaders = channel('leaders');

/** Runs one meeting on its run-sheet: who is here, who bids, every stage, the end. */
async function runMeeting(weeks: number, here: string[], bidder?: string): Promise<void> {
  h.clock.set(new Date(MEETING(weeks).getTime() - 10 * 60_000));
  await h.advanceTo(h.clock.now());
  expect((await h.say('alice', '#leaders', 'meeting start')).message.tone).toBe('success');
  for (const n of here) await h.say(n, '#leaders', 'here');
  if (bidder) await h.say(bidder, '#leaders', 'bid');
  for (let i = 0; i < 12; i++) {
    const reply = await h.say('alice', '#leaders', 'meeting next');
    h.clock.advance(20 * 60_000);
    if (/has ended/.test(reply.message.text)) return;
  }
  throw new Error('the meeting did not end');
}

beforeEach(async () => {
  planted.length = 0;
  h = await createHarness(new Date('2027-01-04T09:00:00Z'));
  await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
  await h.say('alice', '#leaders', 'member add @bob @carol @dave @erin');
  await h.say('alice', '#leaders', 'schedule every 1 week on tuesday at 10:00 for 3h from 2027-01-05 for 4 meetings');
  // A second set, which the sponsor does not sponsor.
  await h.say('olga', '#others', 'set create Other Set tz Europe/London');
  await h.say('olga', '#others', 'member add @pete');
  await h.say('olga', '#others', 'meeting add 2027-01-06 at 10:00');

  // Content of every kind, each with its own word.
  const form = (await h.say('bob', '#leaders', 'challenge')).message.form!;
  await act(h.core, 'bob', leaders, { type: 'form', formId: form.id, values: Object.fromEntries(CHALLENGE_FIELDS.map((f) => [f.id, `${plant(`challenge${f.id}`)} matters`])) });
  await h.say('bob', '#leaders', `action add ${plant('action')} the budget by 2027-02-01`);
  await h.say('carol', '#leaders', `action add ${plant('action')} with my team`);
  await h.say('carol', '#leaders', `reflect ${plant('reflection')} was hard`);
  await h.say('alice', '#leaders', `checkin ${plant('checkin')} how are you? next`);
  await h.say('alice', '#leaders', `prompt add reflection ${plant('prompt')} today?`);
  await h.say('pete', '#others', `action add ${plant('othersaction')} now`);
  await h.say('bob', '#leaders', 'rsvp yes');

  await runMeeting(0, ['dave'], 'erin');
  await h.say('dave', '#leaders', `action add ${plant('action')} after the first meeting`);
  await h.say('dave', '#leaders', 'action done 1');
  await h.say('bob', 'dm', `reflect ${plant('journal')} privately`);
  await runMeeting(1, ['bob', 'carol']);
  await h.say('alice', '#leaders', 'sponsor add @sam');
});
afterEach(() => h.close());

/** Everything a reply carries, as text: its text, blocks, buttons, form, and each file (a PNG's text chunks and its bytes as Latin-1). */
function contents(reply: Reply): string {
  const m: Message = reply.message;
  const files = (m.files ?? []).map((f: Attachment) => (typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('latin1') + pngTexts(f.content).join('\n')));
  return [JSON.stringify({ ...m, files: undefined }), ...files].join('\n');
}

/** The PNG's chunks: its size, and its text chunks. */
function pngChunks(png: Uint8Array): { width: number; height: number; texts: Record<string, string>; types: string[] } {
  const b = Buffer.from(png);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const texts: Record<string, string> = {};
  const types: string[] = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < b.length; ) {
    const length = b.readUInt32BE(at);
    const type = b.subarray(at + 4, at + 8).toString('latin1');
    const data = b.subarray(at + 8, at + 8 + length);
    types.push(type);
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'tEXt') {
      const nul = data.indexOf(0);
      texts[data.subarray(0, nul).toString('latin1')] = data.subarray(nul + 1).toString('latin1');
    }
    if (type === 'zTXt') texts[data.subarray(0, data.indexOf(0)).toString('latin1')] = inflateSync(data.subarray(data.indexOf(0) + 2)).toString('latin1');
    at += 12 + length;
  }
  return { width, height, texts, types };
}
const pngTexts = (png: Uint8Array) => Object.values(pngChunks(png).texts);

const csvRows = (csv: string) => {
  const [header, ...rows] = csv.trim().split('\r\n').map((l) => l.split(','));
  return rows.map((r) => Object.fromEntries(header!.map((k, i) => [k, r[i] ?? ''])));
};
const fileOf = (reply: Reply, ext: string) => reply.message.files!.find((f) => f.name.endsWith(ext))!;

describe('a sponsor', () => {
  it('gets the figures of the sets they sponsor and no word of any content, in the reply, the CSV or the chart', async () => {
    const outputs: Reply[] = [];
    for (const [place, command] of [['dm', 'report'], ['dm', 'report set'], ['dm', 'report programme'], ['#leaders', 'report']] as const) {
      const reply = await h.say('sam', place, command);
      expect(reply.message.tone, `${place}: ${command}`).not.toBe('error');
      outputs.push(reply);
    }
    expect(outputs[0]!.message.text).toMatch(/^Northern Lights: figures/);
    expect(outputs[0]!.message.files!.map((f) => f.name)).toEqual(['report-northern-lights.png', 'report-northern-lights.csv']);
    expect(outputs[2]!.message.text).not.toMatch(/Other Set/);
    // Everything else a sponsor might try is refused, and says nothing of the set either.
    const tries = ['challenge show @bob', 'actions @bob', 'actions', 'rotation', 'set info', 'meetings', 'schedule show', 'calendar', 'meeting start', 'meeting plan', 'here', 'bid', 'sponsor add @sam2'];
    for (const command of tries) {
      const reply = await h.say('sam', '#leaders', command);
      expect(reply.message.tone, command).toBe('error');
      outputs.push(reply);
    }
    // Their own journal and a prompt are theirs to have: still nothing of the set in them.
    for (const command of ['journal', 'prompt']) outputs.push(await h.say('sam', '#leaders', command));
    outputs.push(await h.say('sam', '#others', 'report'));
    expect(outputs.at(-1)!.message.text).toMatch(/facilitators and its programme sponsors/);
    const everything = outputs.map(contents).join('\n').toLowerCase();
    expect(planted.length).toBeGreaterThan(10);
    // Every word is stored, so not finding one below means it was kept from the sponsor.
    const stored = await h.everything();
    for (const word of planted) expect(stored, word).toContain(word);
    for (const word of planted) expect(everything, word).not.toContain(word.toLowerCase());
    // And the sponsor heard nothing privately either, but the welcome.
    expect(h.chat.posts.filter((p) => p.to.kind === 'user' && JSON.stringify(p.to.ref).includes('sam')).map((p) => p.message.text)).toEqual([
      expect.stringMatching(/You are now a sponsor of Northern Lights/),
    ]);
  });

  it('is refused where they sponsor nothing, and so are members and strangers', async () => {
    for (const [name, place, command] of [
      ['carol', '#leaders', 'report'],
      ['carol', 'dm', 'report programme'],
      ['zed', 'dm', 'report'],
      ['zed', '#leaders', 'report'],
      ['olga', '#leaders', 'report'],
      ['bob', '#leaders', 'sponsor add @sam'],
      ['sam', '#leaders', 'sponsor remove @sam'],
    ] as const) {
      expect((await h.say(name, place, command)).message.tone, `${name}: ${command}`).toBe('error');
    }
    // A facilitator of one set sees that set's figures only, even in a programme report.
    const olga = await h.say('olga', 'dm', 'report programme');
    expect(olga.message.text).toMatch(/Other Set/);
    expect(olga.message.text).not.toMatch(/Northern Lights/);
    // Removing the sponsor takes the figures away.
    await h.say('alice', '#leaders', 'sponsor remove @sam');
    expect((await h.say('sam', 'dm', 'report')).message.tone).toBe('error');
  });
});

describe('the report', () => {
  it('has a chart that is a real PNG whose numbers equal the CSV, which equals counts from the stored rows', async () => {
    const reply = await h.say('alice', '#leaders', 'report');
    const png = fileOf(reply, '.png');
    expect(png.mediaType).toBe('image/png');
    const chunks = pngChunks(png.content as Uint8Array);
    expect(chunks.types[0]).toBe('IHDR');
    expect(chunks.types.at(-1)).toBe('IEND');
    expect(chunks.width).toBeGreaterThanOrEqual(400);
    expect(chunks.width).toBeLessThanOrEqual(3000);
    expect(chunks.height).toBeGreaterThanOrEqual(300);
    expect(chunks.height).toBeLessThanOrEqual(2000);
    expect((png.content as Uint8Array).length).toBeGreaterThan(5_000);
    const plotted = JSON.parse(chunks.texts['setwise:data']!) as { period: string; attended: number; actions: number }[];

    const csv = csvRows(fileOf(reply, '.csv').content as string);
    const meetingRows = csv.filter((r) => r['row'] === 'meeting');
    expect(plotted).toEqual(meetingRows.map((r) => ({ period: r['date'], attended: Number(r['attended']), actions: Number(r['actions_committed']) })));

    // The same counts, from the database's own rows.
    const rows = await h.rows();
    const table = (name: string) => rows.filter((r) => r.table === name).map((r) => r.row);
    // SQLite holds epoch milliseconds; Postgres gives a Date, or (read raw) its text, "2027-01-04 09:00:00.123+00".
    const ms = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')) : Number(v));
    const set = table('sets').find((s) => s['name'] === 'Northern Lights')!;
    const meetings = table('meetings').filter((m) => m['set_id'] === set['id'] && m['status'] === 'held').sort((a, b) => ms(a['starts_at']) - ms(b['starts_at']));
    expect(meetings).toHaveLength(2);
    const actions = table('actions').filter((a) => a['set_id'] === set['id']);
    // A meeting begins at its planned start, or when its run-sheet started, if earlier.
    const begins = (m: Record<string, unknown>) => Math.min(ms(m['starts_at']), ms(table('meeting_runs').find((r) => r['meeting_id'] === m['id'])?.['started_at'] ?? Infinity));
    const expected = meetings.map((m, i) => {
      const from = i === 0 ? -Infinity : begins(m);
      const to = meetings[i + 1] ? begins(meetings[i + 1]!) : Infinity;
      return {
        period: m['local_date'],
        attended: table('attendance').filter((a) => a['meeting_id'] === m['id'] && Boolean(a['present'])).length,
        actions: actions.filter((a) => ms(a['created_at']) >= from && ms(a['created_at']) < to).length,
      };
    });
    expect(plotted).toEqual(expected);
    expect(expected.map((e) => e.attended)).toEqual([4, 3]); // alice, bob (yes), dave, erin (bid); then alice, bob, carol
    const presentedAt = (m: Record<string, unknown>) => table('presenter_slots').filter((x) => x['meeting_id'] === m['id'] && x['status'] === 'presented').length;
    expect(meetingRows.map((r) => Number(r['presentations']))).toEqual(meetings.map(presentedAt));

    // Per member, too: reflections written for the set (not a private journal entry outside it) and actions done.
    const people = table('people');
    const idOf = (name: string) => people.find((p) => p['display_name'] === name)!['id'];
    for (const r of csv.filter((x) => x['row'] === 'member')) {
      const id = idOf(r['member']!);
      expect(Number(r['actions_committed']), r['member']).toBe(actions.filter((a) => a['person_id'] === id).length);
      expect(Number(r['actions_done']), r['member']).toBe(actions.filter((a) => a['person_id'] === id && a['status'] === 'done').length);
      expect(Number(r['reflections']), r['member']).toBe(table('reflections').filter((x) => x['person_id'] === id && x['set_id'] === set['id']).length);
      expect(Number(r['attended']), r['member']).toBe(table('attendance').filter((a) => a['person_id'] === id && Boolean(a['present'])).length);
    }
  });
});
