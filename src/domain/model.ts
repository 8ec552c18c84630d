import type { Address, Platform } from './address';
import type { NudgeSettings } from './nudges/settings';

export type Role = 'facilitator' | 'member';
export type SetStatus = 'open' | 'closed';

export interface Workspace {
  readonly id: number;
  readonly platform: Platform;
  readonly externalId: string;
}

export interface QuietHours {
  readonly start: string; // HH:MM, the person's local time
  readonly end: string;
}

export interface Person {
  readonly id: number;
  readonly workspaceId: number;
  readonly platformUserId: string;
  readonly displayName: string;
  /** IANA zone the person chose (`me tz`), or null to use the set's. */
  readonly timeZone: string | null;
  readonly quietHours: QuietHours | null;
  readonly dm: Address | null;
}

/** An action learning set: a small group that meets to support and challenge. */
export interface LearningSet {
  readonly id: number;
  readonly workspaceId: number;
  readonly name: string;
  /** Stable id of the channel the set is bound to, for lookups; opaque. */
  readonly channelId: string;
  readonly channelLabel: string;
  readonly channel: Address;
  readonly timeZone: string;
  readonly presentersPerMeeting: number;
  /** Below this many possible attendees, facilitators are told. */
  readonly minAttendance: number;
  readonly nudges: NudgeSettings;
  /** Leadership themes the facilitators chose for the set's prompts; empty for all. */
  readonly promptThemes: readonly string[];
  readonly status: SetStatus;
  readonly createdAt: Date;
  readonly closedAt: Date | null;
}

export interface Membership {
  readonly setId: number;
  readonly person: Person;
  readonly role: Role;
  readonly presenting: boolean;
  readonly joinedAt: Date;
}
