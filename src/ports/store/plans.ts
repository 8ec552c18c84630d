/** A set's plan: read everything it depends on at once, commit a new one only if nothing changed. */
import type { PlanSnapshot, PlanWrite } from '../../domain/plan/types';

/** A versioned write: done, or refused because the set changed since the version was read. */
export type Committed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: 'changed' };

export interface PlanRepo {
  /** Everything the set's rotation and nudges depend on, read at one moment, with its version. */
  snapshot(setId: number): Promise<PlanSnapshot | undefined>;
  /**
   * Atomic: if the set is still at `version`, applies the plan's writes and records
   * the plan as current; otherwise writes nothing and says the set changed.
   */
  commit(setId: number, version: number, write: PlanWrite, now: Date): Promise<Committed<void>>;
  /** Up to `limit` sets whose plan is owed: a change committed, its re-plan not yet (a crash, a lost race). */
  owed(limit: number): Promise<number[]>;
}
