/**
 * Hostile and malformed Bot Framework activities through the real Teams endpoint:
 * messages with hostile text, mentions and entities, cards' Action.Execute invokes and
 * Action.Submit messages with any data, members added and removed, the app installed,
 * types Setwise ignores; first as Teams shapes them, then with any part swapped for junk
 * of any type, then wholly arbitrary JSON. A few hundred go over real HTTP to
 * POST /api/messages; the bulk goes to the same request handler (createTeamsServer's)
 * in process, with a request and a response made here instead of a socket, and from
 * there through botbuilder's CloudAdapter and the bot as any request does. Replies go
 * to the local connector named as the activities' serviceUrl, over HTTP.
 * For every case: nothing is thrown, no rejection goes unhandled, the status is a 200 or
 * a 4xx (a 400 with a reason for what is not an activity Setwise can read), and nothing
 * sent back (the HTTP answer, an invoke's card, any activity sent or edited) shows
 * internals or says "something went wrong" for what was only bad input.
 */
import { Readable, Writable } from 'node:stream';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../adapters/teams/bot';
import { FileOffers } from '../../../adapters/teams/files';
import { teamsAdapter } from '../../../adapters/teams';
import { createTeamsServer } from '../../../adapters/teams/server';
import { createCore } from '../../../src/app/core';
import { ManualClock } from '../../../src/ports/clock';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../../../src/prompt-library';
import { REDACT_PATHS } from '../../../src/secrets';
import { DELETE, fragment, INTERNAL_ERROR, isRecord, junkOf, junkString, leaksIn, line, mutated, oneIn, RUNS, strings, watchProcess, withoutLeaks } from '../../support/fuzz';
import { sqliteStore, type OpenSqliteStore } from '../../support/stores';
import { BOT, CHANNEL, channelMessage, execute, installed, membersAdded, personalMessage, submit, teamsPerson } from '../../support/teams/activities';
import { startFakeConnector, type FakeConnector } from '../../support/teams/connector';
import { startSetwiseTeams, type SetwiseTeams } from '../../support/teams/setwise';

/** Cases over real HTTP: enough to cover the server's paths, few enough for a two-core machine. */
const HTTP_RUNS = Math.max(200, Math.round(RUNS / 30));
const START = new Date('2027-01-04T09:00:00Z');

const alice = teamsPerson('Alice');
const bob = teamsPerson('Bob');
const carol = teamsPerson('Carol');
const mallory = teamsPerson('Mallory');

let fake: FakeConnector;
let watch: ReturnType<typeof watchProcess>;

// ---------------------------------------------------------------------------------------------
// Setwise on Teams in process: wired as startTeams wires it (adapters/teams/index.ts), with
// the server's request handler called directly instead of listening.

interface InProcess {
  readonly server: Server;
  readonly opened: OpenSqliteStore;
  readonly logs: string[];
  close(): void;
}

async function startInProcess(): Promise<InProcess> {
  const opened = await sqliteStore.open();
  const { store } = opened;
  const clock = new ManualClock(START);
  const logs: string[] = [];
  const log = pino({ level: 'debug', redact: { paths: [...REDACT_PATHS], censor: '[secret]' } }, new Writable({ write: (chunk: Buffer, _enc, done) => (logs.push(chunk.toString()), done()) }));
  const teams = teamsAdapter({ port: 0 }, store, clock, log);
  const core = createCore({ store, chat: teams.chat, clock, log, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) });
  const onTurn = createBot({ core, link: teams.link, offers: new FileOffers(store, clock), clock });
  const server = createTeamsServer({ adapter: teams.link.adapter, onTurn, health: async () => true, log });
  return { server, opened, logs, close: () => opened.close() };
}

