import type { Address, Platform } from '../domain/address';
import type { Message } from '../messages/model';
import type { PostedMessage } from './chat';
/** A display name as the core stores it (one line, single-spaced, no invisible characters): for adapters comparing with what they stored. */
export { cleanName as storedName } from '../domain/text';

/** A person as their platform describes them, before the core has stored them. */
export interface Identity {
  readonly userId: string;
  readonly displayName: string;
  /** Where to reach them privately, when the platform can. */
  readonly dm?: Address;
  /** The IANA zone their platform reports (a Slack profile, a Teams client): theirs until they choose one. */
  readonly timeZone?: string;
  /**
   * The name is someone else's word for them (a Teams mention, which the sender's client
   * writes), not the platform's: it names a person Setwise has not met, and never renames
   * one it knows.
   */
  readonly hearsay?: boolean;
}

/** The conversation a request came from. `id` is stable and opaque, for lookups. */
export interface Where {
  readonly kind: 'channel' | 'dm';
  readonly id: string;
  /** How people name it, e.g. "#leaders". */
  readonly label: string;
  readonly address: Address;
}

/** A person named in a command; adapters turn platform mentions into these. */
export interface Mention {
  readonly token: string; // as it appears in the command text, e.g. "@bob"
  readonly identity: Identity;
}

/**
 * What a platform tells the bot about who can reach it, unasked: the app installed
 * (for a team, a chat or one person), people joining or leaving the conversation it
 * is in, the app removed. `people` are those the event is about, with their private
 * addresses where the platform gives them, so the core can reach someone who has
 * never written to the bot.
 */
export type Lifecycle = 'installed' | 'members-added' | 'members-removed' | 'uninstalled';

export type Payload =
  | { readonly type: 'command'; readonly text: string; readonly mentions: readonly Mention[] }
  | { readonly type: 'action'; readonly actionId: string; readonly value: string }
  | { readonly type: 'form'; readonly formId: string; readonly values: Readonly<Record<string, string>> }
  | { readonly type: 'lifecycle'; readonly event: Lifecycle; readonly people: readonly Identity[] };

/** One normalised inbound event: each adapter builds these and hands them to the core. */
export interface Incoming {
  readonly platform: Platform;
  readonly workspaceId: string;
  /** The platform's id for the event, so a redelivery is handled once. */
  readonly eventId?: string;
  readonly actor: Identity;
  readonly where: Where;
  readonly payload: Payload;
  /**
   * The message whose button was pressed (or whose form was opened), as the adapter
   * posted it: where a `replace` reply goes. Opaque to the core.
   */
  readonly source?: PostedMessage;
}

/**
 * What the core answers to the person who asked. `public` replies are for the
 * whole conversation (a change the set should see); `private` ones only for the
 * actor where the platform can (Slack's ephemeral messages).
 */
export interface Reply {
  readonly visibility: 'public' | 'private';
  readonly message: Message;
  /** The actor's personal data has just been erased: an adapter removes any personal file it kept for them. */
  readonly erased?: true;
  /**
   * A form's answers that need another look, by field id: nothing was saved, and the
   * adapter shows each message on its field (Slack's `response_action: errors`).
   */
  readonly fieldErrors?: Readonly<Record<string, string>>;
  /** This answer takes the place of the message whose button was pressed (`Incoming.source`). */
  readonly replace?: true;
  /** The event was handled before (a platform's retry): the adapter sends nothing. */
  readonly duplicate?: true;
  /** Nothing to say (most lifecycle events): the adapter sends nothing. */
  readonly silent?: true;
}

export interface Core {
  handle(incoming: Incoming): Promise<Reply>;
  /**
   * A person's own overview: their sets, the next meeting in their zone, who presents,
   * their challenge, open actions and answers, with buttons (Slack's App Home).
   */
  overview(platform: Platform, workspaceId: string, actor: Identity): Promise<Message>;
}
