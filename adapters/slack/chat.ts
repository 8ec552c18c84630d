/**
 * The outbound port on Slack's Web API: nudges to a channel or to a person (Slack
 * posts a message to a user id in the app's DM with them), edits, and files.
 */
import type { WebClient } from '@slack/web-api';
import { bytesOf, RateLimited, Undeliverable, type Address, type Attachment, type ChatPort, type Message, type PostedMessage } from '../../src/ports/chat';
import { messageRef, readMessageRef, target } from './address';
import { plainFallback, renderBlocks } from './render';

/** A Web API client for a workspace: one bot token, or the workspace's installation. */
export type ClientFor = (team: string) => Promise<WebClient>;

interface SlackError {
  readonly code?: string;
  readonly retryAfter?: number;
  readonly data?: { readonly error?: string };
}

/**
 * Runs a Web API call; Slack's "slow down" becomes the core's RateLimited, so the
 * outbox waits and retries rather than the client holding the queue.
 */
export async function slackCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const e = error as SlackError;
    if (e.code === 'slack_webapi_rate_limited_error') throw new RateLimited(e.retryAfter ?? 1);
    const code = e.data?.error;
    if (code !== undefined && REFUSED_FOR_GOOD.has(code)) throw new Undeliverable(`Slack refused it: ${code}`, { cause: error });
    throw error;
  }
}

/**
 * Slack's errors that no retry can mend: the person or channel is gone or closed to
 * the app, or the app's token is no longer good. Anything else (an HTTP 5xx, a dropped
 * connection, `internal_error`, `fatal_error`, `service_unavailable`) is tried again.
 */
const REFUSED_FOR_GOOD = new Set([
  'channel_not_found', 'user_not_found', 'users_not_found', 'is_archived', 'account_inactive', 'user_disabled', 'cannot_dm_bot',
  'not_in_channel', 'restricted_action', 'ekm_access_denied', 'team_access_not_granted', 'access_denied',
  'invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'no_permission', 'missing_scope', 'invalid_blocks', 'msg_too_long',
]);

const platformError = (error: unknown): string | undefined => (error as SlackError).data?.error;

/**
 * Posts to a channel the bot may not be in yet: a public channel it was never added
 * to is joined once and the post tried again.
 */
export async function inChannel<T>(client: WebClient, channel: string, send: () => Promise<T>): Promise<T> {
  try {
    return await slackCall(send);
  } catch (error) {
    if (platformError(error) !== 'not_in_channel') throw error;
    await slackCall(() => client.conversations.join({ channel }));
    return slackCall(send);
  }
}

/** Uploads a file privately to one conversation (a person's DM with the app). */
export async function upload(client: WebClient, channel: string, file: Attachment, comment?: string): Promise<void> {
  await slackCall(() =>
    client.files.uploadV2({ channel_id: channel, file: Buffer.from(bytesOf(file)), filename: file.name, title: file.name, ...(comment ? { initial_comment: comment } : {}) }),
  );
}

export class SlackChat implements ChatPort {
  constructor(private readonly clientFor: ClientFor) {}

  async post(to: Address, message: Message): Promise<PostedMessage> {
    const { team, channel } = target(to);
    const client = await this.clientFor(team);
    const send = () => client.chat.postMessage({ channel, text: plainFallback(message), blocks: renderBlocks(message) });
    // A person's DM needs no joining; a channel may.
    const sent = to.kind === 'channel' ? await inChannel(client, channel, send) : await slackCall(send);
    const where = sent.channel ?? channel;
    for (const file of message.files ?? []) await upload(client, where, file);
    return { address: to, ref: messageRef(team, where, sent.ts ?? '') };
  }

  async update(posted: PostedMessage, message: Message): Promise<void> {
    const { team, channel, ts } = readMessageRef(posted);
    const client = await this.clientFor(team);
    await slackCall(() => client.chat.update({ channel, ts, text: plainFallback(message), blocks: renderBlocks(message) }));
  }
}
