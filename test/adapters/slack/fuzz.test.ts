/**
 * Hostile and malformed Slack payloads through the real Bolt app: slash commands,
 * block_actions, view_submission and Events API callbacks, first as Slack shapes
 * them with hostile values, then with any part of them swapped for junk of any
 * type, then wholly arbitrary JSON and bodies that are not JSON at all. A few
 * hundred go over real signed HTTP (signature check, body parsing, statuses); the
 * bulk goes through `app.processEvent`, the call Bolt's HTTPReceiver makes once a
 * request is verified and parsed, with the body Bolt's own parser makes of it.
 * For every case: nothing is thrown out of Bolt, no rejection goes unhandled, the
 * answer is a 200 or a 4xx, and nothing sent to Slack (an ack, a response_url post,
 * any Web API call) shows internals; what Setwise answers is not empty, and never
 * "something went wrong" for what was only bad input.
 */
import fc from 'fast-check';
import { HTTPModuleFunctions, type BufferedIncomingMessage } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSlackPayload, unreadable } from '../../../adapters/slack/receiver';
import { DELETE, fragment, INTERNAL_ERROR, isRecord, junkOf, junkString, leaksIn, line, mutated, oneIn, RUNS, strings, watchProcess, withoutLeaks } from '../../support/fuzz';
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../../support/slack/fake-api';
import { blockAction, eventCallback, FORM, JSON_TYPE, post, slashCommand, viewSubmission } from '../../support/slack/sign';
import { SIGNING_SECRET, startSetwiseSlack, type SetwiseSlack } from '../../support/slack/setwise';

/** Cases over real HTTP: enough to cover the receiver's paths, few enough for a two-core machine. */
const HTTP_RUNS = Math.max(200, Math.round(RUNS / 30));
/** RUNS Slack payloads in all (10,000 unless SETWISE_FUZZ_RUNS says more), a quarter of each kind. */
const PER_KIND = Math.ceil(RUNS / 4);

const TEAM = 'T1';
const USERS = {
  U0ALICE: { name: 'alice', displayName: 'Alice', tz: 'Europe/London' },
  U0BOB: { name: 'bob', displayName: 'Bob', tz: 'America/New_York' },
  U0CAROL: { name: 'carol', displayName: 'Carol', tz: 'Asia/Tokyo' },
  // Not in the set. (W0ENTERPRISE is unknown to users.info: its name is the payload's, hostile or not.)
  U0MALLORY: { name: 'mallory', displayName: 'Mallory', tz: 'Pacific/Chatham' },
};
const CHANNEL = 'C0LEADERS';

let fake: FakeSlack;
let slack: SetwiseSlack;
let watch: ReturnType<typeof watchProcess>;

// ---------------------------------------------------------------------------------------------
// Arbitraries. Every string is free of what the checks look for (see withoutLeaks), so a
// stack trace or "undefined" in an answer can only be Setwise's doing, not an echo.

const text = fc.oneof(fragment, line);
/** Where Slack puts an id, a URL or a name, something else: empty, absurd, hostile, of any type. */
const junkText = junkString('U0ALICE U0BOB', 'u0alice', 'http://127.0.0.1:1/closed');
const junk = junkOf(junkText);

// The ids Slack sends: people in the set and one who is not, the workspace and another.
const userId = fc.constantFrom('U0ALICE', 'U0BOB', 'U0CAROL', 'U0MALLORY', 'W0ENTERPRISE');
const teamId = oneIn(10, fc.constant(TEAM), fc.constant('T2'));
const channelId = fc.constantFrom(CHANNEL, 'C0OTHER', 'DU0ALICE', 'G0PRIVATE');
const channelName = oneIn(3, fc.constantFrom('leaders', 'other', 'directmessage', 'privategroup', 'mpdm-alice--bob-1'), text);
/** Slack's markup for people, channels and links, whole and broken. */
const MARKUP = ['<@U0BOB>', '<@U0CAROL|carol>', '<@U0NOBODY>', '<@W0ENTERPRISE|x>', '<#C0LEADERS|leaders>', '<!here>', '<!subteam^S1|@team>', '<https://example.com|a link>', '&lt;', '&gt;', '&amp;', '<@', '<@U0BOB|', '<>', '<|>', '<<@U0BOB>>', '<@U0BOB|<@U0CAROL>>'];
const commandText = fc.array(fc.oneof(line, fc.constantFrom(...MARKUP), fragment), { maxLength: 4 }).map((parts) => parts.join(' '));

