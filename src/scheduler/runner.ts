import { RateLimited, Undeliverable } from '../ports/chat';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Job } from '../domain/nudges/job';
import { StoreUnavailable, type JobRepo } from '../ports/store';
import { DEFAULT_RETRY, nextRetry, type RetryPolicy } from './backoff';

/** What delivering one job came to. A thrown error means "failed: try again later". */
export type Delivery =
  | { readonly type: 'sent'; readonly ref: unknown }
  | { readonly type: 'skip'; readonly reason: string }
  /** Not now (the recipient's quiet hours): back in the queue, not counted as a try. */
  | { readonly type: 'defer'; readonly until: Date };

export interface SchedulerOptions {
  readonly jobs: JobRepo;
  readonly clock: Clock;
  readonly log: Logger;
  /** Names this worker in the claims, so two instances never settle each other's jobs. */
  readonly owner: string;
  readonly deliver: (job: Job) => Promise<Delivery>;
  /** Runs before each tick claims anything: the core finishes re-plans a crash left owed, so no stale job is claimed. */
  readonly prepare?: () => Promise<unknown>;
  /**
   * Housekeeping once a tick has sent what was due (pruning what retention no longer
   * keeps): never before the sends, and a failure only waits for a later tick.
   */
  readonly tidy?: () => Promise<unknown>;
  /** Told when a job is dead-lettered (the set's facilitators hear of it). */
  readonly onDead?: (job: Job, error: string) => Promise<void>;
  readonly retry?: RetryPolicy;
  /** A claim is this worker's for this long; after it, a crashed worker's jobs are taken over. */
  readonly leaseMs?: number;
  readonly batch?: number;
  /** Sends in flight at once: also the most a crash can send twice. */
  readonly concurrency?: number;
}

export interface TickResult {
  claimed: number;
  sent: number;
  skipped: number;
  deferred: number;
  retried: number;
  /** Claimed, but left unsent because the claim ran out first (another instance may hold them now). */
  lapsed: number;
  dead: number;
}

/**
 * The durable job runner. A tick claims what is due, a batch at a time, and settles
 * each job as soon as it is sent, so a crash can only repeat the sends that were in
 * flight. A tick costs what is due, not what is planned.
 */
export class Scheduler {
  private running: Promise<TickResult> | undefined;

  constructor(private readonly o: SchedulerOptions) {}

  /** Runs one tick; a tick asked for while one runs joins it instead of overlapping. */
  tick(): Promise<TickResult> {
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  private async drain(): Promise<TickResult> {
    const total: TickResult = { claimed: 0, sent: 0, skipped: 0, deferred: 0, retried: 0, dead: 0, lapsed: 0 };
    const { jobs, clock, owner, log } = this.o;
    await this.o.prepare?.().catch((error: unknown) => log.error({ err: error }, 'could not prepare the tick'));
    const leaseMs = this.o.leaseMs ?? 120_000;
    for (;;) {
      const claimedAt = clock.now().getTime();
      const claimed = await jobs.claim(owner, new Date(claimedAt), leaseMs, this.o.batch ?? 200);
      if (claimed.length === 0) {
        await this.o.tidy?.().catch((error: unknown) => log.debug({ err: error }, 'housekeeping did not finish; a later tick tries again'));
        return total;
      }
      total.claimed += claimed.length;
      await pool(claimed, this.o.concurrency ?? 4, async (job) => {
        const outcome = (await this.stillMine(job, claimedAt, leaseMs)) ? await this.run(job) : 'lapsed';
        total[outcome] += 1;
      });
    }
  }

  /**
   * Whether the job may be sent now. A batch that outlasts half its lease (slow
   * platforms, pacing waits) renews each job's claim before sending it, so another
   * instance cannot reclaim a job while its send is under way; a job another instance
   * has already reclaimed is left to it (lapsed), never sent twice.
   */
  private async stillMine(job: Job, claimedAt: number, leaseMs: number): Promise<boolean> {
    const now = this.o.clock.now();
    if (now.getTime() - claimedAt < leaseMs / 2) return true;
    return this.o.jobs.renew(job, this.o.owner, now, leaseMs);
  }

  private async run(job: Job): Promise<'sent' | 'skipped' | 'deferred' | 'retried' | 'dead'> {
    const { jobs, clock, owner, log } = this.o;
    if (job.staleAt && job.staleAt.getTime() <= clock.now().getTime()) {
      await jobs.skip(job, owner, `stale: no use after ${job.staleAt.toISOString()}`, clock.now());
      return 'skipped';
    }
    try {
      const result = await this.o.deliver(job);
      if (result.type === 'sent') {
        await jobs.complete(job, owner, result.ref, clock.now());
        return 'sent';
      }
      if (result.type === 'skip') {
        await jobs.skip(job, owner, result.reason, clock.now());
        return 'skipped';
      }
      await jobs.reschedule(job, owner, result.until, null, clock.now());
      return 'deferred';
    } catch (error) {
      // The database, not the platform, failed: no try is used up and nothing is buried.
      // The tick stops; the job stays claimed until its lease ends, then is sent again.
      if (error instanceof StoreUnavailable) throw error;
      const message = error instanceof Error ? error.message : String(error);
      // A refusal for good is not tried again; anything else is taken as passing.
      const decision = error instanceof Undeliverable ? { retry: false as const } : nextRetry(job.attempts, error instanceof RateLimited ? error.retryAfterSeconds : undefined, this.o.retry ?? DEFAULT_RETRY);
      if (decision.retry) {
        log.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: message }, 'nudge failed; will retry');
        await jobs.reschedule(job, owner, new Date(clock.now().getTime() + decision.delayMs), message, clock.now());
        return 'retried';
      }
      log.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: message }, 'nudge dead-lettered');
      await jobs.bury(job, owner, message, clock.now());
      await this.o.onDead?.(job, message).catch((e: unknown) => log.error({ err: e }, 'could not report a dead-lettered nudge'));
      return 'dead';
    }
  }
}

/** Runs `work` over `items` with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
