import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { sets } from '../schema';
import type { Tx } from './tx';

/**
 * A set's version, as in ../../store/versions.ts (which says why): the same three
 * writes, awaited. Each is one UPDATE on the set's row, so it also takes that row's
 * lock for the rest of the transaction.
 */

/** What the plan reads changed: the plan is owed until the core commits a new one. */
export async function planOwed(tx: Tx, setIds: readonly number[]): Promise<void> {
  if (setIds.length === 0) return;
  await tx
    .update(sets)
    .set({ version: sql`${sets.version} + 1` })
    .where(inArray(sets.id, [...setIds]));
}

/** A write the plan agrees with already: a plan read before it must still not commit. */
export async function planTouched(tx: Tx, setId: number | SQL): Promise<void> {
  await tx
    .update(sets)
    .set({
      version: sql`${sets.version} + 1`,
      plannedVersion: sql`CASE WHEN ${sets.plannedVersion} = ${sets.version} THEN ${sets.version} + 1 ELSE ${sets.plannedVersion} END`,
    })
    .where(eq(sets.id, setId));
}

/** Claims the next version for a write made from what was read at `version`: false, and nothing written, if the set has moved on. */
export async function stillAt(tx: Tx, setId: number, version: number, write: 'plan' | 'change'): Promise<boolean> {
  const done = await tx
    .update(sets)
    .set(write === 'plan' ? { version: version + 1, plannedVersion: version + 1 } : { version: version + 1 })
    .where(and(eq(sets.id, setId), eq(sets.version, version)))
    .returning({ id: sets.id });
  return done.length === 1;
}
