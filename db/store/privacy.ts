import { and, eq, isNull, sql } from 'drizzle-orm';
import type { PrivacyRepo } from '../../src/ports/store';
import type { Db, LogTruncation } from '../client';
import {
  absences,
  actions,
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
} from '../schema';
import { replanRotationTx } from './rotation';

const ANONYMOUS = 'former member';

export function privacyRepo(db: Db, truncation: LogTruncation): PrivacyRepo {
  return {
    async export(personId) {
      const person = db.select().from(people).where(eq(people.id, personId)).get();
      const setName = new Map(db.select({ id: sets.id, name: sets.name }).from(sets).all().map((s) => [s.id, s.name]));
      const meetingDate = (id: number) => db.select({ d: meetings.localDate, set: meetings.setId }).from(meetings).where(eq(meetings.id, id)).get();
      return {
        profile: person && {
          name: person.displayName,
          platformUserId: person.platformUserId,
          timeZone: person.timeZone,
          quietHours: person.quietStart ? `${person.quietStart}-${person.quietEnd}` : null,
          firstSeen: person.createdAt,
        },
        sets: db.select().from(memberships).where(eq(memberships.personId, personId)).all().map((m) => ({ set: setName.get(m.setId), role: m.role, presenting: m.presenting, joined: m.joinedAt, left: m.leftAt })),
        challenges: db.select().from(challenges).where(eq(challenges.personId, personId)).all().map((c) => ({ set: setName.get(c.setId), version: c.version, status: c.status, written: c.createdAt, ...c.fields })),
        actions: db.select().from(actions).where(eq(actions.personId, personId)).all().map((a) => ({ set: setName.get(a.setId), text: a.text, due: a.dueDate, status: a.status, created: a.createdAt, closed: a.closedAt })),
        reflections: db.select().from(reflections).where(eq(reflections.personId, personId)).all().map((r) => ({ set: r.setId ? setName.get(r.setId) : null, text: r.text, written: r.createdAt, shared: r.sharedAt })),
        rsvps: db.select().from(rsvps).where(eq(rsvps.personId, personId)).all().map((r) => ({ meeting: meetingDate(r.meetingId)?.d, answer: r.answer, answered: r.updatedAt })),
        absences: db.select().from(absences).where(eq(absences.personId, personId)).all().map((a) => ({ set: setName.get(a.setId), from: a.fromDate, until: a.untilDate })),
        presenting: db.select().from(presenterSlots).where(eq(presenterSlots.personId, personId)).all().map((s) => ({ meeting: meetingDate(s.meetingId)?.d, status: s.status, source: s.source })),
      };
    },

    async erase(personId, now) {
      db.transaction(
        (tx) => {
          const person = tx.select().from(people).where(eq(people.id, personId)).get();
          if (!person) return;
          const setIds = tx.select({ setId: memberships.setId }).from(memberships).where(and(eq(memberships.personId, personId), isNull(memberships.leftAt))).all().map((m) => m.setId);
          // Their own content goes.
          tx.delete(challenges).where(eq(challenges.personId, personId)).run();
          tx.delete(reflections).where(eq(reflections.personId, personId)).run();
          tx.delete(actions).where(eq(actions.personId, personId)).run();
          tx.delete(absences).where(eq(absences.personId, personId)).run();
          tx.delete(rsvps).where(eq(rsvps.personId, personId)).run();
          // What they did for a set (a rule, a question, a prompt) stays the set's, unsigned.
          tx.update(absences).set({ createdBy: null }).where(eq(absences.createdBy, personId)).run();
          tx.update(scheduleRules).set({ createdBy: null }).where(eq(scheduleRules.createdBy, personId)).run();
          tx.update(checkinQuestions).set({ createdBy: null }).where(eq(checkinQuestions.createdBy, personId)).run();
          tx.update(prompts).set({ createdBy: null }).where(eq(prompts.createdBy, personId)).run();
          tx.update(sets).set({ createdBy: null }).where(eq(sets.createdBy, personId)).run();
          tx.update(presenterSlots).set({ swapWith: null }).where(eq(presenterSlots.swapWith, personId)).run();
          // Others' slots that name them ("swapped with ...") lose the name, in one statement: found
          // by id, or (rows from before ids were kept) by the name, in any case.
          tx.update(presenterSlots)
            .set({ reason: sql`json_remove(json_set(${presenterSlots.reason}, '$.with', ${ANONYMOUS}), '$.withId')` })
            .where(
              sql`json_extract(${presenterSlots.reason}, '$.kind') = 'swap' AND (json_extract(${presenterSlots.reason}, '$.withId') = ${personId} OR lower(json_extract(${presenterSlots.reason}, '$.with')) = lower(${person.displayName}))`,
            )
            .run();
          tx.update(memberships).set({ leftAt: now }).where(and(eq(memberships.personId, personId), isNull(memberships.leftAt))).run();
          tx.update(people)
            .set({ displayName: ANONYMOUS, platformUserId: `erased-${personId}`, timeZone: null, quietStart: null, quietEnd: null, dmAddress: null, erasedAt: now, updatedAt: now })
            .where(eq(people.id, personId))
            .run();
          for (const setId of setIds) replanRotationTx(tx, setId, now);
        },
        { behavior: 'immediate' },
      );
      // secure_delete has zeroed what was deleted or overwritten; now empty the log that
      // still holds the pages as they were (see docs/operations.md).
      truncation.afterErase();
    },
  };
}
