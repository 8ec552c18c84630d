import type { Address } from '../domain/address';
import type { Message } from '../messages/model';
import type { ChatPort, Limit, PostedMessage, SendLimits } from '../ports/chat';

/**
 * One limit as a generic cell rate algorithm (a token bucket that keeps time rather
 * than tokens): `next` is when the bucket would be back to one send's room. A send is
 * reserved in every bucket at the same moment, the latest any of them allows, so a
 * send held back by one limit is counted by the others when it really goes.
 */
class Bucket {
  private next: number;
  private readonly interval: number;
  private readonly tolerance: number;
  constructor(limit: Limit, now: number) {
    this.interval = 1000 / limit.rate;
    this.tolerance = (limit.burst - 1) * this.interval;
    this.next = now;
  }
  /** The earliest a send may go, from `now`. */
  earliest(now: number): number {
    return Math.max(now, this.next - this.tolerance);
  }
  /** Counts a send that goes `at`. */
  reserve(at: number): void {
    this.next = Math.max(this.next, at) + this.interval;
  }
  /** Full again (no send counted any more) at `now`: safe to forget. */
  idle(now: number): boolean {
    return now - this.next > 60_000;
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

  /** How long the next send to `to` must wait; reserves its place in every bucket. */
  private delay(to: Address): number {
    const { limits } = this;
    const now = this.time.now();
    // Buckets idle for a minute are full again: forget them, so memory follows activity.
    if (this.buckets.size > 10_000) for (const [key, b] of this.buckets) if (b.idle(now)) this.buckets.delete(key);
    const bucketsOf = (key: string, limit: Limit | readonly Limit[]): Bucket[] =>
      (Array.isArray(limit) ? limit : [limit as Limit]).map((one, i) => {
        let b = this.buckets.get(`${key}#${i}`);
        if (!b) this.buckets.set(`${key}#${i}`, (b = new Bucket(one, now)));
        return b;
      });
    const all = [...bucketsOf(`address:${JSON.stringify(to.ref)}`, limits.perAddress), ...bucketsOf(`scope:${limits.scopeOf(to)}`, limits.perScope)];
    const at = Math.max(...all.map((b) => b.earliest(now)));
    for (const b of all) b.reserve(at);
    return at - now;
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
