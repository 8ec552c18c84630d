/**
 * The Web API methods the fake models, answering with the fields Slack
 * documents (see node_modules/@slack/web-api/dist/types/response/*.d.ts).
 * Only what a bot adapter reads is filled in, but every answer is one Slack
 * could really give, so code that works here has a fair chance in production.
 */
import { randomBytes } from 'node:crypto';
import type { Answer, Args, FakeInstall, FakeSlack, FakeTeam, FakeUser, MethodHandler } from './fake-api';

export interface FakeState {
  readonly fake: FakeSlack;
  readonly oauthClient: { id: string; secret: string } | undefined;
  /** Drives message timestamps, so they are unique and increase like Slack's. */
  seq: number;
}

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';
export const APP_ID = 'A1';

/** A Slack-looking id: prefix plus uppercase alphanumerics, as in 'F07ABCD1234'. */
export function slackId(prefix: string): string {
  return prefix + randomBytes(5).toString('hex').toUpperCase();
}

/** '1700000000.000100', '1700000000.000200', ...: unique, increasing, and in Slack's format. */
function nextTs(state: FakeState): string {
  state.seq += 1;
  const micros = state.seq * 100;
  return `${1_700_000_000 + Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function teamOf(fake: FakeSlack, token: string | undefined): FakeTeam {
  return (token && fake.tokens.get(token)) || fake.defaultTeam;
}

/** Posting to a user id lands in the DM with that user, and Slack answers with the DM's id. */
function resolveChannel(channel: string): string {
  return /^[UW]/.test(channel) ? `D${channel}` : channel;
}

/** Slack reports a zone's current name and offset, e.g. 'British Summer Time', 3600. */
function zoneNow(tz: string): { label: string; offset: number } {
  const parts = (style: 'long' | 'longOffset') =>
    new Intl.DateTimeFormat('en-GB', { timeZone: tz, timeZoneName: style })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(parts('longOffset'));
  const offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60) : 0;
  return { label: parts('long'), offset };
}

function userObject(id: string, user: FakeUser, team: FakeTeam): Answer {
  const tz = user.tz ?? 'Europe/London';
  const zone = zoneNow(tz);
  const realName = user.realName ?? user.name;
  const displayName = user.displayName ?? '';
  return {
    id,
    team_id: team.id,
    name: user.name,
    deleted: user.deleted ?? false,
    real_name: realName,
    tz,
    tz_label: user.tzLabel ?? zone.label,
    tz_offset: user.tzOffset ?? zone.offset,
    profile: {
      real_name: realName,
      real_name_normalized: realName,
      display_name: displayName,
      display_name_normalized: displayName,
      ...(user.email ? { email: user.email } : {}),
      team: team.id,
    },
    is_admin: false,
    is_owner: false,
    is_bot: user.isBot ?? false,
    is_app_user: false,
    updated: 1_700_000_000,
  };
}

function botMessage(args: Args, ts: string, team: FakeTeam): Answer {
  return {
    type: 'message',
    user: BOT_USER_ID,
    bot_id: BOT_ID,
    app_id: APP_ID,
    team: team.id,
    text: str(args.text) ?? '',
    ...(args.blocks !== undefined ? { blocks: args.blocks } : {}),
    ...(args.thread_ts !== undefined ? { thread_ts: args.thread_ts } : {}),
    ts,
  };
}

function viewObject(args: Args, id: string, team: FakeTeam): Answer {
  const view = (typeof args.view === 'object' && args.view !== null ? args.view : {}) as Args;
  return {
    id,
    team_id: team.id,
    type: view.type ?? 'modal',
    blocks: view.blocks ?? [],
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    external_id: view.external_id ?? '',
    title: view.title,
    submit: view.submit ?? null,
    close: view.close ?? null,
    state: { values: {} },
    hash: `${Date.now()}.${slackId('')}`,
    clear_on_close: false,
    notify_on_close: false,
    root_view_id: id,
    previous_view_id: null,
    app_id: APP_ID,
    bot_id: BOT_ID,
  };
}

function oauthAnswer(state: FakeState, args: Args): Answer {
  const { fake, oauthClient } = state;
  if (oauthClient && args.client_id !== oauthClient.id) return { ok: false, error: 'invalid_client_id' };
  if (oauthClient && args.client_secret !== oauthClient.secret) return { ok: false, error: 'bad_client_secret' };
  const code = str(args.code);
  const install: FakeInstall | undefined = code === undefined ? undefined : fake.oauthCodes.get(code);
  if (!code || !install) return { ok: false, error: 'invalid_code' };
  // Codes are single-use in Slack; a replayed callback must not install twice.
  fake.oauthCodes.delete(code);
  const team = install.team ?? fake.defaultTeam;
  const accessToken = install.accessToken ?? `xoxb-${team.id}-${slackId('')}`;
  // Later calls with the new token (Bolt's installer calls auth.test at once) belong to this team.
  fake.tokens.set(accessToken, team);
  return {
    ok: true,
    app_id: install.appId ?? APP_ID,
    authed_user: { id: install.authedUserId ?? 'U1' },
    scope: install.scope ?? 'chat:write,commands,users:read,im:write',
    token_type: 'bot',
    access_token: accessToken,
    bot_user_id: install.botUserId ?? BOT_USER_ID,
    team: { id: team.id, name: team.name },
    enterprise: install.enterprise ?? null,
    is_enterprise_install: false,
  };
}

export function methodHandlers(state: FakeState): Record<string, MethodHandler> {
  const { fake } = state;
  return {
    'api.test': (args) => ({ ok: true, args }),

    'auth.test': (_args, { token }) => {
      if (!token) return { ok: false, error: 'not_authed' };
      const team = teamOf(fake, token);
      return {
        ok: true,
        url: `https://${team.domain ?? team.id.toLowerCase()}.slack.com/`,
        team: team.name,
        user: 'setwise',
        team_id: team.id,
        user_id: BOT_USER_ID,
        bot_id: BOT_ID,
        is_enterprise_install: false,
      };
    },

    'chat.postMessage': (args, { token }) => {
      const channel = resolveChannel(str(args.channel) ?? '');
      if (!channel) return { ok: false, error: 'channel_not_found' };
      const ts = nextTs(state);
      return { ok: true, channel, ts, message: botMessage(args, ts, teamOf(fake, token)) };
    },

    'chat.update': (args, { token }) => {
      const channel = str(args.channel);
      const ts = str(args.ts);
      if (!channel || !ts) return { ok: false, error: 'message_not_found' };
      const message = botMessage(args, ts, teamOf(fake, token));
      return { ok: true, channel, ts, text: message.text, message };
    },

    'chat.postEphemeral': () => ({ ok: true, message_ts: nextTs(state) }),

    'chat.delete': (args) => ({ ok: true, channel: args.channel, ts: args.ts }),

    'views.open': (args, { token }) => ({ ok: true, view: viewObject(args, slackId('V'), teamOf(fake, token)) }),
    'views.push': (args, { token }) => ({ ok: true, view: viewObject(args, slackId('V'), teamOf(fake, token)) }),
    'views.update': (args, { token }) => ({
      ok: true,
      view: viewObject(args, str(args.view_id) ?? slackId('V'), teamOf(fake, token)),
    }),
    'views.publish': (args, { token }) => ({
      ok: true,
      view: { ...viewObject(args, slackId('V'), teamOf(fake, token)), type: 'home' },
    }),

    'users.info': (args, { token }) => {
      const id = str(args.user) ?? '';
      const user = fake.users.get(id);
      if (!user) return { ok: false, error: 'user_not_found' };
      return { ok: true, user: userObject(id, user, teamOf(fake, token)) };
    },

    'conversations.open': (args) => {
      const users = (str(args.users) ?? '').split(',').filter(Boolean);
      const [first] = users;
      if (!first && !args.channel) return { ok: false, error: 'users_list_not_supplied' };
      return { ok: true, channel: { id: first ? `D${first}` : args.channel } };
    },

    'conversations.info': (args) => {
      const id = str(args.channel) ?? '';
      if (!id) return { ok: false, error: 'channel_not_found' };
      if (id.startsWith('D')) return { ok: true, channel: { id, is_im: true, user: id.slice(1) } };
      const seeded = fake.channels.get(id);
      // Unseeded channels still answer, named after their id, so tests need not seed every channel.
      return {
        ok: true,
        channel: {
          id,
          name: seeded?.name ?? id.toLowerCase(),
          is_channel: !seeded?.isPrivate,
          is_private: seeded?.isPrivate ?? false,
          is_im: false,
        },
      };
    },

    'files.getUploadURLExternal': (args) => {
      const filename = str(args.filename);
      const length = Number(args.length);
      if (!filename || !Number.isFinite(length)) return { ok: false, error: 'invalid_arguments' };
      const fileId = slackId('F');
      fake.uploads.set(fileId, { fileId, filename, length });
      return { ok: true, upload_url: `${fake.origin}/upload/${fileId}`, file_id: fileId };
    },

    // Files the app uploaded, by conversation: only the bot's own uploads exist here.
    'files.list': (args) => {
      const channel = str(args.channel);
      const files = [...fake.uploads.values()]
        .filter((u) => u.completed && (!channel || u.completed.channelId === channel))
        .map((u) => ({ id: u.fileId, name: u.filename, user: BOT_USER_ID, channels: u.completed?.channelId ? [u.completed.channelId] : [] }));
      return { ok: true, files, paging: { count: files.length, total: files.length, page: 1, pages: 1 } };
    },
    'files.delete': (args) => (fake.uploads.delete(str(args.file) ?? '') ? { ok: true } : { ok: false, error: 'file_not_found' }),
    'files.completeUploadExternal': (args) => {
      const files = Array.isArray(args.files) ? (args.files as Args[]) : [];
      if (files.length === 0) return { ok: false, error: 'invalid_arguments' };
      const answered: Answer[] = [];
      for (const file of files) {
        const upload = fake.uploads.get(str(file.id) ?? '');
        if (!upload?.bytes) return { ok: false, error: 'file_not_found' };
        upload.completed = {
          title: str(file.title),
          channelId: str(args.channel_id),
          threadTs: str(args.thread_ts),
          initialComment: str(args.initial_comment),
        };
        answered.push({
          id: upload.fileId,
          name: upload.filename,
          title: str(file.title) ?? upload.filename,
          size: upload.bytes.length,
          channels: upload.completed.channelId ? [upload.completed.channelId] : [],
        });
      }
      return { ok: true, files: answered };
    },

    'oauth.v2.access': (args) => oauthAnswer(state, args),

    'apps.connections.open': (_args, { token }) => {
      if (!token?.startsWith('xapp-')) return { ok: false, error: 'not_allowed_token_type' };
      // invalid_auth is one of the errors @slack/socket-mode gives up on at once; a
      // recoverable one would have it retry for minutes and the test would just time out.
      if (!fake.socketUrl) return { ok: false, error: 'invalid_auth', detail: 'fake Slack has no socketUrl' };
      return { ok: true, url: fake.socketUrl };
    },
  };
}