let responses = 0;
let triggers = 0;
/** A response_url on the fake and a trigger id, fresh for each case (a trigger id seen before is a redelivery). */
const responseUrl = fc.constant('').map(() => fake.responseUrl(`r${++responses}`));
const triggerId = fc.constant('').map(() => `1700000000.${++triggers}.abcdef`);

/** The buttons Setwise draws (kind#place, as render-buttons.ts writes them) and the values they carry, whole and bent. */
const ACTION_IDS = ['rsvp#0', 'rsvp#1', 'rotation.withdraw#0', 'challenge.open#0', 'reflection.open#0', 'privacy.erase#0', 'meeting.here#0', 'meeting.bid#0', 'meeting.next#0', 'challenge.show#0', 'meeting.plan#0', 'action.open#0', 'slack.open-form#0', 'rsvp', 'rsvp#', '#0', 'rsvp#99999999999999999999', 'nope#1'];
const VALUES = ['1:yes', '1:no', '1:maybe', '2:yes', '999:yes', '0:yes', '-1:yes', '1:yes:extra', '1', '1:1', '1:2', '1:0', '1:1:1', '1.5', '0x1', '', 'help', 'set info', 'challenge', 'journal', 'meetings'];

/** The forms Setwise opens (interactions/forms.ts) and their fields' ids. */
const CALLBACK_IDS = ['challenge:1', 'reflection:1', 'action:1', 'meeting.plan:1', 'challenge:999', 'challenge', 'challenge:1:2', 'nope:1', ''];
const FIELD_IDS = ['challenge', 'why', 'who', 'tried', 'progress', 'ask', 'text', 'due', 'bids', 'issue-1', 'x', '__proto__', 'constructor'];


const inputState = fc.oneof(
  fc.record({ type: fc.constant('plain_text_input'), value: fc.oneof(text, fc.constant(null)) }),
  fc.record({ type: fc.constant('datepicker'), selected_date: fc.oneof(fc.constantFrom('2027-01-05', '2027-02-30', '0000-00-00'), text, fc.constant(null)) }),
  fc.record({ type: fc.constant('static_select'), selected_option: fc.oneof(fc.record({ value: text }), junk) }),
  fc.record({ type: fc.constant('number_input'), value: fc.constantFrom('1', '-1', '1e309', '99999999999999999999', '') }),
);
/** state.values as Slack sends them: { [block_id]: { [action_id]: { type, value | selected_... } } }. */
const stateValues = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_IDS), fragment), fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_IDS), fragment), inputState, { maxKeys: 2 }), { maxKeys: 4 });
/** A modal's private_metadata: where it came from, as formOrigin writes it, or anything. */
const metadata = oneIn(
  3,
  fc.constantFrom(
    JSON.stringify({ kind: 'channel', id: CHANNEL, label: '#leaders', team: TEAM, channel: CHANNEL }),
    JSON.stringify({ kind: 'dm', id: 'dm:U0ALICE', label: 'your messages with Setwise', team: TEAM, user: 'U0ALICE' }),
    JSON.stringify({ kind: 'channel', id: 'C0OTHER', label: '#x', team: 'T2', channel: 'C0OTHER' }),
    JSON.stringify({ kind: 'channel', id: CHANNEL, label: 'x'.repeat(500), team: TEAM }),
  ),
  fc.oneof(text, fc.jsonValue().map((v) => JSON.stringify(v))),
);

/** Who did it and where, as every interaction carries it. */
const who = fc.record({
  user: fc.record({ id: userId, username: text, name: text, team_id: teamId }),
  team: oneIn(6, fc.record({ id: teamId, domain: text }), fc.constant(null)),
  api_app_id: fc.constant('A1'),
  token: fc.constant('deprecated-verification-token'),
  trigger_id: triggerId,
  is_enterprise_install: fc.boolean(),
});

