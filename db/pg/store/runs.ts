import { and, asc, eq } from 'drizzle-orm';
import type { MeetingRunRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { attendance, meetingRuns, meetings, rsvps } from '../schema';
import { runColumns, toAttendance, toRun } from '../../store/rows';
import { serially, type Reader, type Tx } from './tx';
import { planOwed } from './versions';

/** The run-sheets as in ../../store/runs.ts (which says why), awaited. */
async function find(tx: Reader, meetingId: number) {
  const [row] = await tx.select().from(meetingRuns).where(eq(meetingRuns.meetingId, meetingId));
  return row ? toRun(row) : undefined;
}

async function bump(tx: Tx, meetingId: number, version: number, columns: Record<string, unknown>, now: Date): Promise<boolean> {
  const done = await tx
    .update(meetingRuns)
    .set({ ...columns, version: version + 1, updatedAt: now })
    .where(and(eq(meetingRuns.meetingId, meetingId), eq(meetingRuns.version, version), eq(meetingRuns.status, 'running')))
    .returning({ id: meetingRuns.meetingId });
  return done.length === 1;
}

export function runRepo(db: PgDb): MeetingRunRepo {
  return {
    async get(meetingId) {
      return find(db, meetingId);
    },

    async running(setId) {
      const [row] = await db.select().from(meetingRuns).where(and(eq(meetingRuns.setId, setId), eq(meetingRuns.status, 'running'))).orderBy(asc(meetingRuns.startedAt)).limit(1);
      return row ? toRun(row) : undefined;
    },

    async start(run, now) {
      return serially(db, async (tx) => {
        const existing = await find(tx, run.meetingId);
        if (existing) return { ok: false as const, existing };
        const [meeting] = await tx.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, run.meetingId));
        if (meeting?.status !== 'scheduled') return { ok: false as const, reason: 'not-scheduled' as const };
        await tx.insert(meetingRuns).values({ meetingId: run.meetingId, setId: run.setId, status: 'running', stages: run.stages.map((s) => ({ ...s })), stage: run.stage, stageStartedAt: run.stageStartedAt, bids: [], passed: [], startedBy: run.startedBy, startedAt: run.startedAt, updatedAt: now });
        const coming = await tx.select({ personId: rsvps.personId }).from(rsvps).where(and(eq(rsvps.meetingId, run.meetingId), eq(rsvps.answer, 'yes'))).orderBy(asc(rsvps.personId));
        for (const { personId } of coming) await tx.insert(attendance).values({ meetingId: run.meetingId, personId, present: true, source: 'rsvp', updatedAt: now }).onConflictDoNothing();
        await planOwed(tx, [run.setId]);
        return { ok: true as const, run: (await find(tx, run.meetingId))! };
      });
    },

    async change(meetingId, version, change, now) {
      return serially(db, async (tx) => {
        if (!(await bump(tx, meetingId, version, runColumns(change), now))) return { ok: false as const, reason: 'changed' as const };
        const run = (await find(tx, meetingId))!;
        await planOwed(tx, [run.setId]);
        return { ok: true as const, value: run };
      });
    },

    async end(meetingId, version, stage, at, now) {
      return serially(db, async (tx) => {
        if (!(await bump(tx, meetingId, version, { status: 'ended', stage, endedAt: at }, now))) return { ok: false as const, reason: 'changed' as const };
        await tx.update(meetings).set({ status: 'held', updatedAt: now }).where(and(eq(meetings.id, meetingId), eq(meetings.status, 'scheduled')));
        const run = (await find(tx, meetingId))!;
        await planOwed(tx, [run.setId]);
        return { ok: true as const, value: run };
      });
    },

    async mark(meetingId, personId, present, source, now) {
      await serially(db, async (tx) => {
        await tx
          .insert(attendance)
          .values({ meetingId, personId, present, source, updatedAt: now })
          .onConflictDoUpdate({ target: [attendance.meetingId, attendance.personId], set: { present, source, updatedAt: now } });
        const [meeting] = await tx.select({ setId: meetings.setId }).from(meetings).where(eq(meetings.id, meetingId));
        if (meeting) await planOwed(tx, [meeting.setId]);
      });
    },

    async attendance(meetingId) {
      return (await db.select().from(attendance).where(eq(attendance.meetingId, meetingId)).orderBy(asc(attendance.personId))).map(toAttendance);
    },
  };
}
