/**
 * Slack's side of an Address: the core stores these and hands them back, and only
 * this adapter reads them. Every ref names its team, so a message goes out with that
 * workspace's token when Setwise is installed in several.
 */
import { z } from 'zod';
import type { Address, PostedMessage } from '../../src/ports/chat';

const Id = z.string().regex(/^[A-Z0-9]{1,40}$/, 'not a Slack id');

const ChannelRef = z.object({ team: Id, channel: Id });
const UserRef = z.object({ team: Id, user: Id });
const MessageRef = z.object({ team: Id, channel: Id, ts: z.string().regex(/^\d+\.\d+$/) });

export type SlackMessageRef = z.infer<typeof MessageRef>;

/** `value` if it is shaped as a Slack id (a team's, a channel's, a person's), else undefined: for reading payloads at the door. */
export const slackId = (value: unknown): string | undefined => (Id.safeParse(value).success ? (value as string) : undefined);

/** `value` if it is shaped as a message's ts, else undefined. */
export const slackTs = (value: unknown): string | undefined => (MessageRef.shape.ts.safeParse(value).success ? (value as string) : undefined);

export const channelAddress = (team: string, channel: string): Address => ({ platform: 'slack', kind: 'channel', ref: { team, channel } });
export const userAddress = (team: string, user: string): Address => ({ platform: 'slack', kind: 'user', ref: { team, user } });

/** Where a message to this address goes: a channel id, or the user id (Slack posts it in the app's DM with them). */
export function target(to: Address): { team: string; channel: string } {
  if (to.platform !== 'slack') throw new Error(`not a Slack address: ${to.platform}`);
  if (to.kind === 'channel') return ChannelRef.parse(to.ref);
  const { team, user } = UserRef.parse(to.ref);
  return { team, channel: user };
}

export const teamOf = (to: Address): string => target(to).team;

export const messageRef = (team: string, channel: string, ts: string): SlackMessageRef => ({ team, channel, ts });

/** The channel and ts of a message Setwise posted, to update it. */
export const readMessageRef = (posted: PostedMessage): SlackMessageRef => MessageRef.parse(posted.ref);
