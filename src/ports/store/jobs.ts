/** The outbox, as the scheduler sees it: claim what is due, settle what was tried. */
import type { Job } from '../../domain/nudges/job';

/**
 * Jobs are written by plan commits (see ./plans.ts); the scheduler only claims and
 * settles them. Settling takes the claimant's name, so a worker whose lease ran out
 * cannot overwrite the work of the one that reclaimed it.
 */
export interface JobRepo {
  /** Atomic: takes up to `limit` jobs that are due, or whose claimant's lease has run out. */
  claim(owner: string, now: Date, leaseMs: number, limit: number): Promise<Job[]>;
  /**
   * Atomic: extends the claim to `now + leaseMs` if it is still this owner's (its lease
   * may have run out, as long as no one has claimed it since); false when another
   * worker holds it now.
   */
  renew(job: Job, owner: string, now: Date, leaseMs: number): Promise<boolean>;
  complete(job: Job, owner: string, ref: unknown, now: Date): Promise<void>;
  skip(job: Job, owner: string, reason: string, now: Date): Promise<void>;
  /** Back to pending at `runAt`; `error` set for a retry, null for a wait (quiet hours) that is not a try. */
  reschedule(job: Job, owner: string, runAt: Date, error: string | null, now: Date): Promise<void>;
  /** Dead-lettered after the last try. */
  bury(job: Job, owner: string, error: string, now: Date): Promise<void>;
  /** The message a sent nudge became (what `complete` recorded), to edit it later; undefined if not sent. */
  sentMessage(dedupeKey: string): Promise<unknown>;
  /**
   * Deletes up to `limit` finished jobs (done, skipped, dead) that were due, and stopped
   * being of use, before `before`; returns how many. A job still of use is never pruned,
   * so a re-plan cannot plan it again.
   */
  prune(before: Date, limit: number): Promise<number>;
  /** When the next pending job is due, if any. */
  nextDue(): Promise<Date | undefined>;
}
