import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { PlanSnapshot, PlanWrite } from '../../../src/domain/plan/types';
import { NO_LONGER_NEEDED } from '../../../src/domain/plan/types';
import type { Slot } from '../../../src/domain/rotation/types';
import type { PlanRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { absences, attendance, jobs, meetingRuns, meetings, memberships, people, presenterSlots, rsvps, scheduleRules, sets } from '../schema';
import { jobPayload, slotColumns, toAttendance, toMeeting, toOutboxEntry, toRun, toSet, toSlot } from '../../store/rows';
import { serially, snapshotRead, type Reader, type Tx } from './tx';
import { stillAt } from './versions';

/** Rows per statement: far inside Postgres' limit of 65535 bound parameters, whatever a set's size. */
const BATCH = 200;
const chunks = <T>(items: readonly T[]): T[][] => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

/** The commit found a row the snapshot did not: roll everything back. */
class Changed extends Error {}

async function read(tx: Reader, setId: number): Promise<PlanSnapshot | undefined> {
  const [set] = await tx.select().from(sets).where(eq(sets.id, setId));
  if (!set) return undefined;
  const setMeetings = await tx.select().from(meetings).where(eq(meetings.setId, setId)).orderBy(asc(meetings.startsAt), asc(meetings.id));
  const ids = setMeetings.map((m) => m.id);
  const [rule] = await tx
    .select({ until: scheduleRules.untilDate, count: scheduleRules.count, durationMinutes: scheduleRules.durationMinutes })
    .from(scheduleRules)
    .where(and(eq(scheduleRules.setId, setId), isNull(scheduleRules.supersededAt)))
    .limit(1);
  const members = await tx
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
    .orderBy(asc(memberships.id));
  const slots = ids.length
    ? (await tx.select().from(presenterSlots).where(inArray(presenterSlots.meetingId, ids)).orderBy(asc(presenterSlots.id))).map(toSlot)
    : [];
  // SQLite reads these three unordered (in index order); Postgres is given an order, so a snapshot is the same every time.
  const setAbsences = await tx
    .select({ personId: absences.personId, from: absences.fromDate, until: absences.untilDate })
    .from(absences)
    .where(eq(absences.setId, setId))
    .orderBy(asc(absences.personId), asc(absences.id));
  const declined = ids.length
    ? await tx
        .select({ meetingId: rsvps.meetingId, personId: rsvps.personId })
        .from(rsvps)
        .where(and(inArray(rsvps.meetingId, ids), eq(rsvps.answer, 'no')))
        .orderBy(asc(rsvps.meetingId), asc(rsvps.personId))
    : [];
  const outbox = await tx
    .select({ id: jobs.id, kind: jobs.kind, dedupeKey: jobs.dedupeKey, status: jobs.status, runAt: jobs.runAt, staleAt: jobs.staleAt, attempts: jobs.attempts, lastError: jobs.lastError, payload: jobs.payload })
    .from(jobs)
    .where(eq(jobs.setId, setId))
    .orderBy(asc(jobs.id));
  return {
    version: set.version,
    owed: set.plannedVersion !== set.version,
    set: toSet(set),
    rule: rule ?? null,
    meetings: setMeetings.map(toMeeting),
    members,
    slots,
    absences: setAbsences,
    declined,
    // Field by field, not by spreading: a set's outbox runs to thousands of rows.
    jobs: outbox.map(toOutboxEntry),
    runs: (await tx.select().from(meetingRuns).where(eq(meetingRuns.setId, setId)).orderBy(asc(meetingRuns.meetingId))).map(toRun),
    attendance: ids.length ? (await tx.select().from(attendance).where(inArray(attendance.meetingId, ids)).orderBy(asc(attendance.meetingId), asc(attendance.personId))).map(toAttendance) : [],
  };
}

async function writeSlots(tx: Tx, w: PlanWrite['slots'], now: Date): Promise<void> {
  for (const batch of chunks(w.remove)) await tx.delete(presenterSlots).where(inArray(presenterSlots.id, batch));
  const values = (slot: Slot) => slotColumns(slot, now);
  // Updates before inserts: a slot moving away (a swap) frees its place for a new one.
  for (const slot of w.update) await tx.update(presenterSlots).set(values(slot)).where(eq(presenterSlots.id, slot.id));
  for (const slot of w.insert) await tx.insert(presenterSlots).values({ ...values(slot), createdAt: slot.createdAt });
}

async function writeJobs(tx: Tx, setId: number, w: PlanWrite['jobs'], now: Date): Promise<void> {
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
  for (const batch of chunks(fresh)) await tx.insert(jobs).values(batch);
  for (const u of w.update) {
    const revive = u.seen.status === 'skipped' ? { status: 'pending' as const, attempts: 0, lastError: null } : {};
    const done = await tx
      .update(jobs)
      .set({ ...revive, runAt: u.runAt, staleAt: u.staleAt, payload: jobPayload(u), updatedAt: now })
      // The row as the snapshot saw it: the scheduler may have taken or retried it since.
      .where(and(eq(jobs.id, u.id), eq(jobs.status, u.seen.status), eq(jobs.attempts, u.seen.attempts), eq(jobs.runAt, u.seen.runAt)))
      .returning({ id: jobs.id });
    if (done.length !== 1) throw new Changed();
  }
  for (const batch of chunks(w.skip)) {
    const done = await tx
      .update(jobs)
      .set({ status: 'skipped', lastError: NO_LONGER_NEEDED, updatedAt: now })
      .where(and(inArray(jobs.id, batch), eq(jobs.status, 'pending')))
      .returning({ id: jobs.id });
    if (done.length !== batch.length) throw new Changed();
  }
}

export function planRepo(db: PgDb): PlanRepo {
  return {
    async snapshot(setId) {
      // One read transaction: every row as of one moment, the version with them.
      return snapshotRead(db, (tx) => read(tx, setId));
    },

    async commit(setId, version, write, now) {
      try {
        // Awaited here, so a Changed thrown inside (after the rollback) is caught below.
        return await serially(db, async (tx) => {
          if (!(await stillAt(tx, setId, version, 'plan'))) return { ok: false as const, reason: 'changed' as const };
          await writeSlots(tx, write.slots, now);
          await writeJobs(tx, setId, write.jobs, now);
          return { ok: true as const, value: undefined };
        });
      } catch (error) {
        if (error instanceof Changed) return { ok: false, reason: 'changed' };
        throw error;
      }
    },

    async owed(limit) {
      const rows = await db
        .select({ id: sets.id })
        .from(sets)
        .where(ne(sets.plannedVersion, sets.version))
        .orderBy(asc(sets.id))
        .limit(limit);
      return rows.map((r) => r.id);
    },
  };
}
