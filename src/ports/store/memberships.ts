/** Who is in a set, in which role; the set keeps at least one facilitator. */
import type { Membership, Role } from '../../domain/model';

/** Who was added; or the set's size and how many of those asked were new to it, when that is too many. */
export type AddResult = { readonly ok: true; readonly added: readonly number[] } | { readonly ok: false; readonly size: number; readonly joining: number };

export type LeaveResult = 'removed' | 'not-member' | 'last-facilitator';
export type RoleResult = 'changed' | 'unchanged' | 'not-member' | 'last-facilitator';

/** Every change here that succeeds leaves the set's plan owed. */
export interface MembershipRepo {
  /** Current members, facilitators first, then by when they joined. */
  list(setId: number): Promise<Membership[]>;
  find(setId: number, personId: number): Promise<Membership | undefined>;
  /**
   * Atomic: adds as members those not already in the set and returns who was added;
   * or, if that would take the set past `maxSize` people, adds no one and says how many it has.
   */
  add(setId: number, personIds: readonly number[], now: Date, maxSize: number): Promise<AddResult>;
  /** Atomic: refuses to remove the last facilitator. */
  remove(setId: number, personId: number, now: Date): Promise<LeaveResult>;
  /** Atomic: refuses to demote the last facilitator. */
  setRole(setId: number, personId: number, role: Role, now: Date): Promise<RoleResult>;
  /** Opts a member out of presenting, or back in. */
  setPresenting(setId: number, personId: number, on: boolean, now: Date): Promise<void>;
}
