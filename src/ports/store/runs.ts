/** Meetings run live on their run-sheet, and who was there. */
import type { Attendance, MeetingRun, RunChange } from '../../domain/run/types';
import type { Committed } from './plans';

export type NewRun = Omit<MeetingRun, 'status' | 'endedAt' | 'version' | 'posted'>;

/** Started; or the meeting has a run already; or it is no longer scheduled (cancelled meanwhile). */
export type RunStart =
  | { readonly ok: true; readonly run: MeetingRun }
  | { readonly ok: false; readonly existing: MeetingRun }
  | { readonly ok: false; readonly reason: 'not-scheduled' };

/** Every write here that succeeds leaves the set's plan owed: the run decides heads-ups, and its end settles the rotation. */
export interface MeetingRunRepo {
  get(meetingId: number): Promise<MeetingRun | undefined>;
  /** The set's meeting running now, if any. */
  running(setId: number): Promise<MeetingRun | undefined>;
  /**
   * Atomic: starts the meeting's run unless it has one (then returns that) or is no
   * longer scheduled, marking here everyone who answered yes to it.
   */
  start(run: NewRun, now: Date): Promise<RunStart>;
  /** Atomic, if the run is still running at `version`: applies the change. */
  change(meetingId: number, version: number, change: RunChange, now: Date): Promise<Committed<MeetingRun>>;
  /** Atomic, if the run is still running at `version`: ends it at `at` on stage `stage`, and the meeting is held. */
  end(meetingId: number, version: number, stage: number, at: Date, now: Date): Promise<Committed<MeetingRun>>;
  /** Records whether a person was there; `source` says who said so. */
  mark(meetingId: number, personId: number, present: boolean, source: Attendance['source'], now: Date): Promise<void>;
  attendance(meetingId: number): Promise<Attendance[]>;
}