// Half of the cases of each kind are shaped as Slack shapes them, with hostile words: they
// reach the core, and its answers are rendered. The other half bend the shape (a field
// missing, doubled, of another type, at any depth): what the door must refuse cleanly.

/** A slash command's fields, as Slack form-encodes them. */
const slashFields = fc.record({
  token: fc.constant('deprecated-verification-token'),
  team_id: teamId,
  team_domain: text,
  channel_id: channelId,
  channel_name: channelName,
  user_id: userId,
  user_name: text,
  command: oneIn(12, fc.constant('/setwise'), fc.constantFrom('/other', '/SETWISE', '/setwise ')),
  text: commandText,
  api_app_id: fc.constant('A1'),
  is_enterprise_install: fc.constantFrom('false', 'true'),
  response_url: responseUrl,
  trigger_id: triggerId,
});
const SLASH_KEYS = ['team_id', 'channel_id', 'channel_name', 'user_id', 'user_name', 'command', 'text', 'response_url', 'trigger_id', 'is_enterprise_install'] as const;
const TWICE = Symbol('twice');

/** A raw request body and its content type, as Slack would send it. */
interface Raw {
  readonly kind: 'command' | 'block_actions' | 'view_submission' | 'arbitrary';
  readonly body: string;
  readonly contentType: string;
  toString(): string;
}

/** A request; shown (in a counterexample, a failure) decoded, as the app reads it. */
const request = (kind: Raw['kind'], body: string, contentType: string): Raw => ({
  kind,
  body,
  contentType,
  toString: () => `${kind} (${contentType}): ${contentType === FORM ? decodeURIComponentSafe(body) : body}`.slice(0, 1500),
});

/** A command form-encoded; bent, with one to three fields gone, given twice (querystring then reads a list) or junk. */
const commands: fc.Arbitrary<Raw> = fc
  .tuple(slashFields, fc.boolean(), fc.array(fc.tuple(fc.constantFrom(...SLASH_KEYS), fc.oneof(fc.constant<typeof DELETE | typeof TWICE>(DELETE), fc.constant<typeof DELETE | typeof TWICE>(TWICE), junkText)), { minLength: 1, maxLength: 3 }))
  .map(([fields, bent, edits]) => {
    const form = new URLSearchParams(fields);
    for (const [key, edit] of bent ? edits : []) {
      if (edit === DELETE) form.delete(key);
      else if (edit === TWICE) form.append(key, form.get(key) ?? 'again');
      else form.set(key, edit);
    }
    return request('command', form.toString(), FORM);
  });

