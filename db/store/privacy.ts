import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { PersonalData } from '../../src/domain/records';
import type { PrivacyRepo } from '../../src/ports/store';
import type { Db, LogTruncation } from '../client';
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
import { meetingsNamed, toPersonalData } from './rows';
import { planOwed } from './versions';

const ANONYMOUS = 'former member';

export function privacyRepo(db: Db, truncation: LogTruncation): PrivacyRepo {
  return {
    async export(personId) {
      // One read transaction: the export is the person's data as of one moment.
      return db.transaction((tx): PersonalData => {
        const found = {
          person: tx.select().from(people).where(eq(people.id, personId)).get(),
          memberships: tx.select().from(memberships).where(eq(memberships.personId, personId)).all(),
          challenges: tx.select().from(challenges).where(eq(challenges.personId, personId)).all(),
          actions: tx.select().from(actions).where(eq(actions.personId, personId)).all(),
          reflections: tx.select().from(reflections).where(eq(reflections.personId, personId)).all(),
          rsvps: tx.select().from(rsvps).where(eq(rsvps.personId, personId)).all(),
          absences: tx.select().from(absences).where(eq(absences.personId, personId)).all(),
          slots: tx.select().from(presenterSlots).where(eq(presenterSlots.personId, personId)).all(),
          attendance: tx.select().from(attendance).where(eq(attendance.personId, personId)).all(),
          sponsoring: tx.select().from(sponsors).where(eq(sponsors.personId, personId)).all(),
        };
        const named = meetingsNamed(found);
        return toPersonalData({
          ...found,
          setNames: new Map(tx.select({ id: sets.id, name: sets.name }).from(sets).all().map((x) => [x.id, x.name])),
          meetingDates: new Map(named.length ? tx.select({ id: meetings.id, d: meetings.localDate }).from(meetings).where(inArray(meetings.id, named)).all().map((m) => [m.id, m.d]) : []),
        });
      });
    },

    async erase(personId, now) {
      const owed = db.transaction(
        (tx) => {
          const person = tx.select().from(people).where(eq(people.id, personId)).get();
          if (!person) return [];
          const setIds = tx.select({ setId: memberships.setId }).from(memberships).where(and(eq(memberships.personId, personId), isNull(memberships.leftAt))).all().map((m) => m.setId);
          // Their answers and absences count in the plans of sets they have left, too.
          const answered = tx.selectDistinct({ setId: meetings.setId }).from(rsvps).innerJoin(meetings, eq(meetings.id, rsvps.meetingId)).where(eq(rsvps.personId, personId)).all().map((r) => r.setId);
          const away = tx.selectDistinct({ setId: absences.setId }).from(absences).where(eq(absences.personId, personId)).all().map((r) => r.setId);
          // Their own content goes.
          tx.delete(challenges).where(eq(challenges.personId, personId)).run();
          tx.delete(reflections).where(eq(reflections.personId, personId)).run();
          tx.delete(actions).where(eq(actions.personId, personId)).run();
          tx.delete(absences).where(eq(absences.personId, personId)).run();
          tx.delete(rsvps).where(eq(rsvps.personId, personId)).run();
          tx.delete(sponsors).where(eq(sponsors.personId, personId)).run();
          // What they did for a set (a rule, a question, a prompt) stays the set's, unsigned.
          tx.update(absences).set({ createdBy: null }).where(eq(absences.createdBy, personId)).run();
          tx.update(scheduleRules).set({ createdBy: null }).where(eq(scheduleRules.createdBy, personId)).run();
          tx.update(checkinQuestions).set({ createdBy: null }).where(eq(checkinQuestions.createdBy, personId)).run();
          tx.update(prompts).set({ createdBy: null }).where(eq(prompts.createdBy, personId)).run();
          tx.update(sets).set({ createdBy: null }).where(eq(sets.createdBy, personId)).run();
          // Others' slots that name them ("swapped with ...") lose the name: found by id, or
          // (rows from before ids were kept) by the name, in any case.
          const namesThem = sql`json_extract(${presenterSlots.reason}, '$.kind') = 'swap' AND (json_extract(${presenterSlots.reason}, '$.withId') = ${personId} OR lower(json_extract(${presenterSlots.reason}, '$.with')) = lower(${person.displayName}))`;
          const slotSets = tx
            .selectDistinct({ setId: meetings.setId })
            .from(presenterSlots)
            .innerJoin(meetings, eq(meetings.id, presenterSlots.meetingId))
            .where(or(eq(presenterSlots.swapWith, personId), namesThem))
            .all()
            .map((r) => r.setId);
          tx.update(presenterSlots).set({ swapWith: null }).where(eq(presenterSlots.swapWith, personId)).run();
          tx.update(presenterSlots)
            .set({ reason: sql`json_remove(json_set(${presenterSlots.reason}, '$.with', ${ANONYMOUS}), '$.withId')` })
            .where(namesThem)
            .run();
          tx.update(memberships).set({ leftAt: now }).where(and(eq(memberships.personId, personId), isNull(memberships.leftAt))).run();
          tx.update(people)
            .set({ displayName: ANONYMOUS, platformUserId: `erased-${personId}`, timeZone: null, platformTimeZone: null, profileCheckedAt: null, quietStart: null, quietEnd: null, dmAddress: null, erasedAt: now, updatedAt: now })
            .where(eq(people.id, personId))
            .run();
          // Their sets' plans are owed (they no longer present or hear anything), and so are the
          // plans of sets whose slots changed: a re-plan read before this must not write the name back.
          const owed = [...new Set([...setIds, ...answered, ...away, ...slotSets])];
          planOwed(tx, owed);
          return owed;
        },
        { behavior: 'immediate' },
      );
      // secure_delete has zeroed what was deleted or overwritten; now empty the log that
      // still holds the pages as they were (see docs/operations.md).
      truncation.afterErase();
      return owed;
    },
  };
}
