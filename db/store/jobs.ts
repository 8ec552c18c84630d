import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import type { Job } from '../../src/domain/nudges/job';
import type { JobRepo } from '../../src/ports/store';
import type { Db, LogTruncation } from '../client';
import { jobs, sets } from '../schema';
import { planTouched } from './versions';
import { toJob } from './rows';


/** Only the claimant may settle a job: a worker whose lease expired loses it. */
const mine = (job: Job, owner: string) => and(eq(jobs.id, job.id), eq(jobs.status, 'claimed'), eq(jobs.claimedBy, owner));

/** Finished, and of no use since before `before`: what retention may delete (see src/app/retention.ts). */
const finishedBefore = (before: Date) => and(inArray(jobs.status, ['done', 'skipped', 'dead']), lt(jobs.runAt, before), or(isNull(jobs.staleAt), lt(jobs.staleAt, before)));

export function jobRepo(db: Db, truncation: LogTruncation): JobRepo {
  /**
   * Settles a claimed job into a state a re-plan acts on (pending, skipped). A re-plan
   * read while it was in flight left it alone, so the set's version moves on: that
   * plan re-reads rather than commit without it.
   */
  const handBack = (job: Job, owner: string, values: SQLiteUpdateSetSource<typeof jobs>) =>
    db.transaction(
      (tx) => {
        const done = tx.update(jobs).set({ ...values, leaseUntil: null }).where(mine(job, owner)).run();
        if (done.changes > 0) planTouched(tx, job.setId);
      },
      { behavior: 'immediate' },
    );

  return {
    async claim(owner, now, leaseMs, limit) {
      truncation.retry();
      // One UPDATE ... RETURNING: SQLite runs it under its write lock, so two processes
      // sharing the file can never both take a job. The due-ness test uses the indexes.
      const due = db
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          and(
            or(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)), and(eq(jobs.status, 'claimed'), lte(jobs.leaseUntil, now))),
            // Not while the set's re-plan is owed: the job may be about rows that have changed.
            sql`NOT EXISTS (SELECT 1 FROM ${sets} WHERE ${sets.id} = ${jobs.setId} AND ${sets.plannedVersion} <> ${sets.version})`,
          ),
        )
        .orderBy(asc(jobs.runAt))
        .limit(limit);
      return db
        .update(jobs)
        .set({ status: 'claimed', claimedBy: owner, leaseUntil: new Date(now.getTime() + leaseMs), attempts: sql`${jobs.attempts} + 1`, updatedAt: now })
        .where(inArray(jobs.id, due))
        .returning()
        .all()
        .map(toJob)
        .sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
    },

    async renew(job, owner, now, leaseMs) {
      return db.update(jobs).set({ leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now }).where(mine(job, owner)).run().changes === 1;
    },

    async complete(job, owner, ref, now) {
      db.update(jobs).set({ status: 'done', resultRef: ref ?? null, leaseUntil: null, lastError: null, updatedAt: now }).where(mine(job, owner)).run();
    },

    async sentMessage(dedupeKey) {
      const row = db
        .select({ ref: jobs.resultRef })
        .from(jobs)
        .where(and(eq(jobs.dedupeKey, dedupeKey), eq(jobs.status, 'done')))
        .get();
      return row?.ref ?? undefined;
    },

    async skip(job, owner, reason, now) {
      handBack(job, owner, { status: 'skipped', lastError: reason, updatedAt: now });
    },

    async reschedule(job, owner, runAt, error, now) {
      handBack(job, owner, {
        status: 'pending',
        runAt,
        lastError: error,
        // A wait for quiet hours to end is not a failed try.
        ...(error === null ? { attempts: sql`max(${jobs.attempts} - 1, 0)` } : {}),
        updatedAt: now,
      });
    },

    async bury(job, owner, error, now) {
      db.update(jobs).set({ status: 'dead', lastError: error, leaseUntil: null, updatedAt: now }).where(mine(job, owner)).run();
    },

    async prune(before, limit) {
      const old = db.select({ id: jobs.id }).from(jobs).where(finishedBefore(before)).limit(limit);
      return db.delete(jobs).where(inArray(jobs.id, old)).run().changes;
    },

    async nextDue() {
      const row = db
        .select({ at: sql<number>`min(CASE WHEN ${jobs.status} = 'pending' THEN ${jobs.runAt} ELSE ${jobs.leaseUntil} END)` })
        .from(jobs)
        .where(inArray(jobs.status, ['pending', 'claimed']))
        .get();
      return row?.at === null || row?.at === undefined ? undefined : new Date(row.at);
    },
  };
}