const action = fc.record({
  type: oneIn(8, fc.constant('button'), fc.constantFrom('static_select', 'datepicker', 'overflow')),
  action_id: oneIn(5, fc.constantFrom(...ACTION_IDS), text),
  block_id: fc.oneof(fc.constant('b1'), text),
  value: fc.option(oneIn(5, fc.constantFrom(...VALUES), text), { freq: 10, nil: undefined }),
  text: fc.record({ type: fc.constant('plain_text'), text }),
  action_ts: fc.constant('1700000000.000100'),
});
/** Where a click happened: a message in a channel or DM, a modal, the App Home. */
const container = fc.oneof(
  fc.tuple(channelId, channelName, responseUrl).map(([id, name, url]) => ({
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: id, is_ephemeral: false },
    channel: { id, name },
    message: { type: 'message', user: 'UBOT', ts: '1700000000.000100', text: '' },
    response_url: url,
  })),
  fc.tuple(metadata, fc.oneof(fc.constantFrom(...CALLBACK_IDS), text)).map(([meta, callback]) => ({
    container: { type: 'view', view_id: 'V1' },
    view: { id: 'V1', type: 'modal', callback_id: callback, private_metadata: meta, state: { values: {} }, app_id: 'A1', team_id: TEAM },
  })),
  fc.constant({ container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home', callback_id: '', private_metadata: '', state: { values: {} } } }),
);
const blockActionsBody = fc
  .tuple(who, container, fc.array(action, { minLength: 1, maxLength: 2 }), stateValues)
  .map(([w, where, actions, values]) => ({ type: 'block_actions', ...w, ...where, actions, state: { values } }));

/** A modal's submission; its blocks are the inputs the form had. */
const viewSubmissionBody = fc
  .tuple(
    who,
    fc.oneof(fc.constantFrom(...CALLBACK_IDS), text),
    metadata,
    stateValues,
    fc.array(fc.record({ type: fc.constantFrom('input', 'section'), block_id: fc.constantFrom(...FIELD_IDS) }), { maxLength: 3 }),
    fc.oneof(fc.constant([]), fc.constant('').map(() => [{ response_url: fake.responseUrl(`v${++responses}`), block_id: 'b', action_id: 'a', channel_id: CHANNEL }])),
  )
  .map(([w, callback, meta, values, blocks, urls]) => ({
    type: 'view_submission',
    ...w,
    view: { id: 'V1', team_id: TEAM, type: 'modal', blocks, private_metadata: meta, callback_id: callback, state: { values }, hash: '1.a', app_id: 'A1', root_view_id: 'V1', bot_id: 'BBOT' },
    response_urls: urls,
  }));

/** An Events API callback: a message in a DM with the app, the App Home opened, the app removed. */
const eventBody = fc
  .tuple(userId, teamId, text, fc.constantFrom('message', 'app_home_opened', 'app_uninstalled', 'tokens_revoked', 'reaction_added'), fc.constantFrom('im', 'channel', 'mpim'))
  .map(([user, team, words, type, channelType]) => ({
    token: 'deprecated-verification-token',
    team_id: team,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${++triggers}`,
    event_time: 1700000000,
    event: { type, user, text: words, channel: `D${user}`, channel_type: channelType, tab: 'home', ts: '1700000000.000100', event_ts: '1700000000.000100', tokens: { bot: ['UBOT'] } },
    authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  }));

/** What the adapter reads of an interaction: most mutations land there (see mutated). */
const READ = /^(user|team|channel|container|trigger_id|response_url|response_urls|actions|view|view\.(callback_id|private_metadata|state|state\.values|blocks)|actions\.0|actions\.0\.(action_id|value|type))$/;

/** An interaction: JSON in the `payload` field of a form. */
const interaction = (kind: Raw['kind'], payload: fc.Arbitrary<unknown>): fc.Arbitrary<Raw> => payload.map((p) => request(kind, new URLSearchParams({ payload: JSON.stringify(p) }).toString(), FORM));

const blockActions = fc.oneof(interaction('block_actions', blockActionsBody), interaction('block_actions', mutated(blockActionsBody, READ, junk)));
const viewSubmissions = fc.oneof(interaction('view_submission', viewSubmissionBody), interaction('view_submission', mutated(viewSubmissionBody, READ, junk)));
/** Anything at all: any JSON, Slack's types with junk around them, events whole and bent, and payloads that are not JSON. */
const SLACK_TYPES = ['block_actions', 'view_submission', 'view_closed', 'shortcut', 'message_action', 'block_suggestion', 'dialog_submission', 'interactive_message', 'event_callback', 'url_verification', 'app_rate_limited'];
const TOP_KEYS = ['actions', 'view', 'user', 'team', 'channel', 'event', 'command', 'name', 'response_url', 'response_urls', 'container', 'message', 'state', 'authorizations', 'ssl_check'];
const arbitrary: fc.Arbitrary<Raw> = fc.oneof(
  interaction('arbitrary', fc.jsonValue()),
  interaction('arbitrary', fc.tuple(fc.constantFrom(...SLACK_TYPES), fc.dictionary(fc.oneof(fc.constantFrom(...TOP_KEYS), fragment), junk)).map(([type, rest]) => ({ ...rest, type }))),
  fc.jsonValue().map((v) => request('arbitrary', JSON.stringify(v), JSON_TYPE)),
  fc.dictionary(fc.oneof(fc.constantFrom(...TOP_KEYS), fragment), junk).map((v) => request('arbitrary', JSON.stringify(v), JSON_TYPE)),
  fc.oneof(eventBody, mutated(eventBody, /^event(\.\w+)?$|^team_id$/, junk)).map((v) => request('arbitrary', JSON.stringify(v), JSON_TYPE)),
  fc.oneof(text, fc.constantFrom('{', '{"type":', 'null', 'undefined', '[', '\u0000', 'payload')).map((p) => request('arbitrary', new URLSearchParams({ payload: p }).toString(), FORM)),
  fc.oneof(text, fc.constantFrom('a=1&a=2', 'payload', '=', '&&&', '%', '%zz', 'ssl_check=1', 'command=%2Fsetwise')).map((b) => request('arbitrary', b, FORM)),
);

/** Only inputs with no sign of internals in them: see withoutLeaks. */
const clean = (raw: fc.Arbitrary<Raw>) => raw.filter((r) => withoutLeaks(decodeURIComponentSafe(r.body)));
const decodeURIComponentSafe = (s: string): string => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
};

// ---------------------------------------------------------------------------------------------
// Driving one case, and the checks every case must pass.

/** What Bolt's parser makes of a body (a form, with JSON in `payload`, or JSON), or undefined where it answers 400. */
function parsed(raw: Raw): unknown {
  try {
    return HTTPModuleFunctions.parseHTTPRequestBody({ rawBody: Buffer.from(raw.body), headers: { 'content-type': raw.contentType } } as unknown as BufferedIncomingMessage) as unknown;
  } catch {
    return undefined;
  }
}

interface Outcome {
  /** Refused before any listener: by the receiver, or by Bolt reading a body it cannot (both answer 400). */
  readonly refused: boolean;
  readonly acks: unknown[];
  /** What processEvent threw, if anything. */
  readonly thrown?: unknown;
  readonly calls: RecordedCall[];
  readonly logs: string[];
}

/** One request through processEvent, as the receiver hands it over, with what it sent and logged. */
async function inProcess(raw: Raw): Promise<Outcome> {
  fake.calls.length = 0;
  slack.logs.length = 0;
  const body = parsed(raw);
  const acks: unknown[] = [];
  let refused = body === undefined || !isSlackPayload(body);
  let thrown: unknown;
  // The receiver answers these itself.
  if (!refused && isRecord(body) && (body.ssl_check === '1' || body.type === 'url_verification')) return { refused, acks, calls: [], logs: [] };
  if (!refused) {
    try {
      await slack.app.processEvent({
        body: body as Record<string, unknown>,
        ack: async (response?: unknown) => {
          // As Bolt's HTTPResponseAck: a second ack is a programming error.
          if (acks.length > 0) throw new Error('acknowledged twice');
          acks.push(response);
        },
        retryNum: undefined,
        retryReason: undefined,
      });
    } catch (error) {
      // Bolt could not read the body before any listener ran: the receiver answers 400 (adapters/slack/receiver.ts).
      thrown = error;
      refused = true;
    }
  }
  return { refused, acks, thrown, calls: [...fake.calls], logs: [...slack.logs] };
}

/** Web API methods that carry words a person reads. */
const SHOWN = new Set(['response_url', 'chat.postMessage', 'chat.postEphemeral', 'chat.update', 'views.open', 'views.publish', 'views.update', 'views.push']);

/** Tallies for the report: how cases were answered. */
const tally = new Map<string, number>();
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

/** Whether the way back Slack gave (a response_url) is one a reply can take: the fake's, or none. */
function deliverable(body: unknown): boolean {
  const urls = isRecord(body) ? [body.response_url, ...(Array.isArray(body.response_urls) ? body.response_urls.map((u: unknown) => (isRecord(u) ? u.response_url : u)) : [])] : [];
  return urls.every((url) => !url || (typeof url === 'string' && url.startsWith(`${fake.origin}/respond/`)));
}

/** A stack frame in the Slack adapter (not in this test, which sits in a folder of the same name). */
const SETWISE_FRAME = /(?<!test)\/adapters\/slack\/[\w-]+\.ts/;

/** What is wrong with how one case was answered: nothing, for every case. */
function problems(raw: Raw, outcome: Outcome): string[] {
  const found: string[] = [];
  const body = parsed(raw);
  // Only Bolt tripping over a body's shape is let out of processEvent, and the receiver answers it 400; anything else would be a 500.
  if (outcome.thrown !== undefined && (!unreadable(outcome.thrown) || outcome.acks.length > 0)) found.push(`processEvent threw ${String(outcome.thrown)}`);
  count(`${raw.kind}: ${outcome.refused ? 'refused (400)' : outcome.acks.length > 0 ? 'acknowledged' : 'not for Setwise (no ack)'}`);
  // Setwise's listeners acknowledge what is theirs, whatever else happens.
  if (!outcome.refused && isRecord(body)) {
    const first = Array.isArray(body.actions) ? (body.actions[0] as unknown) : undefined;
    const ours =
      body.command === '/setwise' ||
      (body.type === 'block_actions' && isRecord(first) && typeof first.action_id === 'string') ||
      (body.type === 'view_submission' && isRecord(body.view) && typeof body.view.callback_id === 'string');
    if (ours && outcome.acks.length !== 1) found.push(`acknowledged ${outcome.acks.length} times`);
  }
  // An ack carries nothing but a modal's field errors, each a readable sentence.
  for (const ack of outcome.acks) {
    if (ack === undefined) continue;
    const errors = isRecord(ack) && ack.response_action === 'errors' && isRecord(ack.errors) ? Object.values(ack.errors) : [];
    if (errors.length === 0 || !errors.every((e) => typeof e === 'string' && e.trim() !== '')) found.push(`an ack that is not field errors: ${JSON.stringify(ack)}`);
    found.push(...leaksIn(ack));
  }
  for (const call of outcome.calls) {
    if (!SHOWN.has(call.method)) continue;
    found.push(...leaksIn(call.args).map((leak) => `${call.method}: ${leak}`));
    if (strings(call.args).some((s) => INTERNAL_ERROR.test(s))) found.push(`${call.method} says something went wrong: ${JSON.stringify(call.args.text)}`);
    // A message is never empty: Slack would show nothing, or refuse it.
    const text = call.args.text;
    if (call.method !== 'views.publish' && call.method !== 'views.open' && (typeof text !== 'string' || text.trim() === '')) found.push(`${call.method} with no text`);
  }
  // Setwise logs an error only for its own failures, which bad input must never cause; but
  // a response_url that leads nowhere is a failure to deliver, logged as such.
  if (deliverable(body)) found.push(...outcome.logs.filter((l) => l.includes('could not answer')));
  // Nor does Setwise's own code throw on it (Bolt's middleware tripping over junk, before Setwise's listener, may).
  found.push(...outcome.logs.filter((l) => l.includes('Slack request failed') && SETWISE_FRAME.test(l)).map((l) => l.slice(0, 800)));
  return found;
}

/** Runs `cases` of `arbitrary` through processEvent with every check. */
async function fuzz(arbitrary: fc.Arbitrary<Raw>, cases: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(clean(arbitrary), async (raw) => {
      expect(problems(raw, await inProcess(raw)), String(raw)).toEqual([]);
    }),
    { numRuns: cases },
  );
}

beforeAll(async () => {
  watch = watchProcess();
  fake = await startFakeSlack({ users: USERS });
  slack = await startSetwiseSlack(fake, new Date('2027-01-04T09:00:00Z'));
  // Bolt's and the Web API client's debug lines (every request and response, whole) are most
  // of the logging's cost and nothing these checks read; Setwise's own lines are all kept.
  (slack.app.logger as { debug: () => void }).debug = () => {};
  // A set with a schedule, so buttons and forms have something real to act on.
  const say = async (user: string, words: string) => {
    const { payload } = slashCommand({ text: words, userId: user, teamId: TEAM, channelId: CHANNEL, channelName: 'leaders', responseUrl: fake.responseUrl('seed') });
    await slack.app.processEvent({ body: payload, ack: async () => {}, retryNum: undefined, retryReason: undefined });
  };
  await say('U0ALICE', 'set create Northern Lights tz Europe/London');
  await say('U0ALICE', 'member add <@U0BOB> <@U0CAROL>');
  await say('U0ALICE', 'schedule every 2 weeks on tuesday at 10:00 from 2027-01-05 for 6 meetings');
  expect(fake.callsTo('response_url').map((c) => String(c.args.text)).join('\n')).toMatch(/6 meetings planned/);
});
afterAll(async () => {
  await slack?.close();
  await fake?.close();
  console.log(`Slack fuzz: ${[...tally].sort().map(([k, n]) => `${k} ${n}`).join('; ')}`);
  // Nothing went unhandled, in any test of this file.
  expect(watch.stop()).toEqual([]);
});

// Each bug the fuzzing found, as a case of its own, over signed HTTP (before the fuzzing changes the set).
describe('what fuzzing the Slack adapter found', () => {
  /** Posts a signed body; its status, or 'no answer' when none comes within five seconds. */
  const status = (body: string, contentType = JSON_TYPE, secret = SIGNING_SECRET) =>
    Promise.race([post(slack.events, body, { secret, contentType }).then((a) => a.status), new Promise<string>((r) => setTimeout(() => r('no answer'), 5000))]);
  /** A form body; a list is a field sent twice. */
  const formOf = (fields: Record<string, string | string[] | undefined>) => {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of v === undefined ? [] : [v].flat()) form.append(k, x);
    return form.toString();
  };
  const command = (fields: Record<string, string | string[] | undefined>) => formOf({ ...slashCommand({ teamId: TEAM, userId: 'U0ALICE', channelId: CHANNEL, channelName: 'leaders', responseUrl: fake.responseUrl('found') }).payload, ...fields } as Record<string, string>);
  const answered = () => fake.callsTo('response_url').map((c) => String(c.args.text));
  const clear = () => void (fake.calls.length = 0);

  it('answers 400 to a signed body that is JSON but not an object: Bolt left it unanswered, its rejection unhandled (which stops the process)', async () => {
    for (const body of ['null', '5', '[]', '"x"', 'true']) expect(await status(body), body).toBe(400);
    expect(await status(formOf({ payload: 'null' }), FORM)).toBe(400);
    // Unsigned, it is refused as before.
    expect(await status('null', JSON_TYPE, 'not-the-secret')).toBe(401);
    expect(watch.seen).toEqual([]);
  });

  it('answers 400, not 500, to a signed body with a field Bolt reads before routing of the wrong type', async () => {
    for (const body of [{ event: 5 }, { type: 'event_callback', event: null }, { event: { type: 'x', item: 1 } }]) expect(await status(JSON.stringify(body)), JSON.stringify(body)).toBe(400);
  });

  it('tells the sender of a command that does not say who sent it, or from which workspace, rather than "something went wrong"', async () => {
    for (const fields of [{ team_id: undefined }, { user_id: '' }, { team_id: 'not a team' }, { user_id: ['U0ALICE', 'U0BOB'] }]) {
      clear();
      expect(await status(command(fields), FORM)).toBe(200);
      await expect.poll(answered).toEqual(['Slack did not say who sent that or from which workspace, so I did nothing.']);
    }
  });

  it('reads a command\'s text sent twice as no text (help), and a channel that is not a Slack id as the person\'s DM', async () => {
    clear();
    expect(await status(command({ text: ['set info', 'help'] }), FORM)).toBe(200);
    await expect.poll(answered).toHaveLength(1);
    expect(answered()[0]).toMatch(/set create/);
    // No response_url: the answer goes to the channel, which must be one; a forged one means the DM.
    clear();
    expect(await status(command({ channel_id: 'Europe/Atlantis', response_url: undefined, text: 'set info' }), FORM)).toBe(200);
    await expect.poll(() => fake.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['U0ALICE']);
    expect(slack.logs.filter((l) => l.includes('could not answer'))).toEqual([]);
  });

  it('tells the presser of a button that does not say who pressed it, rather than "something went wrong"', async () => {
    clear();
    const click = blockAction({ actionId: 'rsvp#0', value: '1:yes', teamId: TEAM, userId: 'U0ALICE', channelId: CHANNEL, responseUrl: fake.responseUrl('click') });
    const payload = { ...click.payload, user: { name: 'alice' }, team: null };
    expect(await status(formOf({ payload: JSON.stringify(payload) }), FORM)).toBe(200);
    await expect.poll(answered).toEqual(['Slack did not say who sent that or from which workspace, so I did nothing.']);
  });

  it('takes a tokens_revoked event without its tokens in its stride, where Setwise\'s listener threw', async () => {
    slack.logs.length = 0;
    const { body } = eventCallback({ teamId: TEAM, event: { type: 'tokens_revoked' } });
    expect(await status(body)).toBe(200);
    await new Promise((r) => setTimeout(r, 100)); // events are acknowledged before their listener runs
    expect(slack.logs.filter((l) => SETWISE_FRAME.test(l))).toEqual([]);
  });

  it('shows a form\'s problems on its fields when the submission has no blocks or no state, rather than "something went wrong" by DM', async () => {
    for (const drop of ['blocks', 'state'] as const) {
      clear();
      const { payload } = viewSubmission({ callbackId: 'challenge:1', teamId: TEAM, userId: 'U0ALICE', values: { challenge: { challenge: { type: 'plain_text_input', value: '' } } } });
      const { [drop]: _dropped, ...view } = payload.view as Record<string, unknown>;
      const answer = await post(slack.events, formOf({ payload: JSON.stringify({ ...payload, view }) }), { secret: SIGNING_SECRET, contentType: FORM });
      expect(answer.json, drop).toMatchObject({ response_action: 'errors', errors: { challenge: expect.stringContaining('is needed') } });
      expect(fake.callsTo('chat.postMessage')).toEqual([]);
    }
  });
});

describe('hostile Slack payloads through the real Bolt app', () => {
  it(`answers ${PER_KIND} slash commands with hostile text, fields missing, doubled or bent`, { timeout: 600_000 }, async () => {
    await fuzz(commands, PER_KIND);
  });

  it(`answers ${PER_KIND} block_actions with Setwise's action ids, any values, any part replaced by junk`, { timeout: 600_000 }, async () => {
    await fuzz(blockActions, PER_KIND);
  });

  it(`answers ${PER_KIND} view_submissions with any state, private_metadata and callback_id`, { timeout: 600_000 }, async () => {
    await fuzz(viewSubmissions, PER_KIND);
  });

  it(`survives ${PER_KIND} arbitrary bodies: any JSON, Slack's types around junk, mutated events, payloads that are not JSON`, { timeout: 600_000 }, async () => {
    await fuzz(arbitrary, PER_KIND);
  });

  it(`answers ${HTTP_RUNS} of all of these over real signed HTTP with 200 or a 4xx, never a 500; forged ones with 401`, { timeout: 600_000 }, async () => {
    fake.calls.length = 0;
    const cases = fc.sample(clean(fc.oneof(commands, blockActions, viewSubmissions, arbitrary)), HTTP_RUNS);
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const i = next++;
        const raw = cases[i]!;
        // One in ten is signed with the wrong secret: refused before it is read.
        const forged = i % 10 === 9;
        const answer = await post(slack.events, raw.body, { secret: forged ? 'not-the-secret' : SIGNING_SECRET, contentType: raw.contentType });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        // A body Bolt cannot route gets its 404 after three seconds: that is not Setwise's to answer.
        expect(forged ? [401] : [200, 400, 404], `${answer.status} for ${String(raw)}`).toContain(answer.status);
        expect(leaksIn(answer.json ?? answer.text), String(raw)).toEqual([]);
      }
    };
    // Many at once, so the three-second waits overlap.
    await Promise.all(Array.from({ length: 32 }, worker));
    console.log(`Slack fuzz over HTTP: ${HTTP_RUNS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    // Everything said to Slack meanwhile is clean too.
    for (const call of fake.calls.filter((c) => SHOWN.has(c.method))) {
      expect(leaksIn(call.args), call.method).toEqual([]);
      expect(strings(call.args).filter((x) => INTERNAL_ERROR.test(x)), call.method).toEqual([]);
    }
  });
});
