import { programmeEnd } from '../meetings';
import { planNudges } from '../nudges/catalogue';
import { applyChange, type ChangeOutcome, type RotationChange } from '../rotation/changes';
import { planRotation } from '../rotation/plan';
import type { RotationMeeting, RotationSnapshot } from '../rotation/types';
import { outboxChanges } from './outbox';
import { slotChanges } from './slots';
import type { PlanSnapshot, PlanWrite } from './types';

export interface SetPlan {
  readonly outcome: ChangeOutcome;
  /** The rotation as it will be once the plan is committed (new slots have no id yet). */
  readonly rotation: RotationSnapshot;
  readonly write: PlanWrite;
}

/** What the rotation rules read, from a set's snapshot. */
export function rotationOf(s: PlanSnapshot, now: Date): RotationSnapshot {
  return {
    now,
    presentersPerMeeting: s.set.presentersPerMeeting,
    members: s.members.map((m) => ({ personId: m.personId, name: m.name, joinedAt: m.joinedAt, presenting: m.presenting })),
    meetings: s.meetings.map((m) => ({ id: m.id, localDate: m.localDate, startsAt: m.startsAt, endsAt: m.endsAt, status: m.status })),
    slots: s.slots,
    absences: s.absences,
    declined: s.declined,
  };
}

/**
 * A set's whole plan from one snapshot: the change (a bid, a swap...) applied, past
 * meetings settled, the next ones' presenters chosen, then every nudge its future
 * should hold, since who presents decides who is told. Pure: a store only applies
 * the result, and only if nothing changed since the snapshot was read.
 */
export function planSet(s: PlanSnapshot, now: Date, change: RotationChange, label: (m: RotationMeeting) => string): SetPlan {
  const before = rotationOf(s, now);
  const { slots: changed, outcome } = applyChange(before, change, label);
  const slots = planRotation({ ...before, slots: changed });

  const presenters = new Map<number, number[]>();
  for (const x of [...slots].filter((x) => x.status === 'planned').sort((a, b) => a.position - b.position)) {
    presenters.set(x.meetingId, [...(presenters.get(x.meetingId) ?? []), x.personId]);
  }
  const noes = new Map<number, number>();
  for (const d of s.declined) noes.set(d.meetingId, (noes.get(d.meetingId) ?? 0) + 1);
  const end = programmeEnd(s.rule ?? undefined, s.meetings);
  const wanted =
    s.set.status === 'open'
      ? planNudges({
          now,
          settings: s.set.nudges,
          zone: s.set.timeZone,
          zones: new Map(s.members.flatMap((m) => (m.zone ? [[m.personId, m.zone] as const] : []))),
          minAttendance: s.set.minAttendance,
          meetings: s.meetings,
          memberIds: s.members.map((m) => m.personId),
          facilitatorIds: s.members.filter((m) => m.role === 'facilitator').map((m) => m.personId),
          finalMeetingId: end?.kind === 'final' ? end.meetingId : null,
          presenters,
          declined: noes,
        })
      : [];

  return {
    outcome,
    rotation: { ...before, slots },
    write: { slots: slotChanges(before.slots, slots), jobs: outboxChanges(s.jobs, wanted) },
  };
}

/** Whether a plan would write nothing: the set's rows already are its plan. */
export const isEmptyPlan = (w: PlanWrite): boolean =>
  w.slots.remove.length + w.slots.update.length + w.slots.insert.length + w.jobs.insert.length + w.jobs.update.length + w.jobs.skip.length === 0;
