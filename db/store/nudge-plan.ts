import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { programmeEnd } from '../../src/domain/meetings';
import { nudgeSettings, planNudges } from '../../src/domain/nudges/catalogue';
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

  for (const n of wanted) {
    const payload = { meetingId: n.meetingId, personId: n.personId };
    tx.insert(jobs)
      .values({ kind: n.kind, dedupeKey: n.dedupeKey, setId, runAt: n.runAt, staleAt: n.staleAt, payload, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: jobs.dedupeKey,
        set: {
          // A job waiting out a retry keeps its backoff (and Retry-After); others take the new time.
          runAt: sql`CASE WHEN ${jobs.status} = 'pending' AND ${jobs.attempts} > 0 THEN max(${jobs.runAt}, excluded.run_at) ELSE excluded.run_at END`,
          staleAt: n.staleAt,
          payload,
          // A skipped job wanted again starts afresh; a pending one keeps its count of tries.
          attempts: sql`CASE WHEN ${jobs.status} = 'skipped' THEN 0 ELSE ${jobs.attempts} END`,
          lastError: sql`CASE WHEN ${jobs.status} = 'skipped' THEN NULL ELSE ${jobs.lastError} END`,
          status: 'pending',
          updatedAt: now,
        },
        // A sent, failed or in-flight nudge is history; a skipped one comes back when wanted again.
        setWhere: sql`${jobs.status} IN ('pending', 'skipped')`,
      })
      .run();
  }
  const keep = wanted.map((n) => n.dedupeKey);
  tx.update(jobs)
    .set({ status: 'skipped', lastError: 'no longer needed: the meeting, the presenters or the set changed', updatedAt: now })
    .where(and(eq(jobs.setId, setId), eq(jobs.status, 'pending'), keep.length ? notInArray(jobs.dedupeKey, keep) : undefined))
    .run();
}
