/** Why someone holds a presenting slot, stored as data and worded by the copy. */
export type SlotReason =
  | { readonly kind: 'not-presented-yet' }
  | { readonly kind: 'not-this-cycle'; readonly last: string }
  | { readonly kind: 'least-recent'; readonly last: string }
  | { readonly kind: 'missed-turn'; readonly on: string; readonly why: AbsenceWhy }
  | { readonly kind: 'bid'; readonly on: string }
  /** `withId` names the person for erasure, whatever they are called by then (absent in older rows). */
  | { readonly kind: 'swap'; readonly with: string; readonly withId?: number }
  | { readonly kind: 'withdrew' }
  | { readonly kind: 'away' }
  | { readonly kind: 'said-no' }
  /** Not there on the day, by the meeting's own record of who came. */
  | { readonly kind: 'not-there' }
  | { readonly kind: 'opted-out' };

export type AbsenceWhy = 'away' | 'said no' | 'not there';
export type SlotSource = 'rotation' | 'bid' | 'swap' | 'facilitator';
export type SlotStatus = 'planned' | 'presented' | 'absent' | 'withdrawn';

/** One presenting slot: a person at a meeting. `id` is null for a slot not stored yet. */
export interface Slot {
  readonly id: number | null;
  readonly meetingId: number;
  readonly personId: number;
  readonly position: number;
  readonly source: SlotSource;
  readonly status: SlotStatus;
  readonly reason: SlotReason;
  /** When the presenter was told; a told rotation slot is sticky. */
  readonly notifiedAt: Date | null;
  readonly swapWith: number | null;
  readonly createdAt: Date;
}

export interface RotationMember {
  readonly personId: number;
  readonly name: string;
  readonly joinedAt: Date;
  /** False when the member has opted out of presenting. */
  readonly presenting: boolean;
}

export interface RotationMeeting {
  readonly id: number;
  readonly localDate: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly status: 'scheduled' | 'cancelled' | 'held';
  /** The meeting's live run, where it had one: under way, or ended with who came and who presented. */
  readonly run?: LiveRecord;
}

/** What a run-sheet tells the rotation. */
export type LiveRecord =
  /** `closesAt`: when a run nobody ended is ended for them (see the meeting-ended job). */
  | { readonly status: 'running'; readonly closesAt: Date }
  /** `passed`: planned presenters who gave the day's place back themselves, during bids. */
  | { readonly status: 'ended'; readonly on: string; readonly attended: readonly number[]; readonly presented: readonly number[]; readonly passed: readonly number[] };

/** Everything the rotation rules read about one set, as of `now`. */
export interface RotationSnapshot {
  readonly now: Date;
  readonly presentersPerMeeting: number;
  readonly members: readonly RotationMember[];
  /** All the set's meetings, in time order. */
  readonly meetings: readonly RotationMeeting[];
  readonly slots: readonly Slot[];
  readonly absences: readonly { readonly personId: number; readonly from: string; readonly until: string }[];
  readonly declined: readonly { readonly meetingId: number; readonly personId: number }[];
}

/** How many meetings ahead the rotation plans. */
export const WINDOW = 2;
