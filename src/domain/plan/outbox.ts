import type { PlannedNudge } from '../nudges/job';
import type { JobUpdate, OutboxEntry, PlanWrite } from './types';

/**
 * The writes that bring a set's outbox in line with the nudges it should hold. New
 * nudges are inserted; a pending one whose time or subject moved is updated (one
 * waiting out a retry keeps its backoff, and Retry-After, if that is later); a skipped
 * one wanted again starts afresh; pending ones no longer wanted are skipped. Sent,
 * failed and in-flight nudges are history and untouched.
 */
export function outboxChanges(existing: readonly OutboxEntry[], wanted: readonly PlannedNudge[]): PlanWrite['jobs'] {
  const byKey = new Map(existing.map((j) => [j.dedupeKey, j]));
  const insert: PlannedNudge[] = [];
  const update: JobUpdate[] = [];
  for (const n of wanted) {
    const job = byKey.get(n.dedupeKey);
    if (!job) {
      insert.push(n);
      continue;
    }
    if (job.status !== 'pending' && job.status !== 'skipped') continue;
    const runAt = job.status === 'pending' && job.attempts > 0 && job.runAt > n.runAt ? job.runAt : n.runAt;
    const unchanged =
      job.status === 'pending' &&
      runAt.getTime() === job.runAt.getTime() &&
      job.staleAt?.getTime() === n.staleAt.getTime() &&
      job.meetingId === n.meetingId &&
      job.personId === n.personId;
    if (unchanged) continue;
    update.push({
      id: job.id,
      seen: { status: job.status, attempts: job.attempts, runAt: job.runAt },
      runAt,
      staleAt: n.staleAt,
      meetingId: n.meetingId,
      personId: n.personId,
    });
  }
  const keep = new Set(wanted.map((n) => n.dedupeKey));
  const skip = existing.filter((j) => j.status === 'pending' && !keep.has(j.dedupeKey)).map((j) => j.id);
  return { insert, update, skip };
}
