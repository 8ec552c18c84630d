/**
 * Teams activities into the core's Incoming. A command is the message text with the
 * bot's own mention taken out; every other `<at>Name</at>` with a mention entity
 * becomes the core's Mention (token `@Name`, the Teams id behind it). A person's zone
 * is the one their Teams client reports.
 */
import type { Identity, Incoming, Mention, Payload, Where } from '../../src/ports/inbound';
import { channelAddress, conversationIdOf, userAddress } from './address';

/** The parts of a Teams activity Setwise reads; botbuilder's Activity has them all. */
export interface TeamsActivity {
  readonly id?: string;
  readonly type?: string;
  readonly name?: string;
  readonly text?: string;
  readonly value?: unknown;
  readonly action?: string;
  readonly replyToId?: string;
  readonly localTimezone?: string;
  readonly channelId?: string;
  readonly serviceUrl?: string;
  readonly from?: { readonly id?: string; readonly name?: string; readonly aadObjectId?: string };
  readonly recipient?: { readonly id?: string; readonly name?: string };
  readonly conversation?: { readonly id?: string; readonly conversationType?: string; readonly tenantId?: string; readonly name?: string; readonly isGroup?: boolean };
  readonly channelData?: unknown;
  readonly entities?: readonly { readonly type?: string; readonly [key: string]: unknown }[];
  readonly membersAdded?: readonly { readonly id?: string; readonly name?: string }[];
  readonly membersRemoved?: readonly { readonly id?: string; readonly name?: string }[];
}

interface ChannelData {
  readonly tenant?: { readonly id?: string };
  readonly channel?: { readonly id?: string; readonly name?: string };
  readonly team?: { readonly id?: string; readonly name?: string };
  readonly eventType?: string;
}

const channelDataOf = (activity: TeamsActivity): ChannelData => (activity.channelData && typeof activity.channelData === 'object' ? (activity.channelData as ChannelData) : {});

/** The tenant is the workspace: Teams puts it on the conversation or in the channel data. */
export const tenantOf = (activity: TeamsActivity): string => activity.conversation?.tenantId ?? channelDataOf(activity).tenant?.id ?? 'no-tenant';

/** The team a channel activity came from, for reading its roster. */
export const teamOf = (activity: TeamsActivity): string | undefined => channelDataOf(activity).team?.id;

/** The zone the person's Teams client reports: on the activity, or in its clientInfo entity. */
function zoneOf(activity: TeamsActivity): string | undefined {
  if (activity.localTimezone) return activity.localTimezone;
  const info = activity.entities?.find((e) => e.type === 'clientInfo');
  return typeof info?.timezone === 'string' ? info.timezone : undefined;
}

export const identityOf = (tenant: string, who: { readonly id?: string; readonly name?: string }, zone?: string): Identity => ({
  userId: who.id ?? '',
  displayName: who.name ?? '',
  dm: userAddress(tenant, who.id ?? ''),
  ...(zone ? { timeZone: zone } : {}),
});

export const actorOf = (activity: TeamsActivity): Identity => identityOf(tenantOf(activity), activity.from ?? {}, zoneOf(activity));

/** A personal chat is the person's own; a channel or a group chat can be a set's home. */
export function whereOf(activity: TeamsActivity): Where {
  const tenant = tenantOf(activity);
  const conversation = activity.conversation ?? {};
  if (conversation.conversationType === 'personal' || !conversation.id) {
    const user = activity.from?.id ?? '';
    return { kind: 'dm', id: `personal:${user}`, label: 'your chat with Setwise', address: userAddress(tenant, user) };
  }
  const id = conversationIdOf(conversation.id);
  const data = channelDataOf(activity);
  const name = data.channel?.name ?? conversation.name;
  const label = name ? (conversation.conversationType === 'channel' ? `#${name}` : name) : conversation.conversationType === 'groupChat' ? 'this chat' : 'this channel';
  return { kind: 'channel', id, label, address: channelAddress(tenant, id) };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': ' ' };
/** Teams sends some characters of what people type as HTML entities. */
const decode = (text: string): string => text.replace(/&(?:amp|lt|gt|quot|#39|apos|nbsp);/g, (e) => ENTITIES[e] ?? e);

interface MentionEntity {
  readonly text: string;
  readonly mentioned: { readonly id: string; readonly name?: string };
}

/** A mention entity in the shape Teams sends, or undefined for anything else. */
function mentionOf(e: { readonly type?: string; readonly [key: string]: unknown }): MentionEntity | undefined {
  const mentioned = e.mentioned as { id?: unknown; name?: unknown } | undefined;
  if (e.type !== 'mention' || typeof e.text !== 'string' || e.text === '' || typeof mentioned?.id !== 'string') return undefined;
  return { text: e.text, mentioned: { id: mentioned.id, ...(typeof mentioned.name === 'string' ? { name: mentioned.name } : {}) } };
}

/** A name as one word of the grammar: `@Bob_Smith`. */
const tokenFor = (name: string): string => `@${name.trim().replace(/\s+/g, '_') || 'someone'}`;

/**
 * The command a message carries: the bot's mention removed, each person's mention
 * replaced by a token the grammar reads as one word. Two people with one name get
 * tokens of their own (`@Sam`, `@Sam_2`).
 */
export function readCommand(activity: TeamsActivity): { text: string; mentions: Mention[] } {
  const tenant = tenantOf(activity);
  const bot = activity.recipient?.id;
  let text = activity.text ?? '';
  const mentions: Mention[] = [];
  const tokenOf = new Map<string, string>();
  for (const entity of (activity.entities ?? []).flatMap((e) => mentionOf(e) ?? [])) {
    const { id } = entity.mentioned;
    if (id === bot) {
      text = text.split(entity.text).join(' ');
      continue;
    }
    const name = decode(entity.mentioned.name ?? entity.text.replace(/<\/?at>/g, ''));
    let token = tokenOf.get(id);
    if (!token) {
      token = tokenFor(name);
      for (let n = 2; mentions.some((m) => m.token.toLowerCase() === token!.toLowerCase()); n++) token = `${tokenFor(name)}_${n}`;
      tokenOf.set(id, token);
      // The mention's name is what the sender's client wrote: it may name someone new, never rename them.
      mentions.push({ token, identity: { ...identityOf(tenant, { id, name }), hearsay: true } });
    }
    text = text.split(entity.text).join(` ${token} `);
  }
  // Any other markup left (a mention without an entity, formatting) is read as its text.
  const plain = decode(text.replace(/<\/?[a-z][^<>]*>/gi, ' '));
  return { text: plain.replace(/[ \t\u00a0]+/g, ' ').trim(), mentions };
}

export interface IncomingParts {
  readonly activity: TeamsActivity;
  readonly payload: Payload;
  readonly actor?: Identity;
}

/** One activity as the core's Incoming; its event id is the conversation's and the activity's, since activity ids repeat across conversations. */
export function incoming({ activity, payload, actor }: IncomingParts): Incoming {
  const conversation = activity.conversation?.id;
  return {
    platform: 'teams',
    workspaceId: tenantOf(activity),
    ...(activity.id && conversation ? { eventId: JSON.stringify([conversation, activity.id]) } : {}),
    actor: actor ?? actorOf(activity),
    where: whereOf(activity),
    payload,
  };
}
