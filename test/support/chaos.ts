/**
 * Faults a fake platform injects at a chosen rate, from a seed, so a run is the same
 * every time: "slow down" (429 with Retry-After), 500, 502 and 504 answered before the
 * request is acted on, a slow answer (acted on, answered late), and a dropped
 * connection (the socket closed before anything was acted on). Every call it sees is
 * logged with the moment on the test's clock, so a test can check that a retry came
 * no sooner than the Retry-After it was given.
 */
export type Fault = '429' | '500' | '502' | '504' | 'slow' | 'drop';

export const FAULTS: readonly Fault[] = ['429', '500', '502', '504', 'slow', 'drop'];

export interface ChaosOptions {
  /** Share of calls that get a fault, 0 to 1. */
  readonly rate: number;
  readonly seed: number;
  readonly retryAfterSeconds?: number;
  readonly slowMs?: number;
  /** The test's clock: when each call happened, as the scheduler sees time. */
  readonly now: () => Date;
}

export interface ChaosEntry {
  /** What the call was about, e.g. a channel and a text: the same key for every try of one message. */
  readonly key: string;
  readonly fault: Fault | undefined;
  readonly at: number;
}

/** mulberry32: a small, good-enough seeded generator (the crash tests' too). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Chaos {
  readonly log: ChaosEntry[] = [];
  private readonly next: () => number;

  constructor(readonly options: ChaosOptions) {
    this.next = seeded(options.seed);
  }

  get retryAfterSeconds(): number {
    return this.options.retryAfterSeconds ?? 30;
  }

  get slowMs(): number {
    return this.options.slowMs ?? 150;
  }

  /** The fault for this call, if any, logged under `key`. */
  pick(key: string): Fault | undefined {
    const fault = this.next() < this.options.rate ? FAULTS[Math.floor(this.next() * FAULTS.length)] : undefined;
    this.log.push({ key, fault, at: this.options.now().getTime() });
    return fault;
  }

  /** How many of each fault were injected. */
  counts(): Record<Fault, number> {
    const out = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
    for (const e of this.log) if (e.fault) out[e.fault] += 1;
    return out;
  }
}
