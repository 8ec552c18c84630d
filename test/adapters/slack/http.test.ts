/**
 * The Slack adapter through real Bolt over real HTTP: requests signed as Slack signs
 * them in, a local fake Slack Web API out. Assertions are on the recorded calls:
 * their method, channel, user and blocks.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/ports/logger';
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../../support/slack/fake-api';
import { appHomeOpened, blockAction, eventCallback, newTriggerId, post, slashCommand, viewSubmission } from '../../support/slack/sign';
import { BOT_TOKEN, SIGNING_SECRET, startSetwiseSlack, type SetwiseSlack } from '../../support/slack/setwise';

const USERS = {
  U0ALICE: { name: 'alice', displayName: 'Alice', tz: 'Europe/London' },
  U0BOB: { name: 'bob', displayName: 'Bob', tz: 'America/New_York' },
  U0CAROL: { name: 'carol', displayName: 'Carol', tz: 'Asia/Tokyo' },
  U0DAN: { name: 'dan', displayName: 'Dan', tz: 'Europe/Paris' },
};
const TEAM = 'T1';
const CHANNEL = { channelId: 'C0LEADERS', channelName: 'leaders' };
const dmOf = (user: string) => ({ channelId: `D${user}`, channelName: 'directmessage' });

let fake: FakeSlack;
let slack: SetwiseSlack;
let responseIds = 0;

/** Sends `/setwise <text>` as `user` (in #leaders unless told), signed; resolves with the HTTP answer. */
function command(text: string, user = 'U0ALICE', where: { channelId: string; channelName: string } = CHANNEL, options: { retryNum?: number; triggerId?: string } = {}) {
  const body = slashCommand({ text, userId: user, userName: USERS[user as keyof typeof USERS]?.name ?? 'x', teamId: TEAM, responseUrl: fake.responseUrl(`r${++responseIds}`), triggerId: options.triggerId ?? newTriggerId(), ...where });
  return post(slack.events, body, { secret: SIGNING_SECRET, ...(options.retryNum ? { retryNum: options.retryNum } : {}) });
}