/** POST /api/messages handed to the server's handler: a request read from memory, a response kept here. */
function handle(server: Server, body: string): Promise<{ status: number; body: string }> {
  const req = Object.assign(Readable.from([Buffer.from(body)]), {
    method: 'POST',
    url: '/api/messages',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
  }) as unknown as IncomingMessage;
  return new Promise((resolve, reject) => {
    let status = 0;
    // An answer that never comes is a failure too (a turn stuck on something).
    const stuck = setTimeout(() => reject(new Error(`no answer in 10 s to ${body.slice(0, 300)}`)), 10_000);
    const res = {
      headersSent: false,
      setHeader: () => res,
      writeHead(code: number) {
        status = code;
        res.headersSent = true;
        return res;
      },
      end(text?: string) {
        clearTimeout(stuck);
        resolve({ status, body: text ?? '' });
      },
    };
    server.emit('request', req, res as unknown as ServerResponse);
  });
}

// ---------------------------------------------------------------------------------------------
// Arbitraries. Every string is free of what the checks look for (see withoutLeaks), so a stack
// trace or "undefined" in an answer can only be Setwise's doing, not an echo.

const text = fc.oneof(fragment, line);
/**
 * Where Teams puts an id, a URL or a name, something else: empty, absurd, hostile, of any
 * type. Not a serviceUrl that refuses connections: botbuilder's connector client retries
 * each call in a turn for about five seconds (only the outbox's client is made without
 * retries, adapters/teams/connector.ts), too long for thousands of cases.
 */
const junk = junkOf(junkString('29:', 'a:'));

const person = fc.constantFrom(alice, bob, carol, mallory);
/** A name a Teams client may send for someone: theirs, or anything. */
const hostileName = oneIn(3, fc.constantFrom('Alice', 'Bob', 'Carol', 'Dave Smith'), text);
/** Teams' markup in what people type: mentions with and without entities, HTML, entities. */
const MARKUP = ['<at>Bob</at>', '<at>Setwise</at>', '<at></at>', '<at>', '</at>', '<b>bold</b>', '<p>para</p>', '&amp;', '&lt;at&gt;', '&nbsp;', '&#39;', '<img src=x onerror=alert(1)>', '<at>Bob</at><at>Bob</at>'];
const typed = fc.array(fc.oneof(line, fc.constantFrom(...MARKUP), fragment), { maxLength: 4 }).map((parts) => parts.join(' '));
/** Mention entities as Teams sends them, for people, the bot, and no one. */
const mention = fc.oneof(
  fc.tuple(person, hostileName).map(([p, name]) => ({ type: 'mention', text: `<at>${name}</at>`, mentioned: { id: p.id, name } })),
  fc.constant({ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }),
  fc.record({ type: fc.constant('mention'), text: text, mentioned: fc.record({ id: fc.oneof(fc.constantFrom('29:nobody', BOT.id), text), name: text }) }),
  fc.record({ type: fc.constant('clientInfo'), locale: fc.constantFrom('en-GB', 'xx'), timezone: fc.oneof(fc.constantFrom('Europe/London', 'America/New_York', 'Europe/Atlantis', '+01:00'), text) }),
);

/** What Setwise's cards carry back (card-data.ts): its buttons and forms, whole and bent. */
const BUTTON_IDS = ['rsvp', 'rotation.withdraw', 'challenge.open', 'reflection.open', 'privacy.erase', 'meeting.here', 'meeting.bid', 'meeting.next', 'challenge.show', 'meeting.plan', 'action.open', 'nope', ''];
const VALUES = ['1:yes', '1:no', '1:maybe', '2:yes', '999:yes', '0:yes', '-1:yes', '1:yes:extra', '1', '1:1', '1:2', '1:0', '1:1:1', '1.5', '0x1', '', 'help'];
const FORM_IDS = ['challenge:1', 'reflection:1', 'action:1', 'meeting.plan:1', 'challenge:999', 'challenge', 'nope:1', ''];
const FIELDS = ['challenge', 'why', 'who', 'tried', 'progress', 'ask', 'text', 'due', 'bids', 'issue-1', 'x', '__proto__', 'constructor'];
const cardData = fc.oneof(
  fc.record({ setwise: fc.constant('button'), id: oneIn(5, fc.constantFrom(...BUTTON_IDS), text), value: oneIn(5, fc.constantFrom(...VALUES), text) }),
  fc
    .tuple(oneIn(5, fc.constantFrom(...FORM_IDS), text), fc.dictionary(fc.constantFrom(...FIELDS).map((f) => `field.${f}`), fc.oneof(text, fc.constantFrom('2027-01-05', '2027-02-30', '15', '-1', '1e309'), junk), { maxKeys: 4 }))
    .map(([form, fields]) => ({ setwise: 'form', form, ...fields })),
  junk,
);

