import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Job } from '../../../src/domain/nudges/job';
import type { JobRepo } from '../../../src/ports/store';
import { toJob } from '../../store/rows';
import type { PgDb } from '../client';
import { jobs, sets } from '../schema';
import { serially } from './tx';
import { planTouched } from './versions';

/** Only the claimant may settle a job: a worker whose lease expired loses it. */
const mine = (job: Job, owner: string) => and(eq(jobs.id, job.id), eq(jobs.status, 'claimed'), eq(jobs.claimedBy, owner));

/** The outbox on Postgres: as ../../store/jobs.ts, but any number of instances claim at once. */
/** As in ../../store/jobs.ts. */
const finishedBefore = (before: Date) => and(inArray(jobs.status, ['done', 'skipped', 'dead']), lt(jobs.runAt, before), or(isNull(jobs.staleAt), lt(jobs.staleAt, before)));

export function jobRepo(db: PgDb): JobRepo {
  /** Settles a claimed job into a state a re-plan acts on, moving the set's version on (see the SQLite twin). */
  const handBack = (job: Job, owner: string, values: PgUpdateSetSource<typeof jobs>) =>
    serially(db, async (tx) => {
      const done = await tx
        .update(jobs)
        .set({ ...values, leaseUntil: null })
        .where(mine(job, owner))
        .returning({ id: jobs.id });
      if (done.length > 0) await planTouched(tx, job.setId);
    });

  return {
    async claim(owner, now, leaseMs, limit) {
      // One statement: the due rows are locked as they are picked, and rows another
      // instance has locked are skipped, not waited on; the lease is written with the
      // claim. So instances ticking together each take different jobs, and a job is
      // only taken again once its claimant's lease has run out.
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
        .limit(limit)
        .for('update', { skipLocked: true });
      const claimed = await db
        .update(jobs)
        .set({ status: 'claimed', claimedBy: owner, leaseUntil: new Date(now.getTime() + leaseMs), attempts: sql`${jobs.attempts} + 1`, updatedAt: now })
        .where(inArray(jobs.id, due))
        .returning();
      return claimed.map(toJob).sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
    },

    async renew(job, owner, now, leaseMs) {
      const renewed = await db
        .update(jobs)
        .set({ leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now })
        .where(mine(job, owner))
        .returning({ id: jobs.id });
      return renewed.length === 1;
    },

    async complete(job, owner, ref, now) {
      await db
        .update(jobs)
        .set({ status: 'done', resultRef: ref ?? null, leaseUntil: null, lastError: null, updatedAt: now })
        .where(mine(job, owner));
    },

    async sentMessage(dedupeKey) {
      const [row] = await db
        .select({ ref: jobs.resultRef })
        .from(jobs)
        .where(and(eq(jobs.dedupeKey, dedupeKey), eq(jobs.status, 'done')))
        .limit(1);
      return row?.ref ?? undefined;
    },

    async skip(job, owner, reason, now) {
      await handBack(job, owner, { status: 'skipped', lastError: reason, updatedAt: now });
    },

    async reschedule(job, owner, runAt, error, now) {
      await handBack(job, owner, {
        status: 'pending',
        runAt,
        lastError: error,
        // A wait for quiet hours to end is not a failed try.
        ...(error === null ? { attempts: sql`greatest(${jobs.attempts} - 1, 0)` } : {}),
        updatedAt: now,
      });
    },

    async bury(job, owner, error, now) {
      await db.update(jobs).set({ status: 'dead', lastError: error, leaseUntil: null, updatedAt: now }).where(mine(job, owner));
    },

    async prune(before, limit) {
      const old = db.select({ id: jobs.id }).from(jobs).where(finishedBefore(before)).limit(limit);
      return (await db.delete(jobs).where(inArray(jobs.id, old)).returning({ id: jobs.id })).length;
    },

    async nextDue() {
      const [row] = await db
        .select({ at: sql<Date | string | null>`min(CASE WHEN ${jobs.status} = 'pending' THEN ${jobs.runAt} ELSE ${jobs.leaseUntil} END)` })
        .from(jobs)
        .where(inArray(jobs.status, ['pending', 'claimed']));
      return row?.at === null || row?.at === undefined ? undefined : new Date(row.at);
    },
  };
}