const calls = (method: string) => fake.callsTo(method);
const textOf = (call: RecordedCall | undefined): string => JSON.stringify(call?.args ?? {});
/** Waits for the n-th (1-based) call of `method` after the ack, and returns it. */
async function nth(method: string, n = 1): Promise<RecordedCall> {
  await expect.poll(() => calls(method).length, { timeout: 5000 }).toBeGreaterThanOrEqual(n);
  return calls(method)[n - 1]!;
}
/** Runs a command and waits for its reply through the response_url. */
async function reply(text: string, user = 'U0ALICE', where = CHANNEL): Promise<RecordedCall> {
  const before = calls('response_url').length;
  const answer = await command(text, user, where);
  expect(answer.status).toBe(200);
  return nth('response_url', before + 1);
}
interface SlackButton {
  readonly action_id: string;
  readonly value: string;
  readonly confirm?: unknown;
}
const buttonsOf = (call: RecordedCall): SlackButton[] =>
  ((call.args.blocks ?? []) as { type: string; elements?: SlackButton[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

beforeAll(async () => {
  fake = await startFakeSlack({ users: USERS });
  slack = await startSetwiseSlack(fake, new Date('2027-01-04T09:00:00Z'));
});
afterAll(async () => {
  await slack.close();
  await fake.close();
});

describe('requests Slack did not sign', () => {
  beforeEach(() => fake.clear());

  it('are refused with 401 and change nothing: a wrong signature, or one older than five minutes', async () => {
    const body = slashCommand({ text: 'set create Forged', userId: 'U0DAN', teamId: TEAM, responseUrl: fake.responseUrl('forged'), ...CHANNEL });
    expect((await post(slack.events, body, { secret: 'not-the-secret-at-all' })).status).toBe(401);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await post(slack.events, body, { secret: SIGNING_SECRET, timestamp: sixMinutesAgo })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    // Only Bolt's own start-up check (auth.test) reached Slack.
    expect(fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect((await slack.opened.rows()).filter((r) => r.table === 'sets' || r.table === 'processed_events')).toEqual([]);
  });
});

describe('a whole meeting cycle in Slack', () => {
  it('creates a set: the ack comes at once, the answer goes to the channel', async () => {
    const answer = await reply('set create Northern Lights tz Europe/London');
    expect(answer.args).toMatchObject({ response_type: 'in_channel' });
    expect(textOf(answer)).toContain('Northern Lights');
  });

  it('adds members by mention: names and zones from users.info, real mentions in the reply, a DM to each', async () => {
    fake.clear();
    const answer = await reply('member add <@U0BOB|bob> <@U0CAROL> <@U0DAN|dan>');
    expect(calls('users.info').map((c) => c.args.user)).toEqual(expect.arrayContaining(['U0BOB', 'U0CAROL', 'U0DAN']));
    expect(answer.args).toMatchObject({ response_type: 'in_channel' });
    // People are drawn as Slack mentions, never as typed text.
    for (const user of ['U0BOB', 'U0CAROL', 'U0DAN']) expect(textOf(answer)).toContain(`<@${user}>`);
    const dms = await nth('chat.postMessage', 3);
    expect(dms).toBeDefined();
    expect(calls('chat.postMessage').map((c) => c.args.channel).sort()).toEqual(['U0BOB', 'U0CAROL', 'U0DAN']);
    expect(calls('chat.postMessage').every((c) => c.token === BOT_TOKEN)).toBe(true);
    // Their Slack profile zone is theirs until they choose one: Bob reads times in New York.
    const bob = (await slack.opened.rows()).find((r) => r.table === 'people' && r.row.platform_user_id === 'U0BOB')!.row;
    expect(bob).toMatchObject({ display_name: 'Bob', platform_time_zone: 'America/New_York', time_zone: null });
    // A change the set sees redraws every member's App Home (after the reply: wait for them).
    await expect.poll(() => new Set(calls('views.publish').map((c) => c.args.user_id)).size).toBe(4);
  });

  it('schedules, and the presenter notice reaches each presenter by DM with a button that opens the challenge modal', async () => {
    fake.clear();
    await reply('schedule every 2 weeks on tuesday at 10:00 from 2027-01-19 for 3 meetings');
    // Every member's App Home shows the new next meeting, each in their own zone.
    const scheduled = () => calls('views.publish').filter((c) => textOf(c).includes('19 Jan 2027'));
    await expect.poll(() => [...new Set(scheduled().map((c) => c.args.user_id))].sort()).toEqual(['U0ALICE', 'U0BOB', 'U0CAROL', 'U0DAN']);
    expect(textOf(scheduled().find((c) => c.args.user_id === 'U0BOB'))).toContain('Tue 19 Jan 2027, 05:00');
    fake.clear();
    await slack.advanceTo(new Date('2027-01-13T00:00:00Z'));
    const notices = calls('chat.postMessage').filter((c) => textOf(c).includes('You are presenting'));
    expect(notices).toHaveLength(2);
    const presenter = notices[0]!.args.channel as string;
    expect(presenter).toMatch(/^U0/);
    const open = buttonsOf(notices[0]!).find((b) => b.action_id.startsWith('challenge.open'))!;
    expect(open).toBeDefined();

    const trigger = newTriggerId();
    const click = blockAction({ actionId: open.action_id, value: open.value, userId: presenter, teamId: TEAM, triggerId: trigger, responseUrl: fake.responseUrl('click'), messageTs: '1700000001.000100', ...dmOf(presenter) });
    expect((await post(slack.events, click, { secret: SIGNING_SECRET })).status).toBe(200);
    const opened = await nth('views.open');
    expect(opened.args.trigger_id).toBe(trigger);
    const view = opened.args.view as { type: string; callback_id: string; private_metadata: string; blocks: { type: string; block_id: string }[] };
    expect(view.type).toBe('modal');
    expect(view.callback_id).toMatch(/^challenge:\d+$/);
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toContain('challenge');

    // An invalid submission is answered with errors on the fields, and nothing is saved.
    const input = (value: string) => ({ challenge: { challenge: { type: 'plain_text_input', value } }, ask: { ask: { type: 'plain_text_input', value: 'y'.repeat(501) } } });
    const bad = await post(slack.events, viewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, blocks: view.blocks, values: input(''), userId: presenter, teamId: TEAM }), { secret: SIGNING_SECRET });
    expect(bad.status).toBe(200);
    expect(bad.json).toMatchObject({ response_action: 'errors', errors: { challenge: expect.stringContaining('is needed'), ask: expect.stringContaining('at most 500') } });
    expect((await slack.opened.rows()).filter((r) => r.table === 'challenges')).toEqual([]);

    // A good one closes the modal and is answered in the conversation it came from.
    const good = await post(
      slack.events,
      viewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, values: { challenge: { challenge: { type: 'plain_text_input', value: 'How can I lead the merger of two teams?' } } }, userId: presenter, teamId: TEAM }),
      { secret: SIGNING_SECRET },
    );
    expect(good.status).toBe(200);
    expect(good.text).toBe('');
    await expect.poll(() => calls('chat.postMessage').filter((c) => textOf(c).includes('Saved version 1')).length).toBe(1);
    expect(calls('chat.postMessage').find((c) => textOf(c).includes('Saved version 1'))!.args.channel).toBe(presenter);
    expect((await slack.opened.rows()).filter((r) => r.table === 'challenges')).toHaveLength(1);
  });

  it('posts the reminder in the channel; an RSVP by button is answered to the person alone', async () => {
    fake.clear();
    await slack.advanceTo(new Date('2027-01-18T16:00:00Z'));
    const reminder = calls('chat.postMessage').find((c) => c.args.channel === 'C0LEADERS' && textOf(c).includes('Will you be there'))!;
    expect(reminder).toBeDefined();
    // Each member is asked privately too, the day before in their own zone (Bob's is last, at 10:00 in New York).
    const asked = calls('chat.postMessage').filter((c) => textOf(c).includes('Will you be at Northern Lights'));
    expect(asked.map((c) => c.args.channel).sort()).toEqual(['U0ALICE', 'U0BOB', 'U0CAROL', 'U0DAN']);
    expect(buttonsOf(asked[0]!).map((b) => b.value.split(':')[1])).toEqual(['yes', 'no', 'maybe']);
    const yes = buttonsOf(reminder).find((b) => b.value.endsWith(':yes'))!;
    const click = blockAction({ actionId: yes.action_id, value: yes.value, userId: 'U0BOB', teamId: TEAM, responseUrl: fake.responseUrl('rsvp'), messageTs: '1700000002.000100', ...CHANNEL });
    expect((await post(slack.events, click, { secret: SIGNING_SECRET })).status).toBe(200);
    const answer = await nth('response_url');
    expect(answer.args).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(answer)).toContain('Noted: you are coming');
    // Bob reads the time in his own zone, from his Slack profile: 05:00 in New York.
    expect(textOf(answer)).toContain('05:00');
    expect((await slack.opened.rows()).filter((r) => r.table === 'rsvps')).toHaveLength(1);
    // The channel's reminder is edited in place to show the answers so far.
    const edited = await nth('chat.update');
    expect(edited.args).toMatchObject({ channel: 'C0LEADERS' });
    expect(textOf(edited)).toContain('So far: 1 yes, 0 no, 0 maybe');
  });

  it('sends the reflection prompt to each member by DM after the meeting', async () => {
    fake.clear();
    await slack.advanceTo(new Date('2027-01-20T00:00:00Z'));
    const prompts = calls('chat.postMessage').filter((c) => textOf(c).includes('Something to reflect on'));
    expect(prompts.map((c) => c.args.channel).sort()).toEqual(['U0ALICE', 'U0BOB', 'U0CAROL', 'U0DAN']);
    expect(prompts.every((c) => buttonsOf(c).some((b) => b.action_id.startsWith('reflection.open')))).toBe(true);
  });
});

