import type { Membership, Role } from './model';

/** Facilitators manage the set; members manage only what is their own. */
export const isFacilitator = (m: Membership | undefined): boolean => m?.role === 'facilitator';

/** Would this change leave the set with nobody to run it? */
export function leavesNoFacilitator(
  members: readonly Pick<Membership, 'role' | 'person'>[],
  personId: number,
  newRole: Role | 'gone',
): boolean {
  const remaining = members.filter(
    (m) => m.role === 'facilitator' && (m.person.id !== personId || newRole === 'facilitator'),
  );
  return remaining.length === 0 && members.some((m) => m.person.id === personId && m.role === 'facilitator');
}
