import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SlotReason } from '../../../src/domain/rotation/types';
import type { RotationRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { absences, meetings, people, presenterSlots } from '../schema';
import { serially } from './tx';
import { planOwed, planTouched } from './versions';

export function rotationRepo(db: PgDb): RotationRepo {
  return {
    async planned(meetingId, settled = false) {
      const rows = await db
        .select({ personId: presenterSlots.personId, userId: people.platformUserId, name: people.displayName, reason: presenterSlots.reason })
        .from(presenterSlots)
        .innerJoin(people, eq(people.id, presenterSlots.personId))
        .where(and(eq(presenterSlots.meetingId, meetingId), inArray(presenterSlots.status, settled ? ['planned', 'presented'] : ['planned'])))
        .orderBy(asc(presenterSlots.position));
      return rows.map((r) => ({ ...r, reason: r.reason as SlotReason }));
    },

    async markNotified(meetingId, personId, now) {
      await serially(db, async (tx) => {
        const done = await tx
          .update(presenterSlots)
          .set({ notifiedAt: now, updatedAt: now })
          .where(and(eq(presenterSlots.meetingId, meetingId), eq(presenterSlots.personId, personId), eq(presenterSlots.status, 'planned')))
          .returning({ id: presenterSlots.id });
        // A told slot is sticky: a re-plan read before this must not overwrite it.
        if (done.length > 0) await planTouched(tx, sql`(SELECT ${meetings.setId} FROM ${meetings} WHERE ${meetings.id} = ${meetingId})`);
      });
    },

    async addAbsence(setId, absence, now) {
      await serially(db, async (tx) => {
        await tx
          .insert(absences)
          .values({ setId, personId: absence.personId, fromDate: absence.from, untilDate: absence.until, createdBy: absence.createdBy, createdAt: now });
        await planOwed(tx, [setId]);
      });
    },
  };
}
