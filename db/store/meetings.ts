import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Meeting } from '../../src/domain/schedule';
import type { MeetingRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { meetings, presenterSlots, rsvps, scheduleRules, sets } from '../schema';
import { meetingTiming, ruleColumns, toMeeting, toRule } from './rows';

import type { Reader, Tx } from './tx';
import { planOwed, stillAt } from './versions';

const listOf = (tx: Reader, setId: number) =>
  tx.select().from(meetings).where(eq(meetings.setId, setId)).orderBy(asc(meetings.startsAt), asc(meetings.id)).all().map(toMeeting);


/** Another scheduled meeting of the set on that local date, if any. */
const clashOn = (tx: Reader, setId: number, localDate: string, except?: number) =>
  tx
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.setId, setId),
        eq(meetings.localDate, localDate),
        eq(meetings.status, 'scheduled'),
        except === undefined ? undefined : ne(meetings.id, except),
      ),
    )
    .get();

const getMeeting = (tx: Reader, id: number): Meeting => {
  const row = tx.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!row) throw new Error(`meeting ${id} not found`);
  return toMeeting(row);
};

function removeMeetings(tx: Tx, ids: readonly number[]): void {
  if (ids.length === 0) return;
  // Only never-held future meetings are removed; what hangs off them goes too.
  tx.delete(rsvps).where(inArray(rsvps.meetingId, [...ids])).run();
  tx.delete(presenterSlots).where(inArray(presenterSlots.meetingId, [...ids])).run();
  tx.delete(meetings).where(inArray(meetings.id, [...ids])).run();
}

export function meetingRepo(db: Db): MeetingRepo {
  return {
    async activeRule(setId) {
      const row = db
        .select()
        .from(scheduleRules)
        .where(and(eq(scheduleRules.setId, setId), isNull(scheduleRules.supersededAt)))
        .get();
      return row && toRule(row);
    },

    async replaceRule(setId, version, rule, changes, createdBy, now) {
      return db.transaction(
        (tx) => {
          if (!stillAt(tx, setId, version, 'change')) return { ok: false as const, reason: 'changed' as const };
          tx.update(scheduleRules)
            .set({ supersededAt: now })
            .where(and(eq(scheduleRules.setId, setId), isNull(scheduleRules.supersededAt)))
            .run();
          const ruleRow = tx
            .insert(scheduleRules)
            .values({
              setId,
              ...ruleColumns(rule),
              createdBy,
              createdAt: now,
            })
            .returning()
            .get();
          for (const { id, occurrence } of changes.update) {
            tx.update(meetings)
              .set({ ...meetingTiming(occurrence), ruleId: ruleRow.id, updatedAt: now, sequence: sql`${meetings.sequence} + 1` })
              .where(eq(meetings.id, id))
              .run();
          }
          for (const occurrence of changes.insert) {
            tx.insert(meetings)
              .values({ setId, ruleId: ruleRow.id, ...meetingTiming(occurrence), origin: 'rule', createdAt: now, updatedAt: now })
              .run();
          }
          removeMeetings(tx, changes.remove);
          // The rule's zone is the set's: where its members meet.
          tx.update(sets).set({ timeZone: rule.zone, updatedAt: now }).where(eq(sets.id, setId)).run();
          return { ok: true as const, value: toRule(ruleRow) };
        },
        { behavior: 'immediate' },
      );
    },

    async list(setId) {
      return listOf(db, setId);
    },

    async get(meetingId) {
      const row = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
      return row && toMeeting(row);
    },

    async add(setId, occurrence, now) {
      return db.transaction(
        (tx) => {
          const clash = clashOn(tx, setId, occurrence.localDate);
          if (clash) return { ok: false as const, clash: toMeeting(clash) };
          const row = tx
            .insert(meetings)
            .values({ setId, ruleId: null, ...meetingTiming(occurrence), origin: 'added', createdAt: now, updatedAt: now })
            .returning()
            .get();
          planOwed(tx, [setId]);
          return { ok: true as const, meeting: toMeeting(row) };
        },
        { behavior: 'immediate' },
      );
    },

    async move(meetingId, to, now) {
      return db.transaction(
        (tx) => {
          const current = getMeeting(tx, meetingId);
          const clash = clashOn(tx, current.setId, to.localDate, meetingId);
          if (clash) return { ok: false as const, clash: toMeeting(clash) };
          tx.update(meetings)
            .set({
              ...meetingTiming(to),
              origin: current.origin === 'added' ? 'added' : 'moved',
              movedFromDate: current.movedFromDate ?? (to.localDate === current.localDate ? null : current.localDate),
              sequence: current.sequence + 1,
              updatedAt: now,
            })
            .where(eq(meetings.id, meetingId))
            .run();
          planOwed(tx, [current.setId]);
          return { ok: true as const, meeting: getMeeting(tx, meetingId) };
        },
        { behavior: 'immediate' },
      );
    },

    async rezone(setId, version, zone, moves, now) {
      return db.transaction(
        (tx) => {
          if (!stillAt(tx, setId, version, 'change')) return { ok: false as const, reason: 'changed' as const };
          for (const { id, occurrence } of moves) {
            tx.update(meetings)
              .set({ ...meetingTiming(occurrence), updatedAt: now, sequence: sql`${meetings.sequence} + 1` })
              .where(eq(meetings.id, id))
              .run();
          }
          tx.update(sets).set({ timeZone: zone, updatedAt: now }).where(eq(sets.id, setId)).run();
          // The rule's zone is the set's: later re-plans of the rule make meetings in the new zone.
          tx.update(scheduleRules)
            .set({ timeZone: zone })
            .where(and(eq(scheduleRules.setId, setId), isNull(scheduleRules.supersededAt)))
            .run();
          return { ok: true as const, value: moves.map((u) => getMeeting(tx, u.id)) };
        },
        { behavior: 'immediate' },
      );
    },

    async cancel(meetingId, now) {
      return db.transaction(
        (tx) => {
          tx.update(meetings)
            .set({ status: 'cancelled', updatedAt: now, sequence: sql`${meetings.sequence} + 1` })
            .where(eq(meetings.id, meetingId))
            .run();
          const meeting = getMeeting(tx, meetingId);
          planOwed(tx, [meeting.setId]);
          return meeting;
        },
        { behavior: 'immediate' },
      );
    },
  };
}
