import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { PlanSnapshot, PlanWrite } from '../../src/domain/plan/types';
import { NO_LONGER_NEEDED } from '../../src/domain/plan/types';
import type { Slot } from '../../src/domain/rotation/types';
import type { PlanRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { absences, attendance, jobs, meetingRuns, meetings, memberships, people, presenterSlots, rsvps, scheduleRules, sets } from '../schema';
import { jobPayload, slotColumns, toAttendance, toMeeting, toOutboxEntry, toRun, toSet, toSlot } from './rows';
import type { Reader, Tx } from './tx';
import { stillAt } from './versions';

/** Rows per statement: far inside SQLite's limit on bound variables, whatever a set's size. */
const BATCH = 200;
const chunks = <T>(items: readonly T[]): T[][] => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

/** The commit found a row the snapshot did not: roll everything back. */
class Changed extends Error {}

function read(tx: Reader, setId: number): PlanSnapshot | undefined {
  const set = tx.select().from(sets).where(eq(sets.id, setId)).get();
  if (!set) return undefined;
  const setMeetings = tx.select().from(meetings).where(eq(meetings.setId, setId)).orderBy(asc(meetings.startsAt), asc(meetings.id)).all();
  const ids = setMeetings.map((m) => m.id);
  const rule = tx
    .select({ until: scheduleRules.untilDate, count: scheduleRules.count, durationMinutes: scheduleRules.durationMinutes })
    .from(scheduleRules)
    .where(and(eq(scheduleRules.setId, setId), isNull(scheduleRules.supersededAt)))
    .get();
  return {
    version: set.version,
    owed: set.plannedVersion !== set.version,
    set: toSet(set),
    rule: rule ?? null,
    meetings: setMeetings.map(toMeeting),
    members: tx
      .select({
        personId: memberships.personId,
        name: people.displayName,
        role: memberships.role,
        presenting: memberships.presenting,
        joinedAt: memberships.joinedAt,
        // As toPerson reads it: the zone they chose, else the one their platform reports.
        zone: sql<string | null>`coalesce(${people.timeZone}, ${people.platformTimeZone})`,
      })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(and(eq(memberships.setId, setId), isNull(memberships.leftAt)))
      .orderBy(asc(memberships.id))
      .all(),
    slots: ids.length
      ? tx
          .select()
          .from(presenterSlots)
          .where(inArray(presenterSlots.meetingId, ids))
          .orderBy(asc(presenterSlots.id))
          .all()
          .map(toSlot)
      : [],
    absences: tx
      .select({ personId: absences.personId, from: absences.fromDate, until: absences.untilDate })
      .from(absences)
      .where(eq(absences.setId, setId))
      .all(),
    declined: ids.length
      ? tx
          .select({ meetingId: rsvps.meetingId, personId: rsvps.personId })
          .from(rsvps)
          .where(and(inArray(rsvps.meetingId, ids), eq(rsvps.answer, 'no')))
          .all()
      : [],
    jobs: tx
      .select({ id: jobs.id, kind: jobs.kind, dedupeKey: jobs.dedupeKey, status: jobs.status, runAt: jobs.runAt, staleAt: jobs.staleAt, attempts: jobs.attempts, lastError: jobs.lastError, payload: jobs.payload })
      .from(jobs)
      .where(eq(jobs.setId, setId))
      .all()
      .map(toOutboxEntry),
    runs: tx.select().from(meetingRuns).where(eq(meetingRuns.setId, setId)).orderBy(asc(meetingRuns.meetingId)).all().map(toRun),
    attendance: ids.length ? tx.select().from(attendance).where(inArray(attendance.meetingId, ids)).orderBy(asc(attendance.meetingId), asc(attendance.personId)).all().map(toAttendance) : [],
  };
}

function writeSlots(tx: Tx, w: PlanWrite['slots'], now: Date): void {
  for (const batch of chunks(w.remove)) tx.delete(presenterSlots).where(inArray(presenterSlots.id, batch)).run();
  const values = (slot: Slot) => slotColumns(slot, now);
  // Updates before inserts: a slot moving away (a swap) frees its place for a new one.
  for (const slot of w.update) tx.update(presenterSlots).set(values(slot)).where(eq(presenterSlots.id, slot.id)).run();
  for (const slot of w.insert) tx.insert(presenterSlots).values({ ...values(slot), createdAt: slot.createdAt }).run();
}

function writeJobs(tx: Tx, setId: number, w: PlanWrite['jobs'], now: Date): void {
  const fresh = w.insert.map((n) => ({
    kind: n.kind,
    dedupeKey: n.dedupeKey,
    setId,
    runAt: n.runAt,
    staleAt: n.staleAt,
    payload: jobPayload(n),
    createdAt: now,
    updatedAt: now,
  }));
  for (const batch of chunks(fresh)) tx.insert(jobs).values(batch).run();
  for (const u of w.update) {
    const revive = u.seen.status === 'skipped' ? { status: 'pending' as const, attempts: 0, lastError: null } : {};
    const done = tx
      .update(jobs)
      .set({ ...revive, runAt: u.runAt, staleAt: u.staleAt, payload: jobPayload(u), updatedAt: now })
      // The row as the snapshot saw it: the scheduler may have taken or retried it since.
      .where(and(eq(jobs.id, u.id), eq(jobs.status, u.seen.status), eq(jobs.attempts, u.seen.attempts), eq(jobs.runAt, u.seen.runAt)))
      .run();
    if (done.changes !== 1) throw new Changed();
  }
  for (const batch of chunks(w.skip)) {
    const done = tx
      .update(jobs)
      .set({ status: 'skipped', lastError: NO_LONGER_NEEDED, updatedAt: now })
      // `+status`: found by id, then checked. Without the plus, SQLite may walk the
      // status index through every pending job instead (350 ms a statement at 4.7
      // million planned; docs/benchmarks.md, B2's growth rows).
      .where(and(inArray(jobs.id, batch), sql`+${jobs.status} = 'pending'`))
      .run();
    if (done.changes !== batch.length) throw new Changed();
  }
}

export function planRepo(db: Db): PlanRepo {
  return {
    async snapshot(setId) {
      // One read transaction: every row as of one moment, the version with them.
      return db.transaction((tx) => read(tx, setId), { behavior: 'deferred' });
    },

    async commit(setId, version, write, now) {
      try {
        return db.transaction(
          (tx) => {
            if (!stillAt(tx, setId, version, 'plan')) return { ok: false as const, reason: 'changed' as const };
            writeSlots(tx, write.slots, now);
            writeJobs(tx, setId, write.jobs, now);
            return { ok: true as const, value: undefined };
          },
          { behavior: 'immediate' },
        );
      } catch (error) {
        if (error instanceof Changed) return { ok: false, reason: 'changed' };
        throw error;
      }
    },

    async owed(limit) {
      return db
        .select({ id: sets.id })
        .from(sets)
        .where(ne(sets.plannedVersion, sets.version))
        .orderBy(asc(sets.id))
        .limit(limit)
        .all()
        .map((r) => r.id);
    },
  };
}
