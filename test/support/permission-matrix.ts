/**
 * The permission matrix: every command, run by every kind of person, on every
 * platform. It is the spec of who may do what (src/commands/grammar says who, each use
 * case enforces it; docs/architecture.md "Outsiders learn nothing", docs/set-work.md,
 * docs/meeting-day.md "Sponsors and reports"), and the checks that hold for every cell:
 *
 * - a refused cell changes nothing (every row but the adapter's bookkeeping is the
 *   same after it), is answered with one line, sends nothing to anyone else, and tells
 *   someone outside the set nothing of its people (nor, in a private chat, its name);
 * - an allowed cell is not refused, and a personal one shows only the caller's own;
 * - no word of a set's content reaches an address outside that set: every content
 *   field holds a unique planted word, and every outbound call the platform made (the
 *   fixture's, the scheduler's and the matrix's) is searched for all of them.
 *
 * Each platform gives a Driver (its own way of typing a command and of reading what
 * went out); runPermissionMatrix does the rest, the same everywhere.
 */
import { expect } from 'vitest';
import { CHALLENGE_FIELDS } from '../../src/domain/challenge';
import { commandNames, type CommandName } from '../../src/commands/grammar';
import { parseCommand } from '../../src/commands/parse';

export type Role = 'facilitator' | 'member' | 'sponsor' | 'other' | 'stranger';

/** Who plays each role. `other` facilitates (and so is a member of) a second set; `stranger` is in no set. */
export const PLAYERS: Readonly<Record<Role, string>> = { facilitator: 'alice', member: 'bob', sponsor: 'sam', other: 'olga', stranger: 'zed' };

/** Each row runs its roles in this order: outsiders first, so the facilitator's change (a close, say) comes last. */
export const ROLE_ORDER: readonly Role[] = ['stranger', 'other', 'sponsor', 'member', 'facilitator'];
const OUTSIDERS: readonly Role[] = ['sponsor', 'other', 'stranger'];

/** Everyone the fixture and the matrix name. Set A (#leaders): alice, bob, carol, dave, later frank; sam sponsors it. Set B (#others): olga, pete. */
export const CAST = ['alice', 'bob', 'carol', 'dave', 'frank', 'sam', 'sid', 'olga', 'pete', 'zed'] as const;
export const SET_A = { name: 'Northern Lights', channel: 'leaders' } as const;
export const SET_B = { name: 'Other Set', channel: 'others' } as const;
/** Everyone who is ever a member of each set: content of a set may reach only them (and the set's channel). */
const MEMBERS: Readonly<Record<'A' | 'B', readonly string[]>> = { A: ['alice', 'bob', 'carol', 'dave', 'frank'], B: ['olga', 'pete'] };

const ALL: readonly Role[] = ROLE_ORDER;
const MEMBERS_ONLY: readonly Role[] = ['facilitator', 'member'];
const FACILITATOR: readonly Role[] = ['facilitator'];

export interface Row {
  readonly command: CommandName;
  /** As typed; `{me}` is the person typing it, as a mention. */
  readonly text: string;
  /** Set A's channel unless said: the person's private chat, or a new channel of their own (#new-<name>). */
  readonly place?: 'dm' | 'new channel';
  readonly allowed: readonly Role[];
  /** The caller's own things only: nothing personal of anyone else may come back. */
  readonly personal?: true;
  /** Allowed, and answered with a warning (it asks to confirm), not a refusal. */
  readonly warns?: true;
  /** Run after every other row, once the clock has moved on past the meeting: it ends the set, or someone's part in it. */
  readonly last?: true;
}

/**
 * The matrix, in the order it runs (state carries over from row to row: a refused
 * cell changes nothing, so only allowed cells move the fixture on). Some commands
 * have a row per form: showing is for members, changing for facilitators; acting for
 * yourself is for members, for someone else for facilitators.
 */
