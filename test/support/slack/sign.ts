/**
 * Requests as Slack sends them to an app's Request URL: realistic payloads,
 * encoded the way Slack encodes each kind, signed with the signing secret.
 * Each builder returns a SlackBody whose `payload` is also what Socket Mode
 * carries in an envelope, so one builder serves both transports.
 */
import { createHmac, randomBytes } from 'node:crypto';

/**
 * Exactly this string: Bolt's HTTPReceiver compares the header with `===`, so
 * a '; charset=utf-8' suffix makes it parse a form body as JSON and answer 400.
 */
export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export type Payload = Record<string, unknown>;

export interface SlackBody {
  /** The raw body, as signed and sent. */
  readonly body: string;
  readonly contentType: typeof FORM | typeof JSON_TYPE;
  /** The decoded payload: what the app sees, and what a Socket Mode envelope carries. */
  readonly payload: Payload;
}

export interface SlackHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
  'content-type': string;
}

/** 'v0=' + hex HMAC-SHA256 of 'v0:<timestamp>:<body>', Slack's request signature. */
export function signature(body: string, secret: string, timestamp: number): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function signedRequest(
  body: string,
  secret: string,
  options: { timestamp?: number; contentType?: string } = {},
): SlackHeaders {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'x-slack-signature': signature(body, secret, timestamp),
    'x-slack-request-timestamp': String(timestamp),
    'content-type': options.contentType ?? JSON_TYPE,
  };
}

export interface PostOptions {
  secret: string;
  /** Seconds since the epoch; now unless given (use an old one to test replay protection). */
  timestamp?: number;
  /** Sets X-Slack-Retry-Num, as Slack does when it redelivers an event. */
  retryNum?: number;
  /** Sets X-Slack-Retry-Reason ('http_timeout', 'http_error', ...). */
  retryReason?: string;
  /** For string bodies; a SlackBody brings its own. */
  contentType?: string;
  /** Replaces the computed signature, to test forged requests. */
  signature?: string;
}

export interface PostResult {
  status: number;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON (Bolt's bare 200s are empty). */
  json: unknown;
  headers: Headers;
}

/** Signs and POSTs a body to an app's Request URL, as Slack would. */
export async function post(url: string, request: string | SlackBody, options: PostOptions): Promise<PostResult> {
  const body = typeof request === 'string' ? request : request.body;
  const contentType = typeof request === 'string' ? (options.contentType ?? JSON_TYPE) : request.contentType;
  const headers: Record<string, string> = {
    ...signedRequest(body, options.secret, { timestamp: options.timestamp, contentType }),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
  if (options.signature !== undefined) headers['x-slack-signature'] = options.signature;
  if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
  if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, headers: response.headers };
}

/** Who did it and where: the context every interaction carries. Defaults describe user U1 in #general of T1. */
export interface Context {
  userId?: string;
  userName?: string;
  teamId?: string;
  teamDomain?: string;
  channelId?: string;
  channelName?: string;
  apiAppId?: string;
  triggerId?: string;
  /** Point this at fakeSlack.responseUrl(id) so replies are recorded. */
  responseUrl?: string;
}

function withDefaults(c: Context) {
  const teamId = c.teamId ?? 'T1';
  return {
    userId: c.userId ?? 'U1',
    userName: c.userName ?? 'alice',
    teamId,
    teamDomain: c.teamDomain ?? teamId.toLowerCase(),
    channelId: c.channelId ?? 'C1',
    channelName: c.channelName ?? 'general',
    apiAppId: c.apiAppId ?? 'A1',
    triggerId: c.triggerId ?? newTriggerId(),
    responseUrl: c.responseUrl ?? `https://hooks.slack.com/commands/${teamId}/1/${randomBytes(12).toString('hex')}`,
  };
}

/** Same shape as Slack's: '<digits>.<digits>.<32 hex>'. */
export function newTriggerId(): string {
  return `${Date.now()}.${1000 + Math.floor(Math.random() * 9000)}.${randomBytes(16).toString('hex')}`;
}

/** Verification tokens are deprecated, but Slack still sends one; nothing should rely on it. */
const VERIFICATION_TOKEN = 'deprecated-verification-token';

function form(fields: Record<string, string>): SlackBody {
  return { body: new URLSearchParams(fields).toString(), contentType: FORM, payload: fields };
}

/** Interactions arrive form-encoded with the JSON in a single `payload` field. */
function interaction(payload: Payload): SlackBody {
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: FORM, payload };
}

function json(payload: Payload): SlackBody {
  return { body: JSON.stringify(payload), contentType: JSON_TYPE, payload };
}

export function slashCommand(fields: Context & { text?: string; command?: string } = {}): SlackBody {
  const c = withDefaults(fields);
  return form({
    token: VERIFICATION_TOKEN,
    team_id: c.teamId,
    team_domain: c.teamDomain,
    channel_id: c.channelId,
    channel_name: c.channelName,
    user_id: c.userId,
    user_name: c.userName,
    command: fields.command ?? '/setwise',
    text: fields.text ?? '',
    api_app_id: c.apiAppId,
    is_enterprise_install: 'false',
    response_url: c.responseUrl,
    trigger_id: c.triggerId,
  });
}

