import { and, eq, inArray, isNull } from 'drizzle-orm';
import { applyChange, type ChangeOutcome, type RotationChange } from '../../src/domain/rotation/changes';
import { planRotation } from '../../src/domain/rotation/plan';
import type { RotationMeeting, RotationSnapshot, Slot, SlotReason } from '../../src/domain/rotation/types';
import type { RotationRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { absences, meetings, memberships, people, presenterSlots, rsvps, sets } from '../schema';

import { replanJobsTx } from './nudge-plan';
import type { Reader, Tx } from './tx';

function snapshotOf(tx: Reader, setId: number, now: Date): RotationSnapshot {
  const set = tx.select().from(sets).where(eq(sets.id, setId)).get();
  if (!set) throw new Error(`set ${setId} not found`);
  const setMeetings = tx.select().from(meetings).where(eq(meetings.setId, setId)).orderBy(meetings.startsAt, meetings.id).all();
  const ids = setMeetings.map((m) => m.id);
  return {
    now,
    presentersPerMeeting: set.presentersPerMeeting,
    members: tx
      .select({ personId: memberships.personId, name: people.displayName, joinedAt: memberships.joinedAt, presenting: memberships.presenting })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(and(eq(memberships.setId, setId), isNull(memberships.leftAt)))
      .all(),
    meetings: setMeetings.map((m) => ({ id: m.id, localDate: m.localDate, startsAt: m.startsAt, endsAt: m.endsAt, status: m.status })),
    slots: ids.length
      ? tx
          .select()
          .from(presenterSlots)
          .where(inArray(presenterSlots.meetingId, ids))
          .all()
          .map((r): Slot => ({
            id: r.id,
            meetingId: r.meetingId,
            personId: r.personId,
            position: r.position,
            source: r.source,
            status: r.status,
            reason: r.reason as SlotReason,
            notifiedAt: r.notifiedAt,
            swapWith: r.swapWith,
            createdAt: r.createdAt,
          }))
      : [],
    absences: tx
      .select({ personId: absences.personId, from: absences.fromDate, until: absences.untilDate })
      .from(absences)
      .where(eq(absences.setId, setId))
      .all(),
    declined: ids.length
      ? tx
          .select({ meetingId: rsvps.meetingId, personId: rsvps.personId })
          .from(rsvps)
          .where(and(inArray(rsvps.meetingId, ids), eq(rsvps.answer, 'no')))
          .all()
      : [],
  };
}

const same = (a: Slot, b: Slot) =>
  a.meetingId === b.meetingId &&
  a.position === b.position &&
  a.source === b.source &&
  a.status === b.status &&
  a.swapWith === b.swapWith &&
  a.notifiedAt?.getTime() === b.notifiedAt?.getTime() &&
  JSON.stringify(a.reason) === JSON.stringify(b.reason);

/** Writes only what changed between two full lists of a set's slots. */
function writeSlots(tx: Tx, before: readonly Slot[], after: readonly Slot[], now: Date): void {
  const kept = new Set(after.flatMap((x) => (x.id === null ? [] : [x.id])));
  const gone = before.filter((x) => x.id !== null && !kept.has(x.id)).map((x) => x.id!);
  if (gone.length) tx.delete(presenterSlots).where(inArray(presenterSlots.id, gone)).run();
  const old = new Map(before.map((x) => [x.id, x]));
  // Updates before inserts: a slot moving away (a swap) frees its place for a new one.
  const ordered = [...after.filter((x) => x.id !== null), ...after.filter((x) => x.id === null)];
  for (const slot of ordered) {
    const values = {
      meetingId: slot.meetingId,
      personId: slot.personId,
      position: slot.position,
      source: slot.source,
      status: slot.status,
      reason: slot.reason,
      notifiedAt: slot.notifiedAt,
      swapWith: slot.swapWith,
      updatedAt: now,
    };
    if (slot.id === null) tx.insert(presenterSlots).values({ ...values, createdAt: slot.createdAt }).run();
    else if (!same(slot, old.get(slot.id)!)) tx.update(presenterSlots).set(values).where(eq(presenterSlots.id, slot.id)).run();
  }
}

const noLabel = (m: RotationMeeting) => m.localDate;

/**
 * Inside the caller's transaction: applies a rotation change, settles past meetings,
 * re-plans the next ones, then the set's nudges (who presents decides who is told).
 */
export function replanRotationTx(tx: Tx, setId: number, now: Date, change: RotationChange = { kind: 'replan' }, label = noLabel): ChangeOutcome {
  const before = snapshotOf(tx, setId, now);
  const { slots, outcome } = applyChange(before, change, label);
  writeSlots(tx, before.slots, planRotation({ ...before, slots }), now);
  replanJobsTx(tx, setId, now);
  return outcome;
}

export function rotationRepo(db: Db): RotationRepo {
  return {
    async update(setId, now, change, effects, label) {
      return db.transaction(
        (tx) => {
          if (effects.absence) {
            const { personId, from, until, createdBy } = effects.absence;
            tx.insert(absences).values({ setId, personId, fromDate: from, untilDate: until, createdBy, createdAt: now }).run();
          }
          if (effects.presenting) {
            tx.update(memberships)
              .set({ presenting: effects.presenting.on })
              .where(and(eq(memberships.setId, setId), eq(memberships.personId, effects.presenting.personId)))
              .run();
          }
          if (effects.presentersPerMeeting !== undefined) {
            tx.update(sets).set({ presentersPerMeeting: effects.presentersPerMeeting, updatedAt: now }).where(eq(sets.id, setId)).run();
          }
          const outcome = replanRotationTx(tx, setId, now, change, label);
          return { outcome, snapshot: snapshotOf(tx, setId, now) };
        },
        { behavior: 'immediate' },
      );
    },

    async planned(meetingId) {
      return db
        .select({ personId: presenterSlots.personId, name: people.displayName, reason: presenterSlots.reason })
        .from(presenterSlots)
        .innerJoin(people, eq(people.id, presenterSlots.personId))
        .where(and(eq(presenterSlots.meetingId, meetingId), eq(presenterSlots.status, 'planned')))
        .orderBy(presenterSlots.position)
        .all()
        .map((r) => ({ ...r, reason: r.reason as SlotReason }));
    },

    async markNotified(meetingId, personId, now) {
      db.update(presenterSlots)
        .set({ notifiedAt: now, updatedAt: now })
        .where(and(eq(presenterSlots.meetingId, meetingId), eq(presenterSlots.personId, personId), eq(presenterSlots.status, 'planned')))
        .run();
    },
  };
}
