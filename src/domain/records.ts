/** What members write and answer in a set: their actions, challenges, journal and RSVPs. */
import type { Role } from './model';
import type { SlotSource, SlotStatus } from './rotation/types';

export type RsvpAnswer = 'yes' | 'no' | 'maybe';

export interface Action {
  /** The person's own number for it in this set, as `actions` lists it. */
  readonly number: number;
  readonly text: string;
  readonly due: string | null;
  readonly status: 'open' | 'done' | 'dropped';
  readonly createdAt: Date;
}

export interface ChallengeVersion {
  readonly version: number;
  readonly fields: Readonly<Record<string, string>>;
  readonly createdAt: Date;
}

export interface JournalEntry {
  /** The person's own number for it, as `journal` lists it. */
  readonly number: number;
  readonly setId: number | null;
  readonly text: string;
  readonly createdAt: Date;
  readonly sharedAt: Date | null;
}

/** Everything Setwise holds about one person, as `privacy export` hands it to them. */
export interface PersonalData {
  readonly profile: {
    readonly name: string;
    readonly platformUserId: string;
    readonly timeZone: string | null;
    /** The zone their platform reported, used until they chose one. */
    readonly platformTimeZone: string | null;
    /** "HH:MM-HH:MM" in their zone. */
    readonly quietHours: string | null;
    readonly firstSeen: Date;
  } | null;
  readonly sets: readonly { readonly set: string; readonly role: Role; readonly presenting: boolean; readonly joined: Date; readonly left: Date | null }[];
  readonly challenges: readonly {
    readonly set: string;
    readonly version: number;
    readonly status: 'current' | 'superseded' | 'withdrawn';
    readonly written: Date;
    readonly fields: Readonly<Record<string, string>>;
  }[];
  readonly actions: readonly { readonly set: string; readonly text: string; readonly due: string | null; readonly status: Action['status']; readonly created: Date; readonly closed: Date | null }[];
  readonly reflections: readonly { readonly set: string | null; readonly text: string; readonly written: Date; readonly shared: Date | null }[];
  /** Meetings by their local date. */
  readonly rsvps: readonly { readonly meeting: string | null; readonly answer: RsvpAnswer; readonly answered: Date }[];
  readonly absences: readonly { readonly set: string; readonly from: string; readonly until: string }[];
  readonly presenting: readonly { readonly meeting: string | null; readonly status: SlotStatus; readonly source: SlotSource }[];
  /** Whether they were marked at meetings run on the run-sheet, and by whom. */
  readonly attendance: readonly { readonly meeting: string | null; readonly present: boolean; readonly markedBy: 'rsvp' | 'self' | 'facilitator' }[];
  /** Sets whose figures they see as a sponsor. */
  readonly sponsoring: readonly { readonly set: string; readonly since: Date }[];
}
