import { and, asc, eq, inArray, isNull, isNotNull } from 'drizzle-orm';
import type { ReportRepo, SetFigures } from '../../src/ports/store';
import type { Db } from '../client';
import { actions, attendance, meetingRuns, meetings, memberships, people, presenterSlots, reflections, sets } from '../schema';

/** Only ids, dates and statuses are selected: a report cannot carry what it never read. */
export function reportRepo(db: Db): ReportRepo {
  return {
    async figures(setId) {
      return db.transaction(
        (tx): SetFigures | undefined => {
          const set = tx.select({ id: sets.id, name: sets.name, timeZone: sets.timeZone }).from(sets).where(eq(sets.id, setId)).get();
          if (!set) return undefined;
          const setMeetings = tx
            .select({ id: meetings.id, localDate: meetings.localDate, startsAt: meetings.startsAt, status: meetings.status, ran: isNotNull(meetingRuns.meetingId), startedAt: meetingRuns.startedAt })
            .from(meetings)
            .leftJoin(meetingRuns, eq(meetingRuns.meetingId, meetings.id))
            .where(eq(meetings.setId, setId))
            .orderBy(asc(meetings.startsAt), asc(meetings.id))
            .all()
            .map((m) => ({ ...m, ran: Boolean(m.ran) }));
          const ids = setMeetings.map((m) => m.id);
          return {
            setId: set.id,
            name: set.name,
            timeZone: set.timeZone,
            members: tx
              .select({ personId: memberships.personId, name: people.displayName })
              .from(memberships)
              .innerJoin(people, eq(people.id, memberships.personId))
              .where(and(eq(memberships.setId, setId), isNull(memberships.leftAt)))
              .orderBy(asc(memberships.role), asc(memberships.id))
              .all(),
            meetings: setMeetings,
            attendance: ids.length ? tx.select({ meetingId: attendance.meetingId, personId: attendance.personId, present: attendance.present }).from(attendance).where(inArray(attendance.meetingId, ids)).orderBy(asc(attendance.meetingId), asc(attendance.personId)).all() : [],
            presented: ids.length
              ? tx.select({ meetingId: presenterSlots.meetingId, personId: presenterSlots.personId }).from(presenterSlots).where(and(inArray(presenterSlots.meetingId, ids), eq(presenterSlots.status, 'presented'))).orderBy(asc(presenterSlots.meetingId), asc(presenterSlots.position)).all()
              : [],
            actions: tx.select({ personId: actions.personId, status: actions.status, createdAt: actions.createdAt }).from(actions).where(eq(actions.setId, setId)).orderBy(asc(actions.id)).all(),
            reflections: tx.select({ personId: reflections.personId, createdAt: reflections.createdAt }).from(reflections).where(eq(reflections.setId, setId)).orderBy(asc(reflections.id)).all(),
          };
        },
        { behavior: 'deferred' },
      );
    },
  };
}
