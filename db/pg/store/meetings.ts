import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Meeting } from '../../../src/domain/schedule';
import type { MeetingRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { meetings, presenterSlots, rsvps, scheduleRules, sets } from '../schema';
import { meetingTiming, ruleColumns, toMeeting, toRule } from '../../store/rows';
import { serially, type Reader, type Tx } from './tx';
import { planOwed, stillAt } from './versions';

const listOf = async (tx: Reader, setId: number) =>
  (await tx.select().from(meetings).where(eq(meetings.setId, setId)).orderBy(asc(meetings.startsAt), asc(meetings.id))).map(toMeeting);


/** Another scheduled meeting of the set on that local date, if any (the first made, should there be several). */
const clashOn = async (tx: Reader, setId: number, localDate: string, except?: number) => {
  const [row] = await tx
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
    .orderBy(asc(meetings.id))
    .limit(1);
  return row;
};

const getMeeting = async (tx: Reader, id: number): Promise<Meeting> => {
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, id));
  if (!row) throw new Error(`meeting ${id} not found`);
  return toMeeting(row);
};

async function removeMeetings(tx: Tx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  // Only never-held future meetings are removed; what hangs off them goes too.
  await tx.delete(rsvps).where(inArray(rsvps.meetingId, [...ids]));
  await tx.delete(presenterSlots).where(inArray(presenterSlots.meetingId, [...ids]));
  await tx.delete(meetings).where(inArray(meetings.id, [...ids]));
}

export function meetingRepo(db: PgDb): MeetingRepo {
  return {
    async activeRule(setId) {
      const [row] = await db
        .select()
        .from(scheduleRules)
        .where(and(eq(scheduleRules.setId, setId), isNull(scheduleRules.supersededAt)))
        .limit(1);
      return row && toRule(row);
    },

    async replaceRule(setId, version, rule, changes, createdBy, now) {
      return serially(db, async (tx) => {
        if (!(await stillAt(tx, setId, version, 'change'))) return { ok: false as const, reason: 'changed' as const };
        await tx
          .update(scheduleRules)
          .set({ supersededAt: now })
          .where(and(eq(scheduleRules.setId, setId), isNull(scheduleRules.supersededAt)));
        const ruleRow = (
          await tx
            .insert(scheduleRules)
            .values({
              setId,
              ...ruleColumns(rule),
              createdBy,
              createdAt: now,
            })
            .returning()
        )[0]!;
        for (const { id, occurrence } of changes.update) {
          await tx
            .update(meetings)
            .set({ ...meetingTiming(occurrence), ruleId: ruleRow.id, updatedAt: now, sequence: sql`${meetings.sequence} + 1` })
            .where(eq(meetings.id, id));
        }
        // One at a time, so ids ascend in the order of the occurrences, as in SQLite.
        for (const occurrence of changes.insert) {
          await tx.insert(meetings).values({ setId, ruleId: ruleRow.id, ...meetingTiming(occurrence), origin: 'rule', createdAt: now, updatedAt: now });
        }
        await removeMeetings(tx, changes.remove);
        // The rule's zone is the set's: where its members meet.
        await tx.update(sets).set({ timeZone: rule.zone, updatedAt: now }).where(eq(sets.id, setId));
        return { ok: true as const, value: toRule(ruleRow) };
      });
    },

    async list(setId) {
      return listOf(db, setId);
    },

    async get(meetingId) {
      const [row] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
      return row && toMeeting(row);
    },

    async add(setId, occurrence, now) {
      return serially(db, async (tx) => {
        const clash = await clashOn(tx, setId, occurrence.localDate);
        if (clash) return { ok: false as const, clash: toMeeting(clash) };
        const row = (
          await tx
            .insert(meetings)
            .values({ setId, ruleId: null, ...meetingTiming(occurrence), origin: 'added', createdAt: now, updatedAt: now })
            .returning()
        )[0]!;
        await planOwed(tx, [setId]);
        return { ok: true as const, meeting: toMeeting(row) };
      });
    },

    async move(meetingId, to, now) {
      return serially(db, async (tx) => {
        const current = await getMeeting(tx, meetingId);
        const clash = await clashOn(tx, current.setId, to.localDate, meetingId);
        if (clash) return { ok: false as const, clash: toMeeting(clash) };
        await tx
          .update(meetings)
          .set({
            ...meetingTiming(to),
            origin: current.origin === 'added' ? 'added' : 'moved',
            movedFromDate: current.movedFromDate ?? (to.localDate === current.localDate ? null : current.localDate),
            sequence: current.sequence + 1,
            updatedAt: now,
          })
          .where(eq(meetings.id, meetingId));
        await planOwed(tx, [current.setId]);
        return { ok: true as const, meeting: await getMeeting(tx, meetingId) };
      });
    },

    async rezone(setId, version, zone, moves, now) {
      return serially(db, async (tx) => {
        if (!(await stillAt(tx, setId, version, 'change'))) return { ok: false as const, reason: 'changed' as const };
        for (const { id, occurrence } of moves) {
          await tx
            .update(meetings)
            .set({ ...meetingTiming(occurrence), updatedAt: now, sequence: sql`${meetings.sequence} + 1` })
            .where(eq(meetings.id, id));
        }
        await tx.update(sets).set({ timeZone: zone, updatedAt: now }).where(eq(sets.id, setId));
        // The rule's zone is the set's: later re-plans of the rule make meetings in the new zone.
        await tx
          .update(scheduleRules)
          .set({ timeZone: zone })
          .where(and(eq(scheduleRules.setId, setId), isNull(scheduleRules.supersededAt)));
        const moved: Meeting[] = [];
        for (const u of moves) moved.push(await getMeeting(tx, u.id));
        return { ok: true as const, value: moved };
      });
    },

    async cancel(meetingId, now) {
      return serially(db, async (tx) => {
        await tx
          .update(meetings)
          .set({ status: 'cancelled', updatedAt: now, sequence: sql`${meetings.sequence} + 1` })
          .where(eq(meetings.id, meetingId));
        const meeting = await getMeeting(tx, meetingId);
        await planOwed(tx, [meeting.setId]);
        return meeting;
      });
    },
  };
}
