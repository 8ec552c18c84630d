/**
 * Teams addresses as the core stores them. A conversation (a team's channel, a group
 * chat, a person's chat with the bot) is named by its id; a person by their Teams user
 * id. The tenant comes with both, for the tenant's limits and to reach a person the
 * bot has never talked to. How to actually reach either lives in the stored
 * conversation references (references.ts), not here.
 */
import { z } from 'zod';
import type { Address, PostedMessage } from '../../src/ports/chat';

const conversationRef = z.object({ tenant: z.string(), conversation: z.string().min(1) });
const userRef = z.object({ tenant: z.string(), user: z.string().min(1) });
const messageRef = z.object({ tenant: z.string(), conversation: z.string().min(1), activity: z.string().min(1) });

export type ConversationRef = z.infer<typeof conversationRef>;
export type UserRef = z.infer<typeof userRef>;
export type MessageRef = z.infer<typeof messageRef>;

/** A channel's id without the thread of the message that mentioned the bot: posts to it start their own threads. */
export const conversationIdOf = (id: string): string => id.split(';messageid=')[0]!;

export const channelAddress = (tenant: string, conversation: string): Address => ({ platform: 'teams', kind: 'channel', ref: { tenant, conversation: conversationIdOf(conversation) } });
export const userAddress = (tenant: string, user: string): Address => ({ platform: 'teams', kind: 'user', ref: { tenant, user } });

/** An address the core handed back, checked: a stored address that is not Teams' is refused, never guessed at. */
export function readAddress(to: Address): { kind: 'channel'; ref: ConversationRef } | { kind: 'user'; ref: UserRef } {
  if (to.platform !== 'teams') throw new Error(`not a Teams address: ${to.platform}`);
  return to.kind === 'channel' ? { kind: 'channel', ref: conversationRef.parse(to.ref) } : { kind: 'user', ref: userRef.parse(to.ref) };
}

export const tenantOf = (to: Address): string => (to.ref as { tenant?: unknown } | null)?.tenant?.toString() ?? '';

export const postedRef = (tenant: string, conversation: string, activity: string): MessageRef => ({ tenant, conversation, activity });
export const readPosted = (posted: PostedMessage): MessageRef => messageRef.parse(posted.ref);