// Half of the cases are shaped as Teams shapes them, with hostile words: they reach the core,
// and its answers are rendered. The other half bend the shape (a part missing, of another
// type, at any depth): what the door must refuse cleanly.

let replies = 0;
/** An activity as Teams sends it, of one of the kinds Setwise reads or ignores. */
const shaped: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.tuple(person, typed, fc.array(mention, { maxLength: 3 }), fc.constantFrom(CHANNEL, '19:other@thread.tacv2')).map(([from, words, entities, channel]) => {
    const a = channelMessage({ serviceUrl: fake.url, from, text: words, channel });
    return { ...a, entities: [...a.entities, ...entities] };
  }),
  fc.tuple(person, typed, fc.array(mention, { maxLength: 2 }), fc.option(fc.constantFrom('Europe/London', 'Asia/Kolkata', 'Europe/Atlantis', 'Mars/Base'), { nil: undefined })).map(([from, words, entities, zone]) => ({
    ...personalMessage({ serviceUrl: fake.url, from, text: words, ...(zone ? { zone } : {}) }),
    entities,
  })),
  fc.tuple(person, cardData, fc.boolean(), fc.oneof(fc.constantFrom('setwise.button', 'setwise.form', 'Action.Execute'), text)).map(([from, data, inChannel, verb]) => {
    const a = execute({ serviceUrl: fake.url, from, data: {}, ...(inChannel ? { channel: CHANNEL, replyToId: `card-${++replies}` } : {}) });
    return { ...a, value: { ...a.value, action: { ...a.value.action, verb, data } } };
  }),
  fc.tuple(person, cardData).map(([from, data]) => submit({ serviceUrl: fake.url, from, data, replyToId: `card-${++replies}` })),
  fc.tuple(person, fc.array(fc.record({ id: fc.oneof(fc.constantFrom(bob.id, carol.id, '29:dave-aad', BOT.id), text), name: fc.option(hostileName, { nil: undefined }) }), { maxLength: 3 })).map(([from, added]) => membersAdded({ serviceUrl: fake.url, from, added })),
  fc.tuple(person, fc.array(fc.record({ id: fc.oneof(fc.constantFrom(bob.id, carol.id, BOT.id), text) }), { minLength: 1, maxLength: 2 })).map(([from, removed]) => ({ ...membersAdded({ serviceUrl: fake.url, from, added: [] }), membersAdded: undefined, membersRemoved: removed })),
  fc.tuple(person, fc.boolean(), fc.constantFrom('add', 'remove', 'add-upgrade', 'remove-upgrade', 'frobnicate')).map(([from, personal, action]) => installed({ serviceUrl: fake.url, from, personal, action })),
  fc.tuple(person, fc.constantFrom('typing', 'messageReaction', 'event', 'endOfConversation', 'messageUpdate', 'messageDelete', 'handoff', 'x')).map(([from, type]) => ({ ...personalMessage({ serviceUrl: fake.url, from, text: '' }), type })),
  fc.tuple(person, fc.constantFrom('fileConsent/invoke', 'composeExtension/query', 'task/fetch', 'signin/verifyState', 'actionableMessage/executeAction', 'x'), junk).map(([from, name, value]) => ({ ...personalMessage({ serviceUrl: fake.url, from, text: '' }), type: 'invoke', name, value })),
);

