import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { sets } from '../schema';
import type { Tx } from './tx';

/**
 * A set's version counts writes to what its plan reads or holds. The core re-plans
 * from a snapshot and commits only against the version it read (see plans.ts), so a
 * write that does not bump it could be lost under a concurrent re-plan.
 */

/** What the plan reads changed: the plan is owed until the core commits a new one. */
export function planOwed(tx: Tx, setIds: readonly number[]): void {
  if (setIds.length === 0) return;
  tx.update(sets)
    .set({ version: sql`${sets.version} + 1` })
    .where(inArray(sets.id, [...setIds]))
    .run();
}

/** A write the plan agrees with already (a presenter told of their slot): a plan read before it must still not commit. */
export function planTouched(tx: Tx, setId: number | SQL): void {
  tx.update(sets)
    .set({
      version: sql`${sets.version} + 1`,
      plannedVersion: sql`CASE WHEN ${sets.plannedVersion} = ${sets.version} THEN ${sets.version} + 1 ELSE ${sets.plannedVersion} END`,
    })
    .where(eq(sets.id, setId))
    .run();
}

/**
 * Claims the next version for a write made from what was read at `version`: false,
 * and nothing written, if the set has moved on. A plan's commit records itself as
 * the current plan; a change (a new rule's meetings) leaves the plan owed.
 */
export function stillAt(tx: Tx, setId: number, version: number, write: 'plan' | 'change'): boolean {
  const done = tx
    .update(sets)
    .set(write === 'plan' ? { version: version + 1, plannedVersion: version + 1 } : { version: version + 1 })
    .where(and(eq(sets.id, setId), eq(sets.version, version)))
    .run();
  return done.changes === 1;
}
