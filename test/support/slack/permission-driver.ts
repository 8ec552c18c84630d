/**
 * The permission matrix's driver for Slack (see ../permission-matrix.ts): commands go
 * in as signed slash commands through real Bolt over HTTP, and every call the app
 * makes to the fake Slack Web API (and every response_url post and file upload) comes
 * out as a Sent, with whom it reached.
 */
import { CAST, type Driver, type Place, type Sent, type To } from '../permission-matrix';
import { startFakeSlack, type FakeSlack, type RecordedCall } from './fake-api';
import { SIGNING_SECRET, startSetwiseSlack, type SetwiseSlack } from './setwise';
import { newTriggerId, post, slashCommand, viewSubmission } from './sign';

const TEAM = 'T1';
/** `alice` is U0ALICE in Slack; her private chat with the app is DU0ALICE. */
const userId = (name: string) => `U0${name.toUpperCase()}`;
const channelId = (name: string) => `C0${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;

/** Web API methods that reach no one: lookups, and a file's name and size announced before its bytes. */
const LOOKUPS = new Set(['auth.test', 'users.info', 'conversations.open', 'conversations.join', 'conversations.info', 'files.getUploadURLExternal', 'files.list', 'files.delete']);

export interface SlackMatrix {
  readonly driver: Driver;
  readonly fake: FakeSlack;
  readonly slack: SetwiseSlack;
  close(): Promise<void>;
}

export async function slackPermissionDriver(start: Date): Promise<SlackMatrix> {
  const fake = await startFakeSlack({ users: Object.fromEntries(CAST.map((n) => [userId(n), { name: n, displayName: n, tz: 'Europe/London' }])) });
  const slack = await startSetwiseSlack(fake, start);
  // Bolt answers each request once its listener has finished (its processBeforeResponse, as
  // on a platform that freezes after the answer), so a command's whole effect is over when
  // its POST returns: every call it caused is in the fake's record before the next begins.
  const { receiver } = slack.app as unknown as { receiver: { processBeforeResponse?: boolean } };
  if (typeof receiver.processBeforeResponse !== 'boolean') throw new Error("the Slack app's receiver is not Bolt's HTTPReceiver");
  receiver.processBeforeResponse = true;

  const people = new Map(CAST.map((n) => [userId(n), n]));
  const channels = new Map<string, string>();
  /** Who each trigger and each response_url belongs to, and where it was used. */
  const triggers = new Map<string, string>();
  const responses = new Map<string, { who: string; place: Place }>();
  let n = 0;

  const personOf = (id: string): To => {
    const name = people.get(id.replace(/^D/, ''));
    if (!name) throw new Error(`a Slack id the matrix does not know: ${id}`);
    return `@${name}`;
  };
  const toOf = (id: string): To => (id.startsWith('C') ? `#${channels.get(id) ?? id}` : personOf(id));

  /** Whom one recorded call reached: none for a lookup; any call the matrix does not know fails the test. */
  function recipients(call: RecordedCall): To[] {
    const { args } = call;
    if (LOOKUPS.has(call.method)) return [];
    switch (call.method) {
      case 'chat.postMessage':
      case 'chat.update':
        return [toOf(String(args.channel))];
      case 'chat.postEphemeral':
        return [personOf(String(args.user))];
      case 'views.open':
        return [`@${triggers.get(String(args.trigger_id))!}`];
      case 'views.publish':
        return [personOf(String(args.user_id))];
      case 'files.completeUploadExternal':
        return [toOf(String(args.channel_id))];
      case 'upload': {
        const to = fake.uploads.get(call.id ?? '')?.completed?.channelId;
        return to ? [toOf(to)] : [];
      }
      case 'response_url': {
        const { who, place } = responses.get(call.id ?? '')!;
        // A reply for the set goes to the channel; an ephemeral one, or one in a private chat, to the person.
        if (place.kind === 'channel' && (args.response_type === 'in_channel' || args.replace_original === true)) return [`#${place.channel}`];
        return [`@${who}`];
      }
      default:
        throw new Error(`an outbound call the permission matrix does not know: ${call.method}`);
    }
  }

  /** People as Slack draws them (<@U0BOB>) read as the matrix names them (@bob). */
  const readable = (text: string) => text.replace(/<@(U0[A-Z]+)(?:\|[^>]*)?>/g, (_m, id: string) => `@${people.get(id) ?? id}`);

  const log: Sent[] = [];
  let converted = 0;
  /** The calls made since the last look, as Sent: read at once, as an erase deletes the files uploaded. */
  function drain(): Sent[] {
    const fresh = fake.calls.slice(converted).map((call): Sent => {
      const bytes = call.method === 'upload' ? fake.uploads.get(call.id ?? '')?.bytes : undefined;
      const first = JSON.stringify((call.args.blocks as unknown[] | undefined)?.[0] ?? '');
      return {
        to: recipients(call),
        what: call.method,
        content: [JSON.stringify(call.args), bytes?.toString('latin1') ?? ''].join('\n'),
        text: readable(typeof call.args.text === 'string' ? call.args.text : ''),
        // Slack draws a warning and an error alike, with a leading :warning:.
        marked: first.includes(':warning:'),
      };
    });
    converted = fake.calls.length;
    log.push(...fresh);
    return fresh;
  }

  /** Slack's markup for a mention of each person the text names. */
  const withMentions = (text: string) => text.replace(/@(\w+)/g, (m, name: string) => (people.has(userId(name)) ? `<@${userId(name)}|${name}>` : m));

  async function command(who: string, place: Place, text: string): Promise<string> {
    const trigger = newTriggerId();
    const id = `r${++n}`;
    triggers.set(trigger, who);
    responses.set(id, { who, place });
    const where =
      place.kind === 'dm'
        ? { channelId: `D${userId(who)}`, channelName: 'directmessage' }
        : { channelId: channelId(place.channel), channelName: place.channel };
    if (place.kind === 'channel') channels.set(where.channelId, place.channel);
    const body = slashCommand({ text: withMentions(text), userId: userId(who), userName: who, teamId: TEAM, responseUrl: fake.responseUrl(id), triggerId: trigger, ...where });
    const answered = await post(slack.events, body, { secret: SIGNING_SECRET });
    if (answered.status !== 200) throw new Error(`Slack's POST of "${text}" was answered ${answered.status}`);
    return trigger;
  }

  const driver: Driver = {
    platform: 'slack',
    async say(who, place, text) {
      drain();
      await command(who, place, text);
      return drain();
    },
    async challenge(who, channel, values) {
      drain();
      const trigger = await command(who, { kind: 'channel', channel }, 'challenge');
      const opened = fake.callsTo('views.open').find((c) => c.args.trigger_id === trigger);
      if (!opened) throw new Error(`no challenge form opened for ${who}`);
      const view = opened.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
      const state = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, { [field]: { type: 'plain_text_input', value } }]));
      const saved = await post(slack.events, viewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, blocks: view.blocks, values: state, userId: userId(who), teamId: TEAM }), { secret: SIGNING_SECRET });
      if (saved.status !== 200 || saved.json !== undefined) throw new Error(`${who}'s challenge was not saved: ${saved.text}`);
      drain();
    },
    async advanceTo(at) {
      drain();
      await slack.advanceTo(at);
      drain();
    },
    rows: () => slack.opened.rows(),
    bookkeeping: ['processed_events', 'installations', 'people.profile_checked_at'],
    sent: () => (drain(), log),
  };
  return {
    driver,
    fake,
    slack,
    async close() {
      await slack.close();
      await fake.close();
    },
  };
}