/** What Setwise and botbuilder read of an activity: most mutations land there (see mutated). */
const READ = /^(type|id|name|text|value|action|replyToId|localTimezone|serviceUrl|channelId|from|from\.(id|name)|recipient|recipient\.id|conversation|conversation\.(id|conversationType|tenantId)|channelData|channelData\.(tenant|tenant\.id|channel|team)|entities|entities\.\d+|entities\.\d+\.(type|text|mentioned|mentioned\.id)|membersAdded|membersAdded\.\d+|membersAdded\.\d+\.(id|name)|membersRemoved|membersRemoved\.\d+|value\.action|value\.action\.data)$/;
/** An activity with one to three of its parts swapped for junk or removed. */
const bent = mutated(shaped, READ, junk);

/** A request body, shown (in a counterexample, a failure) as it is. */
interface Raw {
  readonly kind: 'activity' | 'arbitrary';
  readonly body: string;
  toString(): string;
}
const raw = (kind: Raw['kind'], body: string): Raw => ({ kind, body, toString: () => `${kind}: ${body.slice(0, 1500)}` });

// (An activity removed whole is an empty body.)
const activities: fc.Arbitrary<Raw> = fc.oneof(shaped, bent).map((a) => raw('activity', a === DELETE ? '' : JSON.stringify(a)));
/** Anything at all: any JSON, activity-like objects of junk, activities with junk added, and bodies that are not JSON. */
const TYPES = ['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'typing', 'event', 'messageReaction'];
const KEYS = ['type', 'id', 'name', 'text', 'value', 'action', 'serviceUrl', 'channelId', 'from', 'recipient', 'conversation', 'channelData', 'entities', 'membersAdded', 'membersRemoved', 'replyToId', 'localTimezone'];
const arbitrary: fc.Arbitrary<Raw> = fc.oneof(
  fc.jsonValue().map((v) => raw('arbitrary', JSON.stringify(v))),
  fc.tuple(fc.oneof(fc.constantFrom(...TYPES), text), fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fragment), junk)).map(([type, rest]) => raw('arbitrary', JSON.stringify({ ...rest, type }))),
  fc.tuple(shaped, fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fragment), junk, { minKeys: 1 })).map(([a, more]) => raw('arbitrary', JSON.stringify({ ...a, ...more }))),
  fc.oneof(text, fc.constantFrom('{', '{"type":', 'undefined', '[', '\u0000', '{"type":"message"')).map((b) => raw('arbitrary', b)),
);

/** Only inputs with no sign of internals in them: see withoutLeaks. */
const clean = (arbitrary: fc.Arbitrary<Raw>) => arbitrary.filter((r) => withoutLeaks(r.body));

// ---------------------------------------------------------------------------------------------
// One case, and the checks every case must pass.

/** The activity a body holds, if it is an object. */
const activityOf = (body: string): Record<string, unknown> | undefined => {
  try {
    const a = JSON.parse(body) as unknown;
    return isRecord(a) ? a : undefined;
  } catch {
    return undefined;
  }
};

/** Activities handled so far, by conversation and id: one seen before is a redelivery, answered once. */
const seen = new Set<string>();

/** Tallies for the report: how cases were answered. */
const tally = new Map<string, number>();
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

