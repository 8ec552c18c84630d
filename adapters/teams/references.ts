/**
 * Conversation references: how to reach a conversation proactively (its service URL,
 * its id, the bot's id there). Teams hands one over with every activity; Setwise keeps
 * them in the database (the Store's installations, platform "teams"), so a nudge
 * still goes out after a restart, and from any instance. Kept per conversation, per
 * person (their chat with the bot) and per tenant (how to open a chat with someone who
 * has never written to the bot).
 */
import { z } from 'zod';
import type { Store } from '../../src/ports/store';
import type { Clock } from '../../src/ports/clock';
import { conversationIdOf } from './address';

const stored = z.object({
  channelId: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.object({ id: z.string().min(1), conversationType: z.string().optional(), tenantId: z.string().optional(), isGroup: z.boolean().optional() }),
  bot: z.object({ id: z.string().min(1), name: z.string().optional() }),
});

/** What Setwise keeps of a conversation reference: no person's name, no message. */
export type Reference = z.infer<typeof stored>;

/** The parts of an activity a reference is made from (botbuilder's Activity has them all). */
export interface ActivityLike {
  readonly channelId?: string;
  readonly serviceUrl?: string;
  readonly conversation?: { readonly id?: string; readonly conversationType?: string; readonly tenantId?: string; readonly isGroup?: boolean };
  readonly recipient?: { readonly id?: string; readonly name?: string };
}

const keys = {
  conversation: (tenant: string, conversation: string) => `conversation:${JSON.stringify([tenant, conversation])}`,
  personal: (tenant: string, user: string) => `personal:${JSON.stringify([tenant, user])}`,
  tenant: (tenant: string) => `tenant:${JSON.stringify([tenant])}`,
};

/** The reference to the activity's conversation (a channel's, not its thread's), or undefined when the activity lacks one. */
export function referenceOf(activity: ActivityLike): Reference | undefined {
  const c = activity.conversation;
  const parsed = stored.safeParse({
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    conversation: c?.id
      ? {
          id: conversationIdOf(c.id),
          ...(c.conversationType ? { conversationType: c.conversationType } : {}),
          ...(c.tenantId ? { tenantId: c.tenantId } : {}),
          ...(c.isGroup !== undefined ? { isGroup: c.isGroup } : {}),
        }
      : undefined,
    bot: activity.recipient?.id ? { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) } : undefined,
  });
  return parsed.success ? parsed.data : undefined;
}

/** How long a reference this process wrote is trusted to be the stored one (see `written`). */
const REWRITE_AFTER_MS = 5 * 60_000;

export class References {
  /**
   * What this process last wrote for each key, and when: an unchanged reference is not
   * written again on every message. Only for a few minutes, because another instance
   * on the same database may have written a different one since (a service URL that
   * changed and changed back); after that the next activity writes it again.
   */
  private readonly written = new Map<string, { readonly json: string; readonly at: number }>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  private async save(key: string, reference: Reference): Promise<void> {
    const json = JSON.stringify(reference);
    const now = this.clock.now().getTime();
    const last = this.written.get(key);
    if (last?.json === json && now - last.at < REWRITE_AFTER_MS) return;
    await this.store.installations.save('teams', key, reference, this.clock.now());
    if (this.written.size > 50_000) this.written.clear();
    this.written.set(key, { json, at: now });
  }

  private async find(key: string): Promise<Reference | undefined> {
    const parsed = stored.safeParse(await this.store.installations.find('teams', key));
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * Keeps the reference of the conversation an activity came from; of a personal chat,
   * also as that person's; and as the tenant's way in for opening chats.
   */
  async remember(tenant: string, activity: ActivityLike, person?: string): Promise<Reference | undefined> {
    const reference = referenceOf(activity);
    if (!reference) return undefined;
    await this.save(keys.conversation(tenant, reference.conversation.id), reference);
    if (person && reference.conversation.conversationType === 'personal') await this.save(keys.personal(tenant, person), reference);
    await this.save(keys.tenant(tenant), reference);
    return reference;
  }

  /** Keeps a personal chat Setwise has just opened. */
  async rememberPersonal(tenant: string, person: string, reference: Reference): Promise<void> {
    await this.save(keys.conversation(tenant, reference.conversation.id), reference);
    await this.save(keys.personal(tenant, person), reference);
  }

  conversation = (tenant: string, conversation: string) => this.find(keys.conversation(tenant, conversationIdOf(conversation)));
  personal = (tenant: string, person: string) => this.find(keys.personal(tenant, person));
  tenant = (tenant: string) => this.find(keys.tenant(tenant));

  /** The app was removed from a conversation: Setwise forgets how to post there. */
  async forget(tenant: string, conversation: string, person?: string): Promise<void> {
    const gone = [keys.conversation(tenant, conversationIdOf(conversation)), ...(person ? [keys.personal(tenant, person)] : [])];
    for (const key of gone) {
      this.written.delete(key);
      await this.store.installations.remove('teams', key);
    }
  }
}
