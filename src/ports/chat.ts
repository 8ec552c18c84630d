import type { Address } from '../domain/address';
import type { Message } from '../messages/model';

export type { Address, Platform } from '../domain/address';
// What adapters render: the neutral message model, reached through the port.
export { bytesOf } from '../messages/model';
export type { Attachment, Block, Button, Confirm, Field, Form, FormField, FormFieldKind, Message, Tone } from '../messages/model';
/** People named in the bot's copy: each renderer draws them as its platform's mention. */
export { namedIn, withMentions, withPlainNames, type Named } from '../messages/format';
/** Text from people made safe to show: adapters apply it to whatever they print or post as-is. */
export { cleanText as displaySafe } from '../domain/text';

/** A message the platform accepted; `ref` is the adapter's handle to edit it later. */
export interface PostedMessage {
  readonly address: Address;
  readonly ref: unknown;
}

/**
 * Outbound port every adapter implements. Forms are not opened from here: a form
 * rides on the reply to the interaction that asked for it, because Slack can only
 * open a modal with that interaction's trigger.
 */
export interface ChatPort {
  post(to: Address, message: Message): Promise<PostedMessage>;
  update(posted: PostedMessage, message: Message): Promise<void>;
}


/** A token bucket: `rate` sends a second on average, `burst` at once. */
export interface Limit {
  readonly rate: number;
  readonly burst: number;
}

/**
 * How fast a platform lets a bot post, as its adapter declares it: per address (a
 * channel, a person) and per scope (a Slack workspace, a Teams tenant), which
 * `scopeOf` reads from an address. A platform with several windows ("8 in 2 s and 60
 * in 30 s") declares one bucket for each: a send waits until every one has room. The
 * scheduler's pacer applies them; the core never names a platform.
 */
export interface SendLimits {
  readonly perAddress: Limit | readonly Limit[];
  readonly perScope: Limit | readonly Limit[];
  scopeOf(to: Address): string;
}

/**
 * Thrown by an adapter when the platform has refused for good: the person or the
 * conversation is gone, the app was removed or never reached them. Trying again
 * cannot help, so the outbox does not: the nudge is dead-lettered at once and the
 * set's facilitators are told. Everything else an adapter throws is taken as passing.
 */
export class Undeliverable extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'Undeliverable';
  }
}

/** Thrown by an adapter when the platform says "slow down"; the scheduler waits at least that long. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited; retry after ${retryAfterSeconds}s`);
    this.name = 'RateLimited';
  }
}
