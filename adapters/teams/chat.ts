/**
 * The outbound port on the Bot Framework connector: proactive posts to a set's
 * channel and to a person's chat with the bot, edits, all through the conversation
 * references kept in the database. A person the bot has never talked to gets a chat
 * opened for them through their tenant (createConversationAsync), which is kept too.
 */
import type { CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import { Undeliverable, type Address, type ChatPort, type Message, type PostedMessage } from '../../src/ports/chat';
import type { Logger } from '../../src/ports/logger';
import { postedRef, readAddress, readPosted } from './address';
import { connectorCall } from './connector';
import type { Reference, References } from './references';
import { renderActivity } from './render';

/** What the adapter shares between receiving and sending. */
export interface TeamsLink {
  readonly adapter: CloudAdapter;
  /** The bot's app id; empty when running without authentication. */
  readonly appId: string;
  readonly references: References;
  readonly log: Logger;
}

/** Nothing is known yet that reaches this conversation: a permanent failure the facilitator hears about. */
export class Unreachable extends Undeliverable {
  constructor(what: string) {
    super(`Setwise has no way to reach ${what} in Teams yet: it must be installed there (or the person must be in a team that has it)`);
    this.name = 'Unreachable';
  }
}

type Activity = Parameters<TurnContext['sendActivity']>[0];

/** Runs `logic` in a turn on the conversation `reference` names. */
export async function inConversation(link: TeamsLink, reference: Reference, logic: (context: TurnContext) => Promise<void>): Promise<void> {
  await connectorCall(() => link.adapter.continueConversationAsync(link.appId, reference as Partial<ConversationReference>, logic));
}

export async function sendTo(link: TeamsLink, reference: Reference, activity: Activity): Promise<string> {
  let id = '';
  await inConversation(link, reference, async (context) => {
    id = (await context.sendActivity(activity))?.id ?? '';
  });
  return id;
}

/** The person's chat with the bot: the one kept, or a new one opened through their tenant. */
export async function personalChat(link: TeamsLink, tenant: string, user: string): Promise<Reference> {
  const known = await link.references.personal(tenant, user);
  if (known) return known;
  const via = await link.references.tenant(tenant);
  if (!via) throw new Unreachable('this person');
  const parameters = { isGroup: false, bot: via.bot, members: [{ id: user }], tenantId: tenant, channelData: { tenant: { id: tenant } } } as unknown as ConversationParameters;
  let opened: Reference | undefined;
  await connectorCall(() =>
    // No audience: the connector uses the cloud's own, as for every other call.
    link.adapter.createConversationAsync(link.appId, via.channelId, via.serviceUrl, undefined as unknown as string, parameters, async (context) => {
      const id = context.activity.conversation?.id;
      if (id) opened = { channelId: via.channelId, serviceUrl: via.serviceUrl, conversation: { id, conversationType: 'personal', tenantId: tenant }, bot: via.bot };
    }),
  );
  if (!opened) throw new Error('Teams opened a chat but gave no conversation id');
  await link.references.rememberPersonal(tenant, user, opened);
  return opened;
}

/** Where an address leads now: a channel's stored reference, or the person's chat. */
export async function referenceFor(link: TeamsLink, to: Address): Promise<{ tenant: string; reference: Reference }> {
  const target = readAddress(to);
  if (target.kind === 'user') return { tenant: target.ref.tenant, reference: await personalChat(link, target.ref.tenant, target.ref.user) };
  const reference = await link.references.conversation(target.ref.tenant, target.ref.conversation);
  if (!reference) throw new Unreachable('this conversation');
  return { tenant: target.ref.tenant, reference };
}

export class TeamsChat implements ChatPort {
  constructor(private readonly link: TeamsLink) {}

  async post(to: Address, message: Message): Promise<PostedMessage> {
    const { tenant, reference } = await referenceFor(this.link, to);
    const id = await sendTo(this.link, reference, renderActivity(message));
    // A file rides on replies only (see deliver.ts); a nudge never carries one.
    if (message.files?.length) this.link.log.warn({ files: message.files.map((f) => f.name) }, 'a proactive message carried a file; Teams gets files only on a reply');
    return { address: to, ref: postedRef(tenant, reference.conversation.id, id) };
  }

  async update(posted: PostedMessage, message: Message): Promise<void> {
    const { tenant, conversation, activity } = readPosted(posted);
    const reference = await this.link.references.conversation(tenant, conversation);
    if (!reference) throw new Unreachable('this conversation');
    await inConversation(this.link, reference, async (context) => {
      await context.updateActivity({ ...renderActivity(message), id: activity });
    });
  }
}
