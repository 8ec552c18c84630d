import type { Address } from '../domain/address';
import type { Message } from '../messages/model';
import type { ChatPort, Limit, PostedMessage, SendLimits } from '../ports/chat';

class Bucket {
  private tokens: number;
  /** When the bucket was last drawn on. */
  last: number;
  constructor(
    private readonly limit: Limit,
    now: number,
  ) {
    this.tokens = limit.burst;
    this.last = now;
  }
  /** Milliseconds to wait before a token is free; takes it. */
  take(now: number): number {
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.rate);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens / this.limit.rate) * 1000;
  }
}

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realTime: PacerClock = { now: () => performance.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/**
 * A ChatPort that paces sends per address and per scope within the limits its
 * adapter declares, so a fan-out never trips them.
 */
export class PacedChat implements ChatPort {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly inner: ChatPort,
    private readonly limits: SendLimits,
    private readonly time: PacerClock = realTime,
  ) {}

  /** How long the next send to `to` must wait; reserves its place in both buckets. */
  private delay(to: Address): number {
    const { limits } = this;
    const now = this.time.now();
    // Buckets idle for a minute are full again: forget them, so memory follows activity.
    if (this.buckets.size > 10_000) for (const [key, b] of this.buckets) if (now - b.last > 60_000) this.buckets.delete(key);
    const bucket = (key: string, limit: Limit) => {
      let b = this.buckets.get(key);
      if (!b) this.buckets.set(key, (b = new Bucket(limit, now)));
      return b;
    };
    return Math.max(bucket(`address:${JSON.stringify(to.ref)}`, limits.perAddress).take(now), bucket(`scope:${limits.scopeOf(to)}`, limits.perScope).take(now));
  }

  async post(to: Address, message: Message): Promise<PostedMessage> {
    const wait = this.delay(to);
    if (wait > 0) await this.time.sleep(wait);
    return this.inner.post(to, message);
  }

  async update(posted: PostedMessage, message: Message): Promise<void> {
    const wait = this.delay(posted.address);
    if (wait > 0) await this.time.sleep(wait);
    return this.inner.update(posted, message);
  }
}
