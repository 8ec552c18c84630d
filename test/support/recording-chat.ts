import type { Address } from '../../src/domain/address';
import type { Message } from '../../src/messages/model';
import type { ChatPort, PostedMessage } from '../../src/ports/chat';
import { plain } from './plain';

export interface Recorded {
  readonly to: Address;
  /** As people read it: person tokens drawn as "@name". */
  readonly message: Message;
  /** As the core sent it, tokens and all. */
  readonly raw: Message;
  readonly ref: number;
  /** When it was sent, by the clock given to the recorder. */
  readonly at: Date;
}

/** A ChatPort that keeps everything sent, so tests assert on what people would see. */
export class RecordingChat implements ChatPort {
  readonly posts: Recorded[] = [];
  readonly updates: { readonly posted: PostedMessage; readonly message: Message; readonly raw: Message }[] = [];
  private updatesBegun = 0;
  /** Set to make sends fail, as a platform outage would; `failFor` limits it to some addresses. */
  failWith: Error | undefined;
  failFor: ((to: Address) => boolean) | undefined;
  /** Holds each edit back until the promise it returns settles, as a slow platform (or a pacer) would. */
  holdUpdate: ((index: number) => Promise<void>) | undefined;

  constructor(private readonly now: () => Date = () => new Date()) {}

  async post(to: Address, message: Message): Promise<PostedMessage> {
    if (this.failWith && (!this.failFor || this.failFor(to))) throw this.failWith;
    const ref = this.posts.length + 1;
    this.posts.push({ to, message: plain(message), raw: message, ref, at: this.now() });
    return { address: to, ref };
  }

  async update(posted: PostedMessage, message: Message): Promise<void> {
    if (this.failWith) throw this.failWith;
    if (this.holdUpdate) await this.holdUpdate(this.updatesBegun++);
    this.updates.push({ posted, message: plain(message), raw: message });
  }

  /** Messages sent to one address (compared as JSON, as only the adapter reads refs). */
  to(address: Address): Message[] {
    const key = JSON.stringify(address);
    return this.posts.filter((p) => JSON.stringify(p.to) === key).map((p) => p.message);
  }
}