function who(c: ReturnType<typeof withDefaults>) {
  return {
    user: { id: c.userId, username: c.userName, name: c.userName, team_id: c.teamId },
    team: { id: c.teamId, domain: c.teamDomain },
    api_app_id: c.apiAppId,
    token: VERIFICATION_TOKEN,
    trigger_id: c.triggerId,
    enterprise: null,
    is_enterprise_install: false,
  };
}

export type StateValues = Record<string, Record<string, Payload>>;

export interface BlockActionFields extends Context {
  actionId: string;
  blockId?: string;
  value?: string;
  /** 'button' unless given; other element types need their own fields in `action`. */
  actionType?: string;
  /** Extra fields merged into the action (selected_option, selected_date...). */
  action?: Payload;
  messageTs?: string;
  messageText?: string;
  /** For actions inside a modal or the Home tab: the container is then the view, not a message. */
  view?: { id: string; type?: 'modal' | 'home'; callbackId?: string; privateMetadata?: string };
  values?: StateValues;
}

export function blockAction(fields: BlockActionFields): SlackBody {
  const c = withDefaults(fields);
  const messageTs = fields.messageTs ?? '1700000000.000100';
  const action = {
    type: fields.actionType ?? 'button',
    action_id: fields.actionId,
    block_id: fields.blockId ?? 'b1',
    ...(fields.value !== undefined ? { value: fields.value } : {}),
    ...(fields.actionType === undefined || fields.actionType === 'button'
      ? { text: { type: 'plain_text', text: fields.value ?? fields.actionId, emoji: true } }
      : {}),
    action_ts: `${Math.floor(Date.now() / 1000)}.${String(Date.now() % 1000).padStart(6, '0')}`,
    ...fields.action,
  };
  const state = { values: fields.values ?? {} };
  const where = fields.view
    ? {
        container: { type: 'view', view_id: fields.view.id },
        view: {
          id: fields.view.id,
          type: fields.view.type ?? 'modal',
          callback_id: fields.view.callbackId ?? '',
          private_metadata: fields.view.privateMetadata ?? '',
          state,
          app_id: c.apiAppId,
          team_id: c.teamId,
        },
      }
    : {
        container: { type: 'message', message_ts: messageTs, channel_id: c.channelId, is_ephemeral: false },
        channel: { id: c.channelId, name: c.channelName },
        message: { type: 'message', user: 'UBOT', bot_id: 'BBOT', ts: messageTs, text: fields.messageText ?? '' },
        state,
        response_url: c.responseUrl,
      };
  return interaction({ type: 'block_actions', ...who(c), ...where, actions: [action] });
}

export interface ViewSubmissionFields extends Context {
  callbackId: string;
  viewId?: string;
  privateMetadata?: string;
  /** state.values as Slack sends them: { [blockId]: { [actionId]: { type, value | selected_... } } }. */
  values?: StateValues;
  /** The view's blocks, as the app opened it (Slack sends them back). */
  blocks?: unknown[];
}

export function viewSubmission(fields: ViewSubmissionFields): SlackBody {
  const c = withDefaults(fields);
  const viewId = fields.viewId ?? 'V1';
  return interaction({
    type: 'view_submission',
    ...who(c),
    view: {
      id: viewId,
      team_id: c.teamId,
      type: 'modal',
      blocks: fields.blocks ?? [],
      private_metadata: fields.privateMetadata ?? '',
      callback_id: fields.callbackId,
      state: { values: fields.values ?? {} },
      hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
      title: { type: 'plain_text', text: 'Setwise', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: { type: 'plain_text', text: 'Save', emoji: true },
      previous_view_id: null,
      root_view_id: viewId,
      app_id: c.apiAppId,
      external_id: '',
      app_installed_team_id: c.teamId,
      bot_id: 'BBOT',
    },
    response_urls: [],
  });
}

export interface EventCallbackFields {
  event: Payload;
  /** Slack's dedupe key: a retried delivery repeats it. */
  eventId?: string;
  teamId?: string;
  apiAppId?: string;
  eventTime?: number;
}

export function eventCallback(fields: EventCallbackFields): SlackBody {
  const teamId = fields.teamId ?? 'T1';
  return json({
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    api_app_id: fields.apiAppId ?? 'A1',
    event: fields.event,
    type: 'event_callback',
    event_id: fields.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: fields.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id: teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  });
}

/** The whole event_callback for a user opening the app's Home tab. */
export function appHomeOpened(userId: string, fields: { teamId?: string; eventId?: string; tab?: 'home' | 'messages' } = {}): SlackBody {
  return eventCallback({
    teamId: fields.teamId,
    eventId: fields.eventId,
    event: {
      type: 'app_home_opened',
      user: userId,
      channel: `D${userId}`,
      tab: fields.tab ?? 'home',
      event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
    },
  });
}

/** Sent when the Request URL is saved; signed like any other request, and the app must echo the challenge. */
export function urlVerification(challenge: string): SlackBody {
  return json({ token: VERIFICATION_TOKEN, challenge, type: 'url_verification' });
}