export const MATRIX: readonly Row[] = [
  { command: 'help', text: 'help', allowed: ALL, personal: true },
  { command: 'set create', text: 'set create Hijacked', allowed: [] }, // the channel has its set: nobody takes it over
  { command: 'set info', text: 'set info', allowed: MEMBERS_ONLY },
  { command: 'set nudges', text: 'set nudges', allowed: MEMBERS_ONLY },
  { command: 'schedule show', text: 'schedule show', allowed: MEMBERS_ONLY },
  { command: 'meetings', text: 'meetings', allowed: MEMBERS_ONLY },
  { command: 'rotation', text: 'rotation', allowed: MEMBERS_ONLY },
  { command: 'calendar', text: 'calendar', allowed: MEMBERS_ONLY },
  { command: 'challenge show', text: 'challenge show @bob', allowed: MEMBERS_ONLY },
  // In a private chat a command is about the person's only set: the sponsor and the stranger have none,
  // and the other set's facilitator reaches only their own (where Bob is not).
  { command: 'set info', text: 'set info', place: 'dm', allowed: ['facilitator', 'member', 'other'] },
  { command: 'challenge show', text: 'challenge show @bob', place: 'dm', allowed: MEMBERS_ONLY },
  { command: 'actions', text: 'actions @bob', place: 'dm', allowed: MEMBERS_ONLY },
  { command: 'challenge', text: 'challenge', allowed: MEMBERS_ONLY, personal: true },
  { command: 'actions', text: 'actions', allowed: MEMBERS_ONLY, personal: true },
  { command: 'actions', text: 'actions @carol', allowed: MEMBERS_ONLY },
  { command: 'report', text: 'report', allowed: ['facilitator', 'sponsor'] },
  // In a private chat `report` is about the sets you may see: the other facilitator gets their own set's figures.
  { command: 'report', text: 'report', place: 'dm', allowed: ['facilitator', 'sponsor', 'other'] },
  { command: 'journal', text: 'journal', allowed: ALL, personal: true },
  { command: 'prompt', text: 'prompt', allowed: ALL, personal: true },
  { command: 'reflect', text: 'reflect I want to listen more than I speak', allowed: ALL, personal: true },
  // Entry 1 of each member was written for set A; everyone else's entry 1 is the one just kept, for no set.
  { command: 'journal share', text: 'journal share 1', allowed: MEMBERS_ONLY },
  { command: 'action add', text: 'action add call the finance lead', allowed: MEMBERS_ONLY, personal: true },
  { command: 'action done', text: 'action done 1', allowed: MEMBERS_ONLY, personal: true },
  { command: 'action drop', text: 'action drop 2', allowed: MEMBERS_ONLY, personal: true },
  { command: 'challenge withdraw', text: 'challenge withdraw', allowed: MEMBERS_ONLY, personal: true },
  { command: 'rsvp', text: 'rsvp yes', allowed: MEMBERS_ONLY },
  // Carol and Dave hold the next two turns (the fixture's one presenter a meeting, Bob opted out): a member may not swap others' slots.
  { command: 'swap', text: 'swap @carol @dave', allowed: FACILITATOR },
  { command: 'presenters', text: 'presenters 2', allowed: FACILITATOR },
  { command: 'set nudges', text: 'set nudges presenter-notice 10d', allowed: FACILITATOR },
  { command: 'set rename', text: 'set rename Northern Lights 2027', allowed: FACILITATOR },
  { command: 'checkin', text: 'checkin What are you bringing with you today? now', allowed: FACILITATOR },
  { command: 'prompt add', text: 'prompt add reflection What surprised you about your own reactions this week?', allowed: FACILITATOR },
  { command: 'prompt themes', text: 'prompt themes Feel Connect', allowed: FACILITATOR },
  { command: 'member add', text: 'member add @frank', allowed: FACILITATOR },
  { command: 'facilitator add', text: 'facilitator add @dave', allowed: FACILITATOR },
  { command: 'facilitator remove', text: 'facilitator remove @dave', allowed: FACILITATOR },
  { command: 'sponsor add', text: 'sponsor add @sid', allowed: FACILITATOR },
  { command: 'sponsor remove', text: 'sponsor remove @sid', allowed: FACILITATOR },
  { command: 'schedule', text: 'schedule every 1 week on tuesday at 10:00 for 3h from 2027-01-05 for 8 meetings', allowed: FACILITATOR },
  { command: 'meeting add', text: 'meeting add 2027-02-17 at 10:00', allowed: FACILITATOR },
  { command: 'meeting move', text: 'meeting move 2027-01-26 to 2027-01-27 at 14:00', allowed: FACILITATOR },
  { command: 'meeting cancel', text: 'meeting cancel 2027-02-09', allowed: FACILITATOR },
  // The meeting day: today's meeting, started ten minutes early, Carol and Dave presenting.
  { command: 'meeting start', text: 'meeting start', allowed: FACILITATOR },
  { command: 'here', text: 'here', allowed: MEMBERS_ONLY },
  { command: 'here', text: 'here @carol', allowed: FACILITATOR },
  // Alice and Bob join the rotation now, so neither is down to present today: both may bid for its time.
  { command: 'presenting', text: 'presenting on', allowed: MEMBERS_ONLY },
  { command: 'presenting', text: 'presenting off @dave', allowed: FACILITATOR },
  // With no date, while today's bids are open, these are about today.
  { command: 'bid', text: 'bid', allowed: MEMBERS_ONLY },
  { command: 'withdraw', text: 'withdraw', allowed: MEMBERS_ONLY },
  // The fourth meeting from now is past the rotation's window: its places are free to bid for.
  { command: 'bid', text: 'bid 2027-02-02', allowed: MEMBERS_ONLY },
  { command: 'withdraw', text: 'withdraw 2027-02-02', allowed: MEMBERS_ONLY },
  { command: 'away', text: 'away from 2027-03-08 until 2027-03-10', allowed: MEMBERS_ONLY },
  { command: 'away', text: 'away @carol from 2027-03-01 until 2027-03-03', allowed: FACILITATOR },
  { command: 'meeting plan', text: 'meeting plan', allowed: FACILITATOR },
  { command: 'meeting plan', text: 'meeting plan review 20', allowed: FACILITATOR },
  { command: 'meeting next', text: 'meeting next', allowed: FACILITATOR },
  { command: 'set tz', text: 'set tz Europe/Paris', allowed: FACILITATOR },
  { command: 'meeting end', text: 'meeting end', allowed: FACILITATOR },
  { command: 'me tz', text: 'me tz America/New_York', place: 'dm', allowed: ALL, personal: true },
  { command: 'me quiet', text: 'me quiet 21:00-07:00', place: 'dm', allowed: ALL, personal: true },
  { command: 'privacy export', text: 'privacy export', place: 'dm', allowed: ALL, personal: true },
  { command: 'privacy erase', text: 'privacy erase', place: 'dm', allowed: ALL, personal: true, warns: true },
  // Last: each ends something. A member may leave; the last facilitator may not.
  { command: 'member remove', text: 'member remove @frank', allowed: FACILITATOR, last: true },
  { command: 'member remove', text: 'member remove {me}', allowed: ['member'], last: true },
  { command: 'set close', text: 'set close', allowed: FACILITATOR, last: true },
  { command: 'privacy erase', text: 'privacy erase confirm', place: 'dm', allowed: ALL, personal: true, last: true },
  { command: 'set create', text: 'set create Fresh Start', place: 'new channel', allowed: ALL, last: true },
];

