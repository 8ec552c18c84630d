import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SlotReason } from '../../src/domain/rotation/types';
import type { RotationRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { absences, meetings, people, presenterSlots } from '../schema';
import { planOwed, planTouched } from './versions';

export function rotationRepo(db: Db): RotationRepo {
  return {
    async planned(meetingId, settled = false) {
      return db
        .select({ personId: presenterSlots.personId, userId: people.platformUserId, name: people.displayName, reason: presenterSlots.reason })
        .from(presenterSlots)
        .innerJoin(people, eq(people.id, presenterSlots.personId))
        .where(and(eq(presenterSlots.meetingId, meetingId), inArray(presenterSlots.status, settled ? ['planned', 'presented'] : ['planned'])))
        .orderBy(presenterSlots.position)
        .all()
        .map((r) => ({ ...r, reason: r.reason as SlotReason }));
    },

    async markNotified(meetingId, personId, now) {
      db.transaction(
        (tx) => {
          const done = tx
            .update(presenterSlots)
            .set({ notifiedAt: now, updatedAt: now })
            .where(and(eq(presenterSlots.meetingId, meetingId), eq(presenterSlots.personId, personId), eq(presenterSlots.status, 'planned')))
            .run();
          // A told slot is sticky: a re-plan read before this must not overwrite it.
          if (done.changes > 0) planTouched(tx, sql`(SELECT ${meetings.setId} FROM ${meetings} WHERE ${meetings.id} = ${meetingId})`);
        },
        { behavior: 'immediate' },
      );
    },

    async addAbsence(setId, absence, now) {
      db.transaction(
        (tx) => {
          tx.insert(absences).values({ setId, personId: absence.personId, fromDate: absence.from, untilDate: absence.until, createdBy: absence.createdBy, createdAt: now }).run();
          planOwed(tx, [setId]);
        },
        { behavior: 'immediate' },
      );
    },
  };
}
