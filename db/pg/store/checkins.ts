import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CheckinRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { checkinQuestions } from '../schema';
import { serially } from './tx';

/** As in ../../store/checkins.ts. */
export function checkinRepo(db: PgDb): CheckinRepo {
  const queued = (setId: number, meetingId: number) =>
    and(eq(checkinQuestions.setId, setId), eq(checkinQuestions.meetingId, meetingId), eq(checkinQuestions.mode, 'next'), isNull(checkinQuestions.postedAt));
  return {
    async add(setId, meetingId, text, mode, createdBy, now) {
      await serially(db, async (tx) => {
        // One question per meeting: a newer one replaces the one queued before it.
        if (mode === 'next' && meetingId !== null) await tx.delete(checkinQuestions).where(queued(setId, meetingId));
        await tx.insert(checkinQuestions).values({ setId, meetingId, text, mode, createdBy, createdAt: now, postedAt: mode === 'now' ? now : null });
      });
    },

    async takeQueued(setId, meetingId, now) {
      return serially(db, async (tx) => {
        // Oldest first, as SQLite's rowid order gives (there is at most one, as add keeps it).
        const [row] = await tx.select().from(checkinQuestions).where(queued(setId, meetingId)).orderBy(asc(checkinQuestions.id)).limit(1);
        if (!row) return undefined;
        await tx.update(checkinQuestions).set({ postedAt: now }).where(eq(checkinQuestions.id, row.id));
        return row.text;
      });
    },
  };
}