/** Where something was typed, or went: `#channel`, or `@person` (their private chat, or a message only they see). */
export type To = `#${string}` | `@${string}`;
export type Place = { readonly kind: 'channel'; readonly channel: string } | { readonly kind: 'dm' };

/** One outbound call, as the platform received it. */
export interface Sent {
  /** Who it reached; none for a call that reaches no one (a lookup, a file's name announced before its bytes). */
  readonly to: readonly To[];
  /** The platform's name for the call (chat.postMessage, a connector send, a console post). */
  readonly what: string;
  /** Everything it carried, as text (a file's bytes included), for the search. */
  readonly content: string;
  /** What the person reads first, for the checks on an answer. */
  readonly text: string;
  /** Marked as a warning or an error (where the platform draws one); `error` when it can tell an error apart. */
  readonly marked: boolean;
  readonly error?: boolean;
  /** Teams' line in a channel's thread that says the answer went to the person's own chat: it carries nothing else. */
  readonly notice?: boolean;
}

export interface Driver {
  readonly platform: string;
  /** `who` types `text` in `place`; resolves once everything it causes has been sent, with what was. */
  say(who: string, place: Place, text: string): Promise<readonly Sent[]>;
  /** `who` writes their challenge for the set in `#channel` through its form. */
  challenge(who: string, channel: string, values: Readonly<Record<string, string>>): Promise<void>;
  /** Moves the clock on, sending what falls due meanwhile. */
  advanceTo(at: Date): Promise<void>;
  rows(): Promise<readonly { readonly table: string; readonly row: Readonly<Record<string, unknown>> }[]>;
  /**
   * The adapter's own bookkeeping, which any request may touch: tables (handled event ids,
   * Teams' conversation references and file offers) and `table.column`s (when Slack's
   * profile of a person was last read: a cache of users.info, which a mention refreshes too).
   */
  readonly bookkeeping: readonly string[];
  /** Every outbound call so far, in order. */
  sent(): readonly Sent[];
}

