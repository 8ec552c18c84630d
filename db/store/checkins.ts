import { and, eq, isNull } from 'drizzle-orm';
import type { CheckinRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { checkinQuestions } from '../schema';

export function checkinRepo(db: Db): CheckinRepo {
  const queued = (setId: number, meetingId: number) =>
    and(eq(checkinQuestions.setId, setId), eq(checkinQuestions.meetingId, meetingId), eq(checkinQuestions.mode, 'next'), isNull(checkinQuestions.postedAt));
  return {
    async add(setId, meetingId, text, mode, createdBy, now) {
      db.transaction((tx) => {
        // One question per meeting: a newer one replaces the one queued before it.
        if (mode === 'next' && meetingId !== null) tx.delete(checkinQuestions).where(queued(setId, meetingId)).run();
        tx.insert(checkinQuestions).values({ setId, meetingId, text, mode, createdBy, createdAt: now, postedAt: mode === 'now' ? now : null }).run();
      });
    },

    async takeQueued(setId, meetingId, now) {
      return db.transaction((tx) => {
        const row = tx.select().from(checkinQuestions).where(queued(setId, meetingId)).get();
        if (!row) return undefined;
        tx.update(checkinQuestions).set({ postedAt: now }).where(eq(checkinQuestions.id, row.id)).run();
        return row.text;
      });
    },
  };
}
