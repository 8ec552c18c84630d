import type { Slot } from '../rotation/types';
import type { PlanWrite, StoredSlot } from './types';

const same = (a: Slot, b: Slot) =>
  a.meetingId === b.meetingId &&
  a.personId === b.personId &&
  a.position === b.position &&
  a.source === b.source &&
  a.status === b.status &&
  a.swapWith === b.swapWith &&
  a.notifiedAt?.getTime() === b.notifiedAt?.getTime() &&
  JSON.stringify(a.reason) === JSON.stringify(b.reason);

/** The writes that take a set's slots from `before` to `after` (both full lists): only what differs. */
export function slotChanges(before: readonly Slot[], after: readonly Slot[]): PlanWrite['slots'] {
  const kept = new Set(after.flatMap((x) => (x.id === null ? [] : [x.id])));
  const old = new Map(before.flatMap((x) => (x.id === null ? [] : [[x.id, x] as const])));
  return {
    remove: [...old.keys()].filter((id) => !kept.has(id)),
    update: after.filter((x): x is StoredSlot => x.id !== null && (!old.has(x.id) || !same(x, old.get(x.id)!))),
    insert: after.filter((x) => x.id === null),
  };
}
