/**
 * A meeting as it runs: the stages of the practice, each with a time box, the stage
 * now running, the bids taken live, and who is here. One record per meeting, kept
 * until the meeting is history; what it settles (who presented, who missed a turn)
 * goes to the rotation when it ends.
 */

/** The practice's stages, in order; an issue stage belongs to one presenter. */
export type StageKind = 'checkin' | 'bids' | 'issue' | 'actions' | 'review';

export interface Stage {
  readonly kind: StageKind;
  /** The time box, in whole minutes. */
  readonly minutes: number;
  /** The presenter whose issue this is (issue stages only). */
  readonly presenterId?: number;
}

export type RunStatus = 'running' | 'ended';

/** A bid for time made during the bids stage. */
export interface LiveBid {
  readonly personId: number;
  readonly at: Date;
}

export interface MeetingRun {
  readonly meetingId: number;
  readonly setId: number;
  readonly status: RunStatus;
  readonly stages: readonly Stage[];
  /** The stage now running, an index into `stages`; at the end, the last one reached. */
  readonly stage: number;
  readonly stageStartedAt: Date;
  readonly bids: readonly LiveBid[];
  /** Planned presenters who gave their place up on the day. */
  readonly passed: readonly number[];
  /** The run-sheet message as the chat posted it, to edit in place; opaque to the core. */
  readonly posted: unknown;
  readonly startedBy: number;
  readonly startedAt: Date;
  readonly endedAt: Date | null;
  /** Bumped by every change, so two facilitators pressing Next at once move one stage, not two. */
  readonly version: number;
}

/** Who was there: pre-filled from RSVPs, then each person's own word or a facilitator's. */
export interface Attendance {
  readonly meetingId: number;
  readonly personId: number;
  readonly present: boolean;
  readonly source: 'rsvp' | 'self' | 'facilitator';
}

/** A change to a running meeting, written only if the run is still at the version it was read at. */
export type RunChange = Partial<Pick<MeetingRun, 'stages' | 'stage' | 'stageStartedAt' | 'bids' | 'passed' | 'posted'>>;

/**
 * A run nobody ended is ended for them this long after the later of its planned end
 * and its meeting's: a forgotten `meeting end` must not hold the rotation, and the
 * reflections, for ever.
 */
export const RUN_CLOSES_AFTER_MS = 6 * 3_600_000;

/** A heads-up this long before a time box ends. */
export const HEADS_UP_MINUTES = 5;
