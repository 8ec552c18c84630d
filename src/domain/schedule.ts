/**
 * The schedule's entities: a set's rule, the occurrences it makes, and its meetings.
 * What changes do to them is decided in recurrence.ts and meetings.ts.
 */
import type { ResolvedTime } from './wall-time';

/** Which weekday of the month a monthly set meets on: the first to fourth, or the last (-1). */
export type MonthWeek = 1 | 2 | 3 | 4 | -1;

/** Every N weeks, or every N months on the nth weekday of the month. */
export type Cadence =
  | { readonly kind: 'weekly'; readonly everyWeeks: number }
  | { readonly kind: 'monthly'; readonly everyMonths: number; readonly week: MonthWeek };

/** A set's recurring meetings at a local time, for a programme with an end (or a year ahead). */
export interface ScheduleRule {
  readonly cadence: Cadence;
  readonly weekday: number; // ISO: 1 = Monday ... 7 = Sunday
  readonly localTime: string; // HH:MM
  readonly durationMinutes: number;
  readonly from: string; // YYYY-MM-DD, the first meeting is on or after it
  readonly until: string | null; // inclusive
  readonly count: number | null;
  readonly zone: string;
}

export interface Occurrence extends ResolvedTime {
  readonly ends: Date;
}

export type MeetingStatus = 'scheduled' | 'cancelled' | 'held';
export type MeetingOrigin = 'rule' | 'added' | 'moved';

/** One meeting of a set: the instant, and the local wall time and zone it was set in. */
export interface Meeting {
  readonly id: number;
  readonly setId: number;
  readonly ruleId: number | null;
  readonly localDate: string;
  readonly localTime: string;
  readonly zone: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly status: MeetingStatus;
  readonly origin: MeetingOrigin;
  /** The wall time asked for when it fell in a DST gap. */
  readonly requestedLocalTime: string | null;
  /** The date a moved meeting was first planned on. */
  readonly movedFromDate: string | null;
  readonly sequence: number;
  readonly updatedAt: Date;
}

export interface StoredRule extends ScheduleRule {
  readonly id: number;
  readonly createdAt: Date;
}

/** A meeting that has ended and was not cancelled counts as held. */
export const statusAt = (m: Meeting, now: Date): MeetingStatus =>
  m.status === 'scheduled' && m.endsAt.getTime() <= now.getTime() ? 'held' : m.status;

