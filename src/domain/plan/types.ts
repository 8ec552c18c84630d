/**
 * What a set's plan reads (a snapshot of its rows) and what a re-plan writes back.
 * Stores fill and apply these; the rules that turn one into the other are in ./set-plan.ts.
 */
import type { LearningSet, Role } from '../model';
import type { NudgeKind, PlannedNudge } from '../nudges/job';
import type { Slot } from '../rotation/types';
import type { Meeting, ScheduleRule } from '../schedule';
import type { Attendance, MeetingRun } from '../run/types';

/** A current member, as the rotation and the nudges read them. */
export interface PlanMember {
  readonly personId: number;
  readonly name: string;
  readonly role: Role;
  readonly presenting: boolean;
  readonly joinedAt: Date;
  /** Their own zone, or null to count days in the set's. */
  readonly zone: string | null;
}

export type JobStatus = 'pending' | 'claimed' | 'done' | 'skipped' | 'dead';

/** One of the set's outbox rows, as a re-plan compares it with what it wants. */
export interface OutboxEntry {
  readonly id: number;
  readonly kind: NudgeKind;
  readonly dedupeKey: string;
  readonly status: JobStatus;
  readonly runAt: Date;
  readonly staleAt: Date | null;
  readonly attempts: number;
  /** Why it was skipped, or its last failed try. */
  readonly lastError: string | null;
  readonly meetingId: number | null;
  readonly personId: number | null;
}

/** Everything one set's plan depends on, read at one moment. */
export interface PlanSnapshot {
  /** The set's version when read: the plan commits only if it is still this. */
  readonly version: number;
  /** A change has committed since the set's plan was last made: a re-plan is owed. */
  readonly owed: boolean;
  readonly set: LearningSet;
  /** The active rule's ending (whether the programme has a last meeting) and meeting length. */
  readonly rule: Pick<ScheduleRule, 'until' | 'count' | 'durationMinutes'> | null;
  /** Every meeting of the set, in time order. */
  readonly meetings: readonly Meeting[];
  readonly members: readonly PlanMember[];
  /** Every presenting slot at the set's meetings. */
  readonly slots: readonly Slot[];
  readonly absences: readonly { readonly personId: number; readonly from: string; readonly until: string }[];
  /** Who said no to which meeting. */
  readonly declined: readonly { readonly meetingId: number; readonly personId: number }[];
  readonly jobs: readonly OutboxEntry[];
  /** The run-sheets of the set's meetings (running or ended), and who was marked here or not at them. */
  readonly runs: readonly MeetingRun[];
  readonly attendance: readonly Attendance[];
}

export type StoredSlot = Slot & { readonly id: number };

/**
 * A nudge row brought up to date. `seen` is the row as the snapshot read it: if the
 * scheduler has taken or moved it since, the store refuses the whole plan (a conflict)
 * rather than overwrite it.
 */
export interface JobUpdate {
  readonly id: number;
  readonly seen: { readonly status: 'pending' | 'skipped'; readonly attempts: number; readonly runAt: Date };
  readonly runAt: Date;
  readonly staleAt: Date;
  readonly meetingId: number;
  readonly personId: number | null;
}

/** Only the rows that differ: a re-plan that changes nothing writes nothing but the version. */
export interface PlanWrite {
  readonly slots: { readonly remove: readonly number[]; readonly update: readonly StoredSlot[]; readonly insert: readonly Slot[] };
  readonly jobs: {
    readonly insert: readonly PlannedNudge[];
    /** Pending ones moved, and skipped ones wanted again (which start afresh). */
    readonly update: readonly JobUpdate[];
    /** Pending ones no longer wanted. */
    readonly skip: readonly number[];
  };
}

/** Why a skipped nudge was not sent: kept on the row. */
export const NO_LONGER_NEEDED = 'no longer needed: the meeting, the presenters or the set changed';
