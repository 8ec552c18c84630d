import { programmeEnd } from '../meetings';
import { planNudges, type HeadsUp } from '../nudges/catalogue';
import { plannedEnd, presentedIn, stageEndsAt } from '../run/stages';
import { HEADS_UP_MINUTES, RUN_CLOSES_AFTER_MS } from '../run/types';
import type { Meeting } from '../schedule';
import { applyChange, type ChangeOutcome, type RotationChange } from '../rotation/changes';
import { planRotation } from '../rotation/plan';
import type { LiveRecord, RotationMeeting, RotationSnapshot } from '../rotation/types';
import { outboxChanges } from './outbox';
import { slotChanges } from './slots';
import type { PlanSnapshot, PlanWrite } from './types';

export interface SetPlan {
  readonly outcome: ChangeOutcome;
  /** The rotation as it will be once the plan is committed (new slots have no id yet). */
  readonly rotation: RotationSnapshot;
  readonly write: PlanWrite;
}

/** What a meeting's run-sheet tells the plan: under way, or who came and who presented. */
function liveRecord(s: PlanSnapshot, m: Meeting): LiveRecord | undefined {
  const run = s.runs.find((r) => r.meetingId === m.id);
  if (!run) return undefined;
  if (run.status === 'running') return { status: 'running', closesAt: new Date(Math.max(m.endsAt.getTime(), plannedEnd(run).getTime()) + RUN_CLOSES_AFTER_MS) };
  const attended = s.attendance.filter((a) => a.meetingId === m.id && a.present).map((a) => a.personId);
  return { status: 'ended', on: m.localDate, attended, presented: presentedIn(run), passed: run.passed };
}

/** The set's meetings as the plan reads them: a meeting ended on its run-sheet ends when it really did. */
function meetingsOf(s: PlanSnapshot): RotationMeeting[] {
  return s.meetings.map((m) => {
    const run = liveRecord(s, m);
    const endedAt = s.runs.find((r) => r.meetingId === m.id)?.endedAt;
    return { id: m.id, localDate: m.localDate, startsAt: m.startsAt, endsAt: endedAt ?? m.endsAt, status: m.status, ...(run ? { run } : {}) };
  });
}

/** A heads-up for the running stage of each meeting under way, to whoever started it. */
function headsUps(s: PlanSnapshot): HeadsUp[] {
  return s.runs.flatMap((run) => {
    const stage = run.stages[run.stage];
    if (run.status !== 'running' || !stage || stage.minutes <= HEADS_UP_MINUTES) return [];
    const end = stageEndsAt(run);
    return [{ meetingId: run.meetingId, stage: run.stage, minutes: stage.minutes, personId: run.startedBy, runAt: new Date(end.getTime() - HEADS_UP_MINUTES * 60_000), staleAt: end }];
  });
}

/** What the rotation rules read, from a set's snapshot. */
export function rotationOf(s: PlanSnapshot, now: Date): RotationSnapshot {
  return {
    now,
    presentersPerMeeting: s.set.presentersPerMeeting,
    members: s.members.map((m) => ({ personId: m.personId, name: m.name, joinedAt: m.joinedAt, presenting: m.presenting })),
    meetings: meetingsOf(s),
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
          meetings: before.meetings,
          headsUps: headsUps(s),
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