/** When the matrix runs: today's meeting of set A starts at 10:00 London time; the clock stays put until the last rows. */
export const START = new Date('2027-01-04T09:00:00Z');
export const MATRIX_AT = new Date('2027-01-05T09:50:00Z');
/** Nearly a week on: the meeting's reflection prompts, the action follow-up, the next meeting's notices and reminder have gone out. */
export const LAST_AT = new Date('2027-01-11T12:00:00Z');

type Kind = 'member' | 'journal' | 'set';
/**
 * A word planted in one content field. `member`: a challenge or an action, for the
 * set's members, never a channel. `journal`: a private journal entry, for its author
 * alone. `set`: the set's own words (a check-in question, a prompt, an entry its
 * author shares), for its members and its channel.
 */
export interface Planted {
  readonly word: string;
  readonly set: 'A' | 'B';
  readonly owner: string;
  readonly kind: Kind;
}

/** A message as what it is, where it went and what it carried: the same in every read of a driver's record. */
const keyOf = (s: Sent) => JSON.stringify([s.what, s.to, s.content]);
/** Per driver and person, what reached them in answer to their own commands, counted. */
const answered = new WeakMap<Driver, Map<string, Map<string, number>>>();

/** `who` types `text` in `place`: what reaches them meanwhile is their answer. */
async function say(d: Driver, who: string, place: Place, text: string): Promise<readonly Sent[]> {
  const sent = await d.say(who, place, text);
  const byPerson = answered.get(d) ?? new Map<string, Map<string, number>>();
  answered.set(d, byPerson);
  const counts = byPerson.get(who) ?? new Map<string, number>();
  byPerson.set(who, counts);
  for (const s of sent) if (s.to.includes(`@${who}`)) counts.set(keyOf(s), (counts.get(keyOf(s)) ?? 0) + 1);
  return sent;
}

/** What reached `who` but in answer to their own commands: sent to them unasked, in order. */
function unasked(d: Driver, who: string): Sent[] {
  const left = new Map(answered.get(d)?.get(who));
  return d.sent().filter((s) => {
    if (!s.to.includes(`@${who}`)) return false;
    const n = left.get(keyOf(s)) ?? 0;
    left.set(keyOf(s), n - 1);
    return n <= 0;
  });
}

