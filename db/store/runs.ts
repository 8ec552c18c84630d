import { and, asc, eq } from 'drizzle-orm';
import type { MeetingRunRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { attendance, meetingRuns, meetings, rsvps } from '../schema';
import { runColumns, toAttendance, toRun } from './rows';
import type { Tx } from './tx';
import { planOwed } from './versions';

const find = (tx: Pick<Db, 'select'>, meetingId: number) => {
  const row = tx.select().from(meetingRuns).where(eq(meetingRuns.meetingId, meetingId)).get();
  return row ? toRun(row) : undefined;
};

/** Moves a running run from `version` on; false, and nothing written, when it has moved on or ended. */
function bump(tx: Tx, meetingId: number, version: number, columns: Record<string, unknown>, now: Date): boolean {
  const done = tx
    .update(meetingRuns)
    .set({ ...columns, version: version + 1, updatedAt: now })
    .where(and(eq(meetingRuns.meetingId, meetingId), eq(meetingRuns.version, version), eq(meetingRuns.status, 'running')))
    .run();
  return done.changes === 1;
}

export function runRepo(db: Db): MeetingRunRepo {
  return {
    async get(meetingId) {
      return find(db, meetingId);
    },

    async running(setId) {
      const row = db.select().from(meetingRuns).where(and(eq(meetingRuns.setId, setId), eq(meetingRuns.status, 'running'))).orderBy(asc(meetingRuns.startedAt)).get();
      return row ? toRun(row) : undefined;
    },

    async start(run, now) {
      return db.transaction(
        (tx) => {
          const existing = find(tx, run.meetingId);
          if (existing) return { ok: false as const, existing };
          // Checked again here: a cancel may have landed since the core read the meeting.
          const meeting = tx.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, run.meetingId)).get();
          if (meeting?.status !== 'scheduled') return { ok: false as const, reason: 'not-scheduled' as const };
          tx.insert(meetingRuns)
            .values({ meetingId: run.meetingId, setId: run.setId, status: 'running', stages: run.stages.map((s) => ({ ...s })), stage: run.stage, stageStartedAt: run.stageStartedAt, bids: [], passed: [], startedBy: run.startedBy, startedAt: run.startedAt, updatedAt: now })
            .run();
          // Everyone who said they would come starts as here; anyone can correct it.
          const coming = tx.select({ personId: rsvps.personId }).from(rsvps).where(and(eq(rsvps.meetingId, run.meetingId), eq(rsvps.answer, 'yes'))).all();
          for (const { personId } of coming) tx.insert(attendance).values({ meetingId: run.meetingId, personId, present: true, source: 'rsvp', updatedAt: now }).onConflictDoNothing().run();
          planOwed(tx, [run.setId]);
          return { ok: true as const, run: find(tx, run.meetingId)! };
        },
        { behavior: 'immediate' },
      );
    },

    async change(meetingId, version, change, now) {
      return db.transaction(
        (tx) => {
          if (!bump(tx, meetingId, version, runColumns(change), now)) return { ok: false as const, reason: 'changed' as const };
          const run = find(tx, meetingId)!;
          planOwed(tx, [run.setId]);
          return { ok: true as const, value: run };
        },
        { behavior: 'immediate' },
      );
    },

    async end(meetingId, version, stage, at, now) {
      return db.transaction(
        (tx) => {
          if (!bump(tx, meetingId, version, { status: 'ended', stage, endedAt: at }, now)) return { ok: false as const, reason: 'changed' as const };
          // Held, unless it was cancelled while it ran: that stands.
          tx.update(meetings).set({ status: 'held', updatedAt: now }).where(and(eq(meetings.id, meetingId), eq(meetings.status, 'scheduled'))).run();
          const run = find(tx, meetingId)!;
          planOwed(tx, [run.setId]);
          return { ok: true as const, value: run };
        },
        { behavior: 'immediate' },
      );
    },

    async mark(meetingId, personId, present, source, now) {
      db.transaction(
        (tx) => {
          tx.insert(attendance)
            .values({ meetingId, personId, present, source, updatedAt: now })
            .onConflictDoUpdate({ target: [attendance.meetingId, attendance.personId], set: { present, source, updatedAt: now } })
            .run();
          const meeting = tx.select({ setId: meetings.setId }).from(meetings).where(eq(meetings.id, meetingId)).get();
          if (meeting) planOwed(tx, [meeting.setId]);
        },
        { behavior: 'immediate' },
      );
    },

    async attendance(meetingId) {
      return db.select().from(attendance).where(eq(attendance.meetingId, meetingId)).orderBy(asc(attendance.personId)).all().map(toAttendance);
    },
  };
}
