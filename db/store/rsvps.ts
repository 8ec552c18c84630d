import { eq } from 'drizzle-orm';
import type { RsvpRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { meetings, rsvps } from '../schema';
import { planOwed } from './versions';

export function rsvpRepo(db: Db): RsvpRepo {
  return {
    async answer(meetingId, personId, answer, now) {
      return db.transaction(
        (tx) => {
          tx.insert(rsvps)
            .values({ meetingId, personId, answer, updatedAt: now })
            .onConflictDoUpdate({ target: [rsvps.meetingId, rsvps.personId], set: { answer, updatedAt: now } })
            .run();
          const meeting = tx.select({ setId: meetings.setId }).from(meetings).where(eq(meetings.id, meetingId)).get();
          // A "no" frees a presenting place and may leave too few coming: the plan is owed.
          if (meeting) planOwed(tx, [meeting.setId]);
          return meeting?.setId;
        },
        { behavior: 'immediate' },
      );
    },

    async forMeeting(meetingId) {
      return db.select({ personId: rsvps.personId, answer: rsvps.answer }).from(rsvps).where(eq(rsvps.meetingId, meetingId)).all();
    },
  };
}
