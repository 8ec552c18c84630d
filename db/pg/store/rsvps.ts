import { asc, eq } from 'drizzle-orm';
import type { RsvpRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { meetings, rsvps } from '../schema';
import { serially } from './tx';
import { planOwed } from './versions';

export function rsvpRepo(db: PgDb): RsvpRepo {
  return {
    async answer(meetingId, personId, answer, now) {
      return serially(db, async (tx) => {
        await tx
          .insert(rsvps)
          .values({ meetingId, personId, answer, updatedAt: now })
          .onConflictDoUpdate({ target: [rsvps.meetingId, rsvps.personId], set: { answer, updatedAt: now } });
        const [meeting] = await tx.select({ setId: meetings.setId }).from(meetings).where(eq(meetings.id, meetingId));
        // A "no" frees a presenting place and may leave too few coming: the plan is owed.
        if (meeting) await planOwed(tx, [meeting.setId]);
        return meeting?.setId;
      });
    },

    async forMeeting(meetingId) {
      // In primary-key order, as SQLite reads them; Postgres has no order unless asked.
      return db
        .select({ personId: rsvps.personId, answer: rsvps.answer })
        .from(rsvps)
        .where(eq(rsvps.meetingId, meetingId))
        .orderBy(asc(rsvps.personId));
    },
  };
}