/** What is wrong with how one case was answered: nothing, for every case. */
function problems(r: Raw, answer: { status: number; body: string }, logs: readonly string[]): string[] {
  const found: string[] = [];
  count(`${r.kind}: ${answer.status}${answer.status === 200 ? (fake.sent.length + fake.updated.length > 0 ? ', answered by message' : answer.body ? ', answered in the response' : ', nothing to say') : ''}`);
  if (answer.status >= 500 || answer.status < 200) found.push(`answered ${answer.status}: ${answer.body}`);
  let shown: unknown = answer.body;
  try {
    shown = answer.body ? (JSON.parse(answer.body) as unknown) : undefined;
  } catch {
    found.push(`an answer that is not JSON: ${answer.body.slice(0, 200)}`);
  }
  // A refusal says why.
  if (answer.status >= 400 && !(isRecord(shown) && typeof shown.error === 'string' && shown.error.trim() !== '')) found.push(`a ${answer.status} without a reason: ${answer.body}`);
  found.push(...leaksIn(shown));
  const activity = activityOf(r.body);
  // Only the connector can take a reply: a serviceUrl that leads nowhere is a failure to deliver,
  // logged as one, and an invoke then says it went wrong (the one thing that can still reach the person).
  const deliverable = activity?.serviceUrl === fake.url;
  if (deliverable && strings(shown).some((s) => INTERNAL_ERROR.test(s))) found.push(`the answer says something went wrong: ${answer.body.slice(0, 300)}`);
  for (const sent of [...fake.sent, ...fake.updated]) {
    found.push(...leaksIn(sent.activity).map((leak) => `sent to ${sent.conversation}: ${leak}`));
    if (strings(sent.activity).some((s) => INTERNAL_ERROR.test(s))) found.push(`sent to ${sent.conversation}: something went wrong`);
    // A message is never empty: Teams would show a blank.
    const a = sent.activity;
    if (a.type === 'message' && !(typeof a.text === 'string' && a.text.trim() !== '') && !(Array.isArray(a.attachments) && a.attachments.length > 0)) found.push(`an empty message to ${sent.conversation}`);
  }
  // Setwise logs an error only for its own failures, which bad input must never cause.
  if (deliverable) found.push(...logs.filter((l) => l.includes('"level":50')).map((l) => l.slice(0, 600)));
  // What a person typed or pressed in a message is answered, unless it came before.
  const key = JSON.stringify([isRecord(activity?.conversation) ? activity.conversation.id : null, activity?.id ?? null]);
  const again = typeof activity?.id === 'string' && activity.id !== '' && seen.has(key);
  seen.add(key);
  if (deliverable && answer.status === 200 && activity?.type === 'message' && !again && fake.sent.length + fake.updated.length === 0) found.push('a message left unanswered');
  return found;
}

/** Forgets what the connector recorded, so each case is checked on its own. */
function forget(): void {
  for (const list of [fake.sent, fake.updated, fake.opened, fake.calls, fake.uploads] as unknown[][]) list.length = 0;
}

let bulk: InProcess;

/** Runs `cases` of `arbitrary` through the server's handler in process, with every check. */
async function fuzz(arbitrary: fc.Arbitrary<Raw>, cases: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(clean(arbitrary), async (r) => {
      forget();
      bulk.logs.length = 0;
      const answer = await handle(bulk.server, r.body);
      expect(problems(r, answer, bulk.logs), String(r)).toEqual([]);
    }),
    { numRuns: cases },
  );
}

beforeAll(async () => {
  watch = watchProcess();
  fake = await startFakeConnector();
  fake.members.push(alice, bob, carol);
  bulk = await startInProcess();
  // A set with a schedule, so buttons and forms have something real to act on.
  const say = (from: typeof alice, words: string, people: (typeof alice)[] = []) => handle(bulk.server, JSON.stringify(channelMessage({ serviceUrl: fake.url, from, text: words, people })));
  await say(alice, 'set create Northern Lights tz Europe/London');
  await say(alice, 'member add @Bob @Carol', [bob, carol]);
  await say(alice, 'schedule every 2 weeks on tuesday at 10:00 from 2027-01-05 for 6 meetings');
  expect(JSON.stringify(fake.sent)).toMatch(/6 meetings planned/);
});
afterAll(async () => {
  bulk?.close();
  await fake?.close();
  console.log(`Teams fuzz: ${[...tally].sort().map(([k, n]) => `${k} ${n}`).join('; ')}`);
  // Nothing went unhandled, in any test of this file.
  expect(watch.stop()).toEqual([]);
});