describe('Slack behaviour around the core', () => {
  beforeEach(() => fake.clear());

  it('answers a command that takes seconds: the ack goes first, the answer follows', async () => {
    // users.info is held until the ack has arrived: the answer can only come after it.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const answer = fake.handler('users.info')!;
    fake.handle('users.info', async (args, context) => (await held, answer(args, context)));
    try {
      const sent = await command('help', 'U0ERIN');
      expect(sent.status).toBe(200);
      // The lookup has begun and is held: no answer can have gone out yet.
      await expect.poll(() => calls('users.info').length).toBe(1);
      expect(calls('response_url')).toEqual([]);
      release();
      await nth('response_url');
    } finally {
      fake.handle('users.info', answer);
    }
  });

  it('handles a request Slack retries (X-Slack-Retry-Num) once', async () => {
    const trigger = newTriggerId();
    await command('action add Call the regional director', 'U0CAROL', CHANNEL, { triggerId: trigger });
    await command('action add Call the regional director', 'U0CAROL', CHANNEL, { triggerId: trigger, retryNum: 1 });
    await nth('response_url');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls('response_url')).toHaveLength(1);
    expect((await slack.opened.rows()).filter((r) => r.table === 'actions')).toHaveLength(1);
  });

  it('handles a retried event once: a command typed in the DM, delivered twice', async () => {
    const event = { type: 'message', channel_type: 'im', channel: 'DU0CAROL', user: 'U0CAROL', text: 'action add Book the away day', ts: '1700000003.000100' };
    await post(slack.events, eventCallback({ event, eventId: 'Ev0RETRIED', teamId: TEAM }), { secret: SIGNING_SECRET });
    await post(slack.events, eventCallback({ event, eventId: 'Ev0RETRIED', teamId: TEAM }), { secret: SIGNING_SECRET, retryNum: 1, retryReason: 'http_timeout' });
    await expect.poll(() => calls('chat.postMessage').length).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls('chat.postMessage')).toHaveLength(1);
    expect(calls('chat.postMessage')[0]!.args.channel).toBe('U0CAROL');
    expect((await slack.opened.rows()).filter((r) => r.table === 'actions' && r.row.text === 'Book the away day')).toHaveLength(1);
  });

  it('publishes the App Home when it is opened: my sets, next meeting, presenters, my actions', async () => {
    await post(slack.events, appHomeOpened('U0CAROL', { teamId: TEAM, eventId: 'Ev0HOME' }), { secret: SIGNING_SECRET });
    const published = await nth('views.publish');
    expect(published.args.user_id).toBe('U0CAROL');
    const view = published.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = JSON.stringify(view);
    expect(text).toContain('Northern Lights');
    expect(text).toContain('Call the regional director');
    expect(text).toMatch(/<@U0[A-Z]+>/);
  });

  it('uploads a calendar to the person privately, in their DM', async () => {
    await reply('calendar', 'U0BOB').catch(() => undefined);
    const done = await nth('files.completeUploadExternal');
    expect(done.args.channel_id).toBe('DU0BOB');
    expect([...fake.uploads.values()].some((u) => u.filename.endsWith('.ics') && u.bytes?.toString().includes('BEGIN:VCALENDAR'))).toBe(true);
  });

  it('asks Slack to confirm before erasing; the answer replaces the warning, and the files Setwise gave go', async () => {
    await reply('privacy export', 'U0DAN');
    await nth('files.completeUploadExternal');
    const exported = [...fake.uploads.values()].filter((u) => u.completed?.channelId === 'DU0DAN');
    expect(exported).toHaveLength(1);
    const warning = await reply('privacy erase', 'U0DAN');
    const erase = buttonsOf(warning).find((b) => b.action_id.startsWith('privacy.erase'))!;
    expect(erase.confirm).toMatchObject({ title: { type: 'plain_text' }, confirm: { type: 'plain_text' }, deny: { type: 'plain_text' } });
    // (No fake.clear() here: it would forget the upload too.)
    const before = calls('response_url').length;
    const click = blockAction({ actionId: erase.action_id, value: erase.value, userId: 'U0DAN', teamId: TEAM, responseUrl: fake.responseUrl('erase'), ...CHANNEL });
    await post(slack.events, click, { secret: SIGNING_SECRET });
    const answer = await nth('response_url', before + 1);
    expect(answer.args).toMatchObject({ replace_original: true });
    expect(textOf(answer)).toContain('the exports you were given are deleted');
    // ...and they are: the upload is gone from Slack, deleted before the answer said so.
    expect(calls('files.delete').map((c) => c.args.file)).toEqual([exported[0]!.fileId]);
    expect(fake.uploads.has(exported[0]!.fileId)).toBe(false);
    // Nothing brings them back: their Home is drawn empty, and no row names them, even after they open it.
    const emptyHomes = () => calls('views.publish').filter((c) => c.args.user_id === 'U0DAN' && textOf(c).includes('You are not in a set yet')).length;
    await expect.poll(emptyHomes).toBeGreaterThanOrEqual(1);
    const drawn = emptyHomes();
    await post(slack.events, appHomeOpened('U0DAN', { teamId: TEAM, eventId: 'Ev0DANHOME' }), { secret: SIGNING_SECRET });
    await expect.poll(emptyHomes).toBe(drawn + 1);
    expect((await slack.opened.rows()).filter((r) => r.table === 'people' && (r.row.platform_user_id === 'U0DAN' || r.row.display_name === 'Dan'))).toEqual([]);
  });

  it('offers a button for a form asked for in the DM, where Slack gives no trigger; the click opens it', async () => {
    const event = { type: 'message', channel_type: 'im', channel: 'DU0CAROL', user: 'U0CAROL', text: 'challenge', ts: '1700000004.000100' };
    await post(slack.events, eventCallback({ event, eventId: 'Ev0FORM', teamId: TEAM }), { secret: SIGNING_SECRET });
    const offered = await nth('chat.postMessage');
    expect(offered.args.channel).toBe('U0CAROL');
    const open = buttonsOf(offered).find((b) => b.action_id.startsWith('slack.open-form'))!;
    expect(open.value).toBe('challenge');
    const trigger = newTriggerId();
    await post(slack.events, blockAction({ actionId: open.action_id, value: open.value, userId: 'U0CAROL', teamId: TEAM, triggerId: trigger, responseUrl: fake.responseUrl('open'), ...dmOf('U0CAROL') }), { secret: SIGNING_SECRET });
    const opened = await nth('views.open');
    expect(opened.args).toMatchObject({ trigger_id: trigger, view: { type: 'modal', callback_id: expect.stringMatching(/^challenge:\d+$/) } });
  });

  it('never posts for all to see in a direct message, which may include people outside the set', async () => {
    // Alice asks from her DM with Eve, who is in no set: the rotation she changes is for her eyes only.
    const answer = await reply('bid', 'U0ALICE', { channelId: 'D0ALICEEVE', channelName: 'directmessage' });
    expect(answer.args).toMatchObject({ response_type: 'ephemeral' });
    const group = await reply('rotation', 'U0ALICE', { channelId: 'G0GROUP', channelName: 'mpdm-alice--bob--eve-1' });
    expect(group.args).toMatchObject({ response_type: 'ephemeral' });
  });

  it('acknowledges a slow form in time, and answers it once it is done', async () => {
    // Its own Setwise, with a short budget, so the test need not wait Slack's three seconds.
    const quick = await startSetwiseSlack(fake, new Date('2027-01-04T09:00:00Z'), { submissionBudgetMs: 200 });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // Saving is held up by a slow database write: the upsert of the person, here made slow by holding the first workspace lookup.
    const ensure = quick.opened.store.workspaces.ensure.bind(quick.opened.store.workspaces);
    quick.opened.store.workspaces.ensure = async (...args) => (await held, ensure(...args));
    try {
      const values = { text: { text: { type: 'plain_text_input', value: 'A thought worth keeping' } } };
      const sent = await post(quick.events, viewSubmission({ callbackId: 'reflection:1', values, userId: 'U0FRANK', teamId: TEAM }), { secret: SIGNING_SECRET });
      // Acknowledged within the budget, with nothing to show on the fields, while the work is still held.
      expect(sent.status).toBe(200);
      expect(sent.text).toBe('');
      expect(calls('chat.postMessage')).toEqual([]);
      release();
      const kept = await nth('chat.postMessage');
      expect(kept.args.channel).toBe('U0FRANK');
      expect(textOf(kept)).toContain('Kept as journal entry');
    } finally {
      release();
      await quick.close();
    }
  });

  it('answers by DM when a form came from a channel Setwise cannot post in', async () => {
    const origin = JSON.stringify({ kind: 'channel', id: 'C0SECRET', label: '#secret', team: TEAM, channel: 'C0SECRET' });
    fake.failNext('chat.postEphemeral', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    const values = { text: { text: { type: 'plain_text_input', value: 'From a private channel' } } };
    await post(slack.events, viewSubmission({ callbackId: 'reflection:1', privateMetadata: origin, values, userId: 'U0CAROL', teamId: TEAM }), { secret: SIGNING_SECRET });
    const kept = await nth('chat.postMessage');
    expect(kept.args.channel).toBe('U0CAROL');
    expect(calls('chat.postEphemeral')).toHaveLength(1);
  });

  it('offers the form by button when its trigger has run out', async () => {
    fake.failNext('views.open', { status: 200, body: { ok: false, error: 'expired_trigger_id' } });
    const answer = await reply('challenge', 'U0CAROL');
    const open = buttonsOf(answer).find((b) => b.action_id.startsWith('slack.open-form'));
    expect(open?.value).toBe('challenge');
  });

  it('escapes what people type, so nobody can post a mention or a link through Setwise', async () => {
    const answer = await reply('set rename <!channel> &lt;https://evil.example|click me&gt; <@U0BOB>');
    const text = textOf(answer);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<https://evil.example');
  });

  it('keeps people\'s Slack profiles in the people table for a day, then looks again', async () => {
    const lookups = () => calls('users.info').filter((c) => c.args.user === 'U0BOB').length;
    const day = 24 * 60 * 60 * 1000;
    slack.clock.advance(day + 1);
    await reply('rotation', 'U0BOB');
    await reply('rotation', 'U0BOB');
    expect(lookups()).toBe(1);
    // A day on, Bob has renamed himself and moved: the next command picks both up.
    fake.users.set('U0BOB', { ...USERS.U0BOB, displayName: 'Robert', tz: 'America/Chicago' });
    slack.clock.advance(day + 1);
    await reply('rotation', 'U0BOB');
    expect(lookups()).toBe(2);
    const bob = (await slack.opened.rows()).find((r) => r.table === 'people' && r.row.platform_user_id === 'U0BOB')!.row;
    expect(bob).toMatchObject({ display_name: 'Robert', platform_time_zone: 'America/Chicago' });
  });

  it('says it is healthy at GET /healthz', async () => {
    const res = await fetch(`${slack.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});

describe('the chat port', () => {
  it('turns a 429 into the core\'s RateLimited with Retry-After, without waiting itself', async () => {
    const { slackChat } = await import('../../../adapters/slack');
    const { RateLimited } = await import('../../../src/ports/chat');
    const chat = slackChat({ botToken: BOT_TOKEN, apiUrl: fake.url, port: 0 }, slack.opened.store, silentLogger);
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const error = await chat.post({ platform: 'slack', kind: 'user', ref: { team: TEAM, user: 'U0BOB' } }, { text: 'hello' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimited);
    expect((error as InstanceType<typeof RateLimited>).retryAfterSeconds).toBe(7);
  });

  it('records the message reference, so a reminder can be updated in place', async () => {
    const { slackChat } = await import('../../../adapters/slack');
    const chat = slackChat({ botToken: BOT_TOKEN, apiUrl: fake.url, port: 0 }, slack.opened.store, silentLogger);
    fake.clear();
    const posted = await chat.post({ platform: 'slack', kind: 'channel', ref: { team: TEAM, channel: 'C0LEADERS' } }, { text: '1 coming' });
    await chat.update(posted, { text: '3 coming' });
    const update = await nth('chat.update');
    expect(update.args).toMatchObject({ channel: 'C0LEADERS', ts: (posted.ref as { ts: string }).ts, text: '3 coming' });
    expect((posted.ref as { ts: string }).ts).toMatch(/^\d+\.\d+$/);
  });
});