/** Set A, its people and its content; set B beside it; everyone known to Setwise; the clock at the meeting. */
async function setUp(d: Driver): Promise<Planted[]> {
  const planted: Planted[] = [];
  const plant = (set: 'A' | 'B', owner: string, kind: Kind, field: string): string => {
    // Letters and digits only, so no platform's escaping changes it.
    const word = `zq${field.replace(/[^a-z]/gi, '').toLowerCase()}${planted.length}xv`;
    planted.push({ word, set, owner, kind });
    return word;
  };
  const leaders: Place = { kind: 'channel', channel: SET_A.channel };
  const others: Place = { kind: 'channel', channel: SET_B.channel };
  const dm: Place = { kind: 'dm' };
  const fine = async (who: string, place: Place, text: string) => {
    const sent = await say(d, who, place, text);
    const answer = sent.find((s) => s.to.length > 0);
    expect(answer?.marked, `${d.platform} fixture: ${who}: ${text}: ${answer?.text}`).toBe(false);
  };

  await fine('alice', leaders, `set create ${SET_A.name} tz Europe/London`);
  await fine('alice', leaders, 'member add @bob @carol @dave');
  await fine('alice', leaders, 'schedule every 1 week on tuesday at 10:00 for 3h from 2027-01-05 for 6 meetings');
  await fine('alice', leaders, 'sponsor add @sam');
  // One presenter a meeting and Bob out of the rotation: Carol and Dave hold its next two turns, for the swap row.
  await fine('alice', leaders, 'presenters 1');
  await fine('bob', leaders, 'presenting off');
  await fine('olga', others, `set create ${SET_B.name} tz Europe/London`);
  await fine('olga', others, 'member add @pete');
  await fine('olga', others, 'schedule every 1 week on wednesday at 10:00 for 3h from 2027-01-06 for 4 meetings');

  // Content of every kind, each field with a word of its own.
  const challenge = (set: 'A' | 'B', who: string) => Object.fromEntries(CHALLENGE_FIELDS.map((f) => [f.id, `${plant(set, who, 'member', `ch${f.id}`)} matters`]));
  for (const who of ['alice', 'bob', 'carol']) await d.challenge(who, SET_A.channel, challenge('A', who));
  await d.challenge('pete', SET_B.channel, challenge('B', 'pete'));
  for (const who of ['alice', 'alice', 'bob', 'bob', 'carol', 'dave']) await fine(who, leaders, `action add ${plant('A', who, 'member', 'action')} the budget`);
  await fine('pete', others, `action add ${plant('B', 'pete', 'member', 'action')} my team`);
  // Entry 1 of Alice and Bob, written for the set, is the one the matrix shares.
  await fine('alice', leaders, `reflect ${plant('A', 'alice', 'set', 'shared')} went well`);
  await fine('bob', leaders, `reflect ${plant('A', 'bob', 'set', 'shared')} went well`);
  await fine('bob', leaders, `reflect ${plant('A', 'bob', 'journal', 'journal')} was hard`);
  await fine('bob', dm, `reflect ${plant('A', 'bob', 'journal', 'journal')} privately`);
  await fine('carol', leaders, `reflect ${plant('A', 'carol', 'journal', 'journal')} was hard`);
  await fine('pete', others, `reflect ${plant('B', 'pete', 'journal', 'journal')} was hard`);
  await fine('alice', leaders, `checkin ${plant('A', 'alice', 'set', 'checkin')} how are you arriving? next`);
  await fine('olga', others, `checkin ${plant('B', 'olga', 'set', 'checkin')} how are you arriving? next`);
  await fine('alice', leaders, `prompt add reflection ${plant('A', 'alice', 'set', 'prompt')} what did you notice?`);
  await fine('alice', leaders, `prompt add checkin ${plant('A', 'alice', 'set', 'prompt')} what are you carrying?`);
  await fine('olga', others, `prompt add reflection ${plant('B', 'olga', 'set', 'prompt')} what did you notice?`);

  // Nudges due before the meeting go out (and are searched with the rest).
  await d.advanceTo(MATRIX_AT);
  return planted;
}

/**
 * Everyone speaks to Setwise once, at the clock's time. Any command stores (or
 * refreshes) the person typing it, stamped with the time: done here, a refused cell
 * after it finds their row as it was, whoever it names.
 */
async function touchEveryone(d: Driver): Promise<void> {
  for (const who of CAST) await say(d, who, { kind: 'dm' }, 'help');
}