// Each bug the fuzzing found, as a case of its own, over real HTTP.
describe('what fuzzing the Teams adapter found', () => {
  let setwise: SetwiseTeams;
  beforeAll(async () => {
    setwise = await startSetwiseTeams(START);
  });
  afterAll(() => setwise.close());

  it('answers 400, saying where, to an activity whose parts are missing or of the wrong type, rather than failing half way through the turn', async () => {
    const good = personalMessage({ serviceUrl: fake.url, from: alice, text: 'help' });
    const bad: [string, unknown][] = [
      // "Something went wrong" was sent to the person, or the reply could not be sent at all (botbuilder refuses its own reply).
      ['from', { ...good, from: null }],
      ['from.name', { ...good, from: { ...good.from, name: 1e308 } }],
      ['conversation.id', { ...good, conversation: { ...good.conversation, id: ['a:1'] } }],
      ['conversation.isGroup', { ...good, conversation: { ...good.conversation, isGroup: 'yes' } }],
      ['conversation.id', { ...good, conversation: { ...good.conversation, id: 'a:chat-\u4e00' } }],
      ['recipient.id', { ...good, recipient: { id: 5 } }],
      ['channelId', { ...good, channelId: ['msteams'] }],
      ['text', { ...good, text: 5 }],
      ['entities', { ...good, entities: 5 }],
      ['membersAdded.0.id', { ...membersAdded({ serviceUrl: fake.url, from: alice, added: [] }), membersAdded: [{ id: 1.5, name: 'Carol' }] }],
      ['serviceUrl', { ...good, serviceUrl: 'not a url' }],
    ];
    for (const [where, activity] of bad) {
      forget();
      const answer = await setwise.post(activity);
      expect(answer, where).toEqual({ status: 400, body: { error: `the activity's ${where} is missing or is not what the Bot Framework sends` } });
      expect(fake.sent, where).toEqual([]);
    }
    expect(setwise.logs.filter((l) => l.includes('"level":50'))).toEqual([]);
    // The same activity, as Teams sends it, is answered.
    forget();
    expect((await setwise.post(good)).status).toBe(200);
    expect(fake.sent).toHaveLength(1);
  });

  it('tells the person when a card\'s Action.Submit carries data that is not Setwise\'s, where it said nothing', async () => {
    forget();
    expect((await setwise.post(submit({ serviceUrl: fake.url, from: alice, data: { setwise: 'rocket' }, replyToId: 'card-1' }))).status).toBe(200);
    expect(fake.sent.map((x) => JSON.stringify(x.activity))).toEqual([expect.stringContaining("This button is not one of Setwise's.")]);
  });
});

describe('hostile Teams activities through the real endpoint, CloudAdapter and bot', () => {
  it(`answers ${RUNS} activities of every kind with hostile words, any card data, any part replaced by junk`, { timeout: 600_000 }, async () => {
    await fuzz(activities, RUNS);
  });

  it(`answers ${RUNS} arbitrary bodies, and activities with junk added, with 400 and a reason or as activities`, { timeout: 600_000 }, async () => {
    await fuzz(arbitrary, RUNS);
  });

  it(`answers ${HTTP_RUNS} of all of these over real HTTP with 200 or a 4xx, never a 500`, { timeout: 600_000 }, async () => {
    const setwise: SetwiseTeams = await startSetwiseTeams(START);
    try {
      forget();
      const cases = fc.sample(clean(fc.oneof(activities, arbitrary)), HTTP_RUNS);
      const statuses = new Map<number, number>();
      let next = 0;
      const worker = async () => {
        while (next < cases.length) {
          const r = cases[next++]!;
          const response = await fetch(`${setwise.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: r.body });
          const body = await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect([200, 400], `${response.status} ${body} for ${String(r)}`).toContain(response.status);
          expect(leaksIn(body), String(r)).toEqual([]);
        }
      };
      await Promise.all(Array.from({ length: 4 }, worker));
      console.log(`Teams fuzz over HTTP: ${HTTP_RUNS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
      for (const sent of [...fake.sent, ...fake.updated]) {
        expect(leaksIn(sent.activity), sent.conversation).toEqual([]);
        expect(strings(sent.activity).filter((s) => INTERNAL_ERROR.test(s)), sent.conversation).toEqual([]);
      }
    } finally {
      await setwise.close();
    }
  });
});

