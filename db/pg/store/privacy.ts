import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { PersonalData } from '../../../src/domain/records';
import type { PrivacyRepo } from '../../../src/ports/store';
import { meetingsNamed, toPersonalData } from '../../store/rows';
import type { PgDb } from '../client';
import {
  absences,
  actions,
  attendance,
  challenges,
  checkinQuestions,
  meetings,
  memberships,
  people,
  presenterSlots,
  prompts,
  reflections,
  rsvps,
  scheduleRules,
  sets,
  sponsors,
} from '../schema';
import { serially, snapshotRead } from './tx';
import { planOwed } from './versions';

const ANONYMOUS = 'former member';

/**
 * As in ../../store/privacy.ts, which also asks SQLite to truncate its write-ahead log
 * after an erase; Postgres has no such step here: erased rows' old tuples are reclaimed
 * by (auto)vacuum (see docs/operations.md).
 */
export function privacyRepo(db: PgDb): PrivacyRepo {
  return {
    async export(personId) {
      // One read transaction: the export is the person's data as of one moment.
      // (Rows in id order, as SQLite's rowid order lists them; Postgres promises none unasked.)
      return snapshotRead(db, async (tx): Promise<PersonalData> => {
        const found = {
          person: (await tx.select().from(people).where(eq(people.id, personId)).limit(1))[0],
          memberships: await tx.select().from(memberships).where(eq(memberships.personId, personId)).orderBy(asc(memberships.id)),
          challenges: await tx.select().from(challenges).where(eq(challenges.personId, personId)).orderBy(asc(challenges.id)),
          actions: await tx.select().from(actions).where(eq(actions.personId, personId)).orderBy(asc(actions.id)),
          reflections: await tx.select().from(reflections).where(eq(reflections.personId, personId)).orderBy(asc(reflections.id)),
          rsvps: await tx.select().from(rsvps).where(eq(rsvps.personId, personId)).orderBy(asc(rsvps.meetingId)),
          absences: await tx.select().from(absences).where(eq(absences.personId, personId)).orderBy(asc(absences.id)),
          slots: await tx.select().from(presenterSlots).where(eq(presenterSlots.personId, personId)).orderBy(asc(presenterSlots.id)),
          attendance: await tx.select().from(attendance).where(eq(attendance.personId, personId)).orderBy(asc(attendance.meetingId)),
          sponsoring: await tx.select().from(sponsors).where(eq(sponsors.personId, personId)).orderBy(asc(sponsors.setId)),
        };
        const named = meetingsNamed(found);
        return toPersonalData({
          ...found,
          setNames: new Map((await tx.select({ id: sets.id, name: sets.name }).from(sets)).map((x) => [x.id, x.name])),
          meetingDates: new Map(named.length ? (await tx.select({ id: meetings.id, d: meetings.localDate }).from(meetings).where(inArray(meetings.id, named))).map((m) => [m.id, m.d]) : []),
        });
      });
    },

    async erase(personId, now) {
      return serially(db, async (tx) => {
        const [person] = await tx.select().from(people).where(eq(people.id, personId)).limit(1);
        if (!person) return [];
        const setIds = (
          await tx
            .select({ setId: memberships.setId })
            .from(memberships)
            .where(and(eq(memberships.personId, personId), isNull(memberships.leftAt)))
        ).map((m) => m.setId);
        // Their answers and absences count in the plans of sets they have left, too.
        const answered = (
          await tx.selectDistinct({ setId: meetings.setId }).from(rsvps).innerJoin(meetings, eq(meetings.id, rsvps.meetingId)).where(eq(rsvps.personId, personId))
        ).map((r) => r.setId);
        const away = (await tx.selectDistinct({ setId: absences.setId }).from(absences).where(eq(absences.personId, personId))).map((r) => r.setId);
        // Their own content goes.
        await tx.delete(challenges).where(eq(challenges.personId, personId));
        await tx.delete(reflections).where(eq(reflections.personId, personId));
        await tx.delete(actions).where(eq(actions.personId, personId));
        await tx.delete(absences).where(eq(absences.personId, personId));
        await tx.delete(rsvps).where(eq(rsvps.personId, personId));
        await tx.delete(sponsors).where(eq(sponsors.personId, personId));
        // What they did for a set (a rule, a question, a prompt) stays the set's, unsigned.
        await tx.update(absences).set({ createdBy: null }).where(eq(absences.createdBy, personId));
        await tx.update(scheduleRules).set({ createdBy: null }).where(eq(scheduleRules.createdBy, personId));
        await tx.update(checkinQuestions).set({ createdBy: null }).where(eq(checkinQuestions.createdBy, personId));
        await tx.update(prompts).set({ createdBy: null }).where(eq(prompts.createdBy, personId));
        await tx.update(sets).set({ createdBy: null }).where(eq(sets.createdBy, personId));
        // Others' slots that name them ("swapped with ...") lose the name: found by id, or
        // (rows from before ids were kept) by the name, in any case. The id matches only as
        // a JSON number, as SQLite's json_extract compares it; the CASE keeps a cast from
        // ever meeting anything else.
        const reason = presenterSlots.reason;
        const namesThem = sql`${reason}->>'kind' = 'swap' AND (CASE WHEN json_typeof(${reason}->'withId') = 'number' THEN (${reason}->>'withId')::numeric = ${personId} ELSE false END OR lower(${reason}->>'with') = lower(${person.displayName}))`;
        const slotSets = (
          await tx
            .selectDistinct({ setId: meetings.setId })
            .from(presenterSlots)
            .innerJoin(meetings, eq(meetings.id, presenterSlots.meetingId))
            .where(or(eq(presenterSlots.swapWith, personId), namesThem))
        ).map((r) => r.setId);
        await tx.update(presenterSlots).set({ swapWith: null }).where(eq(presenterSlots.swapWith, personId));
        await tx
          .update(presenterSlots)
          .set({ reason: sql`((${reason}::jsonb - 'withId') || jsonb_build_object('with', ${ANONYMOUS}::text))::json` })
          .where(namesThem);
        await tx.update(memberships).set({ leftAt: now }).where(and(eq(memberships.personId, personId), isNull(memberships.leftAt)));
        await tx
          .update(people)
          .set({ displayName: ANONYMOUS, platformUserId: `erased-${personId}`, timeZone: null, platformTimeZone: null, profileCheckedAt: null, quietStart: null, quietEnd: null, dmAddress: null, erasedAt: now, updatedAt: now })
          .where(eq(people.id, personId));
        // Their sets' plans are owed (they no longer present or hear anything), and so are the
        // plans of sets whose slots changed: a re-plan read before this must not write the name back.
        const owed = [...new Set([...setIds, ...answered, ...away, ...slotSets])];
        await planOwed(tx, owed);
        return owed;
      });
    },
  };
}
