/**
 * Slack payloads into the core's Incoming. Slack escapes `&`, `<` and `>` in what
 * people type and marks up mentions, channels and links with angle brackets: a user
 * mention becomes the core's Mention (token `@U123`), the rest plain text.
 */
import type { Identity, Incoming, Mention, Payload, Where } from '../../src/ports/inbound';
import type { PostedMessage } from '../../src/ports/chat';
import { channelAddress, userAddress } from './address';

/** `<@U123>` or `<@U123|name>`: a user mention, as slash commands send them with escaping on. */
const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g;
/** Any other markup: `<#C1|name>`, `<!here>`, `<https://x|label>`. */
const MARKUP = /<([^<>|]*)(?:\|([^<>]*))?>/g;

const unescape = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Who a command mentions, and its text with each mention as `@U123` for the grammar. */
export function readMentions(raw: string): { text: string; mentioned: { userId: string; hint?: string }[] } {
  const mentioned: { userId: string; hint?: string }[] = [];
  const text = raw
    .replace(USER_MENTION, (_, userId: string, hint?: string) => {
      if (!mentioned.some((m) => m.userId === userId)) mentioned.push({ userId, ...(hint ? { hint } : {}) });
      return `@${userId}`;
    })
    .replace(MARKUP, (_, target: string, label?: string) => {
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!')) return `@${target.slice(1).split('^')[0]}`;
      return label ?? target;
    });
  return { text: unescape(text), mentioned };
}

/**
 * A payload's field as Slack sends it, a string; undefined when it is missing or is not
 * one. Slack's own payloads always fit; a signed body that does not (a form field sent
 * twice reads as a list) must not reach the core, where it would fail as Setwise's fault.
 */
export const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A field Slack always fills in (a trigger's id, an event's): a string that is not empty. */
export const filled = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The person's own conversation with the app. */
export const dmWhere = (team: string, user: string): Where => ({ kind: 'dm', id: `dm:${user}`, label: 'your messages with Setwise', address: userAddress(team, user) });

/** The conversation a payload came from: a channel, or the person's DM with the app. */
export function whereOf(team: string, channelId: string | undefined, channelName: string | undefined, user: string): Where {
  // Any direct or group message counts as the person's own: it may be a chat with
  // people outside the set, so nothing is ever posted there for all to see.
  if (!channelId || channelId.startsWith('D') || channelName === 'directmessage' || channelName?.startsWith('mpdm-')) {
    return dmWhere(team, user);
  }
  return { kind: 'channel', id: channelId, label: channelName && channelName !== 'privategroup' ? `#${channelName}` : 'this channel', address: channelAddress(team, channelId) };
}

export interface IncomingParts {
  readonly team: string;
  readonly eventId: string | undefined;
  readonly actor: Identity;
  readonly where: Where;
  readonly payload: Payload;
  readonly source?: PostedMessage;
}

export const incoming = (parts: IncomingParts): Incoming => ({
  platform: 'slack',
  workspaceId: parts.team,
  ...(parts.eventId ? { eventId: parts.eventId } : {}),
  actor: parts.actor,
  where: parts.where,
  payload: parts.payload,
  ...(parts.source ? { source: parts.source } : {}),
});

export const commandPayload = (text: string, mentions: readonly Mention[]): Payload => ({ type: 'command', text, mentions });