/** The rows that are Setwise's state, each as JSON, by table: what a refused cell must leave as it was. */
async function snapshot(d: Driver): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const { table, row } of await d.rows()) {
    // SQLite's own sqlite_sequence counts ids handed out, and an upsert that finds its row still takes one.
    if (d.bookkeeping.includes(table) || table.startsWith('sqlite_')) continue;
    const kept = Object.entries(row).filter(([column]) => !d.bookkeeping.includes(`${table}.${column}`));
    (out[table] ??= []).push(JSON.stringify(Object.fromEntries(kept), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  }
  for (const rows of Object.values(out)) rows.sort();
  return out;
}

const placeOf = (row: Row, who: string): Place =>
  row.place === 'dm' ? { kind: 'dm' } : { kind: 'channel', channel: row.place === 'new channel' ? `new-${who}` : SET_A.channel };
const textOf = (row: Row, who: string): string => row.text.replaceAll('{me}', `@${who}`);

/** Whether `planted` may reach `to`. */
function mayReach(p: Planted, to: To): boolean {
  const set = p.set === 'A' ? SET_A : SET_B;
  if (to.startsWith('#')) return p.kind === 'set' && to === `#${set.channel}`;
  const person = to.slice(1);
  return p.kind === 'journal' ? person === p.owner : MEMBERS[p.set].includes(person);
}

export interface MatrixResult {
  /** (row, role) cells checked. */
  readonly cells: number;
  /** Outbound calls searched. */
  readonly scanned: number;
  /** Of which carried a planted word to someone allowed it: the search had something to find. */
  readonly carried: number;
}

/** Builds the fixture, runs every cell with its checks, then searches every outbound call. */
export async function runPermissionMatrix(d: Driver): Promise<MatrixResult> {
  // The matrix is the spec: every command has a row, and every row's text is that command.
  expect(new Set(MATRIX.map((r) => r.command))).toEqual(new Set(commandNames));
  for (const row of MATRIX) {
    const parsed = parseCommand(textOf(row, 'zed'));
    expect(parsed.ok && parsed.command.name, row.text).toBe(row.command);
  }

  const planted = await setUp(d);
  // Every word is stored, so not finding one below means it was kept from whoever did not get it.
  const stored = JSON.stringify(await d.rows());
  for (const p of planted) expect(stored, p.word).toContain(p.word);
  await touchEveryone(d);

  let cells = 0;
  // The rows as the last refusal left them: a refusal changes nothing, so they are the next one's "before" too.
  const known: Known = {};
  const run = async (row: Row) => {
    for (const role of ROLE_ORDER) {
      await cell(d, row, role, planted, known);
      cells++;
    }
  };
  for (const row of MATRIX.filter((r) => !r.last)) await run(row);
  await expectRoles(d, { alice: 'facilitator', bob: 'member', carol: 'member', dave: 'member', frank: 'member' }, ['sam']);
  // The nudges of the week after the meeting go out (the set's own prompts among them), then the last rows.
  await d.advanceTo(LAST_AT);
  await touchEveryone(d);
  known.rows = undefined;
  for (const row of MATRIX.filter((r) => r.last)) await run(row);

  // Every outbound call, searched for every word: none reached anyone outside its set.
  const leaks: string[] = [];
  let carried = 0;
  for (const s of d.sent()) {
    const content = s.content.toLowerCase();
    const found = planted.filter((p) => content.includes(p.word));
    if (found.length === 0) continue;
    if (s.to.length === 0) leaks.push(`${s.what} to no one carried ${found.map((p) => p.word).join(', ')}`);
    for (const to of s.to) for (const p of found) if (!mayReach(p, to)) leaks.push(`${s.what} to ${to} carried ${p.word} (${p.kind} of ${p.owner}, set ${p.set}): ${s.text.slice(0, 120)}`);
    carried++;
  }
  expect(leaks, `${d.platform}: content that left its set`).toEqual([]);
  // A sponsor gets no nudges, only the word that they sponsor the set; the stranger gets nothing they did not ask for.
  expect(unasked(d, PLAYERS.sponsor).map((s) => s.text), `${d.platform}: sent to the sponsor unasked`).toEqual([expect.stringMatching(/^You are now a sponsor of Northern Lights/)]);
  expect(unasked(d, PLAYERS.stranger).map((s) => s.text), `${d.platform}: sent to the stranger unasked`).toEqual([]);
  expect(carried, `${d.platform}: members did get their set's content`).toBeGreaterThan(10);
  return { cells, scanned: d.sent().length, carried };
}

/** Set A's people and sponsors are exactly these: nobody came in, or rose, but by a facilitator's hand. */
async function expectRoles(d: Driver, roles: Readonly<Record<string, string>>, sponsors: readonly string[]): Promise<void> {
  const rows = await d.rows();
  const table = (name: string) => rows.filter((r) => r.table === name).map((r) => r.row);
  const nameOf = new Map(table('people').map((p) => [p['id'], p['display_name']]));
  const set = table('sets').find((s) => String(s['name']).startsWith(SET_A.name));
  expect(set, `${d.platform}: set A`).toBeDefined();
  const people = table('memberships').filter((m) => m['set_id'] === set!['id']).map((m) => [nameOf.get(m['person_id']), m['role']]);
  expect(Object.fromEntries(people), `${d.platform}: set A's people`).toEqual(roles);
  expect(table('sponsors').filter((s) => s['set_id'] === set!['id']).map((s) => nameOf.get(s['person_id'])), `${d.platform}: set A's sponsors`).toEqual(sponsors);
}

/** The rows as they were after the last refusal, unless something may have changed them since. */
interface Known {
  rows?: Record<string, string[]>;
}

/** One (row, role): its answer, and for a refusal, nothing changed and nothing said to anyone else. */
async function cell(d: Driver, row: Row, role: Role, planted: readonly Planted[], known: Known): Promise<void> {
  const who = PLAYERS[role];
  const place = placeOf(row, who);
  const text = textOf(row, who);
  const label = `${d.platform}: ${role} ${who} typed "${text}" in ${place.kind === 'dm' ? 'their private chat' : `#${place.channel}`}`;
  const allowed = row.allowed.includes(role);
  const before = allowed ? undefined : (known.rows ?? (await snapshot(d)));
  known.rows = undefined;
  const sent = await say(d, who, place, text);
  // The answer: the first message to the person, or to the channel they typed in.
  const here: To = place.kind === 'channel' ? `#${place.channel}` : `@${who}`;
  const answer = sent.find((s) => !s.notice && (s.to.includes(`@${who}`) || s.to.includes(here)));
  expect(answer, `${label}: no answer`).toBeDefined();
  if (allowed) {
    expect(answer!.marked && !row.warns, `${label}: refused: ${answer!.text}`).toBe(false);
    if (row.warns) expect(answer!.error, `${label}: ${answer!.text}`).not.toBe(true);
    if (row.personal) {
      // Only the caller's own: nothing anyone else wrote for themselves comes back.
      const others = planted.filter((p) => p.owner !== who && p.kind !== 'set');
      for (const s of sent) for (const p of others) expect(s.content.toLowerCase(), `${label}: ${s.what} carried ${p.owner}'s ${p.word}`).not.toContain(p.word);
    }
    return;
  }
  expect(answer!.marked && answer!.error !== false, `${label}: should be refused, was answered: ${answer!.text}`).toBe(true);
  expect(answer!.text.trim(), `${label}: a refusal is one line`).not.toContain('\n');
  known.rows = await snapshot(d);
  expect(known.rows, `${label}: a refusal changed the database`).toEqual(before);
  // Nobody else heard of it (Teams' pointer to the private answer aside, which says nothing else).
  for (const s of sent) for (const to of s.to) expect(to === `@${who}` || s.notice === true, `${label}: ${s.what} went to ${to}: ${s.text}`).toBe(true);
  if (OUTSIDERS.includes(role)) {
    // Outsiders learn nothing: not its people (but those the command itself named), nor, away from
    // its channel, the set's name (in the channel it is no secret: its creation and renames are posted there).
    const named = new Set([...text.matchAll(/@(\w+)/g)].map((m) => m[1]));
    const people = MEMBERS.A.filter((n) => !named.has(n));
    if (place.kind === 'dm') expect(answer!.text, `${label}: told an outsider the set's name`).not.toContain(SET_A.name);
    expect(answer!.text, `${label}: told an outsider who is in the set`).not.toMatch(new RegExp(`\\b(${people.join('|')})\\b`, 'i'));
  }
}
