import { and, eq, inArray, isNull } from 'drizzle-orm';
import { programmeEnd } from '../../src/domain/meetings';
import { nudgeSettings, planNudges, type PlannedNudge } from '../../src/domain/nudges/catalogue';
import { jobs, meetings, memberships, people, presenterSlots, rsvps, scheduleRules, sets } from '../schema';
import type { Tx } from './tx';

/**
 * Brings a set's pending nudges in line with its present state, inside the caller's
 * transaction: the change and its nudges land together or not at all. Sent jobs are
 * never touched; pending ones no longer wanted are skipped, with the reason kept.
 */
export function replanJobsTx(tx: Tx, setId: number, now: Date): void {
  const set = tx.select().from(sets).where(eq(sets.id, setId)).get();
  if (!set) return;
  const setMeetings = tx.select().from(meetings).where(eq(meetings.setId, setId)).orderBy(meetings.startsAt, meetings.id).all();
  const members = tx
    .select({ personId: memberships.personId, role: memberships.role, zone: people.timeZone })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.setId, setId), isNull(memberships.leftAt)))
    .all();
  const ids = setMeetings.map((m) => m.id);
  const slots = ids.length
    ? tx.select({ meetingId: presenterSlots.meetingId, personId: presenterSlots.personId }).from(presenterSlots).where(and(inArray(presenterSlots.meetingId, ids), eq(presenterSlots.status, 'planned'))).orderBy(presenterSlots.position).all()
    : [];
  const declined = ids.length ? tx.select({ meetingId: rsvps.meetingId }).from(rsvps).where(and(inArray(rsvps.meetingId, ids), eq(rsvps.answer, 'no'))).all() : [];
  const rule = tx.select().from(scheduleRules).where(and(eq(scheduleRules.setId, setId), isNull(scheduleRules.supersededAt))).get();

  const presenters = new Map<number, number[]>();
  for (const s of slots) presenters.set(s.meetingId, [...(presenters.get(s.meetingId) ?? []), s.personId]);
  const noes = new Map<number, number>();
  for (const d of declined) noes.set(d.meetingId, (noes.get(d.meetingId) ?? 0) + 1);

  const end = programmeEnd(rule && { until: rule.untilDate, count: rule.count }, setMeetings);
  const wanted = set.status === 'open'
    ? planNudges({
        now,
        settings: nudgeSettings(set.settings),
        zone: set.timeZone,
        zones: new Map(members.flatMap((m) => (m.zone ? [[m.personId, m.zone] as const] : []))),
        minAttendance: set.minAttendance,
        meetings: setMeetings,
        memberIds: members.map((m) => m.personId),
        facilitatorIds: members.filter((m) => m.role === 'facilitator').map((m) => m.personId),
        finalMeetingId: end?.kind === 'final' ? end.meetingId : null,
        presenters,
        declined: noes,
      })
    : [];

  writeJobs(tx, setId, wanted, now);
}

/** Rows per statement: far inside SQLite's limit on bound variables, whatever a set's size. */
const BATCH = 200;
const chunks = <T>(items: readonly T[]): T[][] => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));
const samePayload = (a: unknown, n: PlannedNudge) => {
  const p = a as { meetingId?: unknown; personId?: unknown } | null;
  return p?.meetingId === n.meetingId && (p?.personId ?? null) === n.personId;
};

/**
 * Brings the set's job rows in line with `wanted`, writing only what differs: new
 * nudges are inserted in batches; a pending one whose time or subject moved is
 * updated (one waiting out a retry keeps its backoff, and Retry-After, if later); a
 * skipped one wanted again starts afresh; pending ones no longer wanted are skipped,
 * with the reason kept. Sent, failed and in-flight nudges are history and untouched.
 */
function writeJobs(tx: Tx, setId: number, wanted: readonly PlannedNudge[], now: Date): void {
  const existing = new Map(
    tx
      .select({ id: jobs.id, key: jobs.dedupeKey, status: jobs.status, runAt: jobs.runAt, staleAt: jobs.staleAt, attempts: jobs.attempts, payload: jobs.payload })
      .from(jobs)
      .where(eq(jobs.setId, setId))
      .all()
      .map((j) => [j.key, j]),
  );
  const fresh: (typeof jobs.$inferInsert)[] = [];
  for (const n of wanted) {
    const payload = { meetingId: n.meetingId, personId: n.personId };
    const job = existing.get(n.dedupeKey);
    if (!job) {
      fresh.push({ kind: n.kind, dedupeKey: n.dedupeKey, setId, runAt: n.runAt, staleAt: n.staleAt, payload, createdAt: now, updatedAt: now });
    } else if (job.status === 'skipped') {
      tx.update(jobs).set({ status: 'pending', attempts: 0, lastError: null, runAt: n.runAt, staleAt: n.staleAt, payload, updatedAt: now }).where(eq(jobs.id, job.id)).run();
    } else if (job.status === 'pending') {
      const runAt = job.attempts > 0 && job.runAt > n.runAt ? job.runAt : n.runAt;
      if (runAt.getTime() === job.runAt.getTime() && job.staleAt?.getTime() === n.staleAt.getTime() && samePayload(job.payload, n)) continue;
      tx.update(jobs).set({ runAt, staleAt: n.staleAt, payload, updatedAt: now }).where(eq(jobs.id, job.id)).run();
    }
  }
  for (const batch of chunks(fresh)) tx.insert(jobs).values(batch).run();
  const keep = new Set(wanted.map((n) => n.dedupeKey));
  const unwanted = [...existing.values()].filter((j) => j.status === 'pending' && !keep.has(j.key)).map((j) => j.id);
  for (const batch of chunks(unwanted)) {
    tx.update(jobs).set({ status: 'skipped', lastError: 'no longer needed: the meeting, the presenters or the set changed', updatedAt: now }).where(inArray(jobs.id, batch)).run();
  }
}
