/** A set's rule and meetings. Meeting writes leave the set's plan owed. */
import type { Meeting, Occurrence, ScheduleRule, StoredRule } from '../../domain/schedule';
import type { Committed } from './plans';

export type ClashResult<T> = { readonly ok: true; readonly meeting: T } | { readonly ok: false; readonly clash: Meeting };

/** What a new rule (or zone) does to the set's meetings, worked out by the core. */
export interface MeetingChanges {
  readonly update: readonly { readonly id: number; readonly occurrence: Occurrence }[];
  readonly insert: readonly Occurrence[];
  /** Never-held future meetings to delete, with what hangs off them. */
  readonly remove: readonly number[];
}

export interface MeetingRepo {
  activeRule(setId: number): Promise<StoredRule | undefined>;
  /**
   * Atomic, if the set is still at `version`: supersedes the set's rule, applies the
   * meeting changes under it and makes its zone the set's. Returns the new rule.
   */
  replaceRule(setId: number, version: number, rule: ScheduleRule, changes: MeetingChanges, createdBy: number, now: Date): Promise<Committed<StoredRule>>;
  /** Every meeting of the set, in time order. */
  list(setId: number): Promise<Meeting[]>;
  get(meetingId: number): Promise<Meeting | undefined>;
  /** Atomic: refuses when another scheduled meeting is on the same local date. */
  add(setId: number, occurrence: Occurrence, now: Date): Promise<ClashResult<Meeting>>;
  /** Atomic: moves a meeting, remembering the date it was first planned on. */
  move(meetingId: number, to: Occurrence, now: Date): Promise<ClashResult<Meeting>>;
  cancel(meetingId: number, now: Date): Promise<Meeting>;
  /**
   * Atomic, if the set is still at `version`: moves the set, its rule and the given
   * meetings to another zone. Returns the moved meetings as they are now.
   */
  rezone(setId: number, version: number, zone: string, moves: MeetingChanges['update'], now: Date): Promise<Committed<Meeting[]>>;
}
