import type { Occurrence, ScheduleRule } from './recurrence';
import { resolveWallTime } from './wall-time';

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

/**
 * What a new rule does to a set's meetings. Only future meetings the old rule made
 * are replaced; held, cancelled, moved and added ones are history or a facilitator's
 * decision, and stay. A new occurrence on a date such a meeting holds (or was moved
 * from) is left out, so a moved meeting does not come back. A replaced meeting on
 * the same date keeps its id, so RSVPs and calendar entries follow it.
 */
export interface Replan {
  readonly update: readonly { readonly id: number; readonly occurrence: Occurrence }[];
  readonly insert: readonly Occurrence[];
  readonly remove: readonly number[];
  readonly kept: readonly Meeting[];
}

export function replan(existing: readonly Meeting[], planned: readonly Occurrence[], now: Date): Replan {
  const replaceable = (m: Meeting) => m.status === 'scheduled' && m.origin === 'rule' && m.startsAt.getTime() > now.getTime();
  const kept = existing.filter((m) => !replaceable(m));
  const taken = new Set(kept.flatMap((m) => (m.movedFromDate ? [m.localDate, m.movedFromDate] : [m.localDate])));
  const reusable = new Map(existing.filter(replaceable).map((m) => [m.localDate, m]));
  const update: { id: number; occurrence: Occurrence }[] = [];
  const insert: Occurrence[] = [];
  for (const occurrence of planned) {
    if (occurrence.instant.getTime() <= now.getTime() || taken.has(occurrence.localDate)) continue;
    const same = reusable.get(occurrence.localDate);
    if (same) {
      update.push({ id: same.id, occurrence });
      reusable.delete(occurrence.localDate);
    } else {
      insert.push(occurrence);
    }
  }
  return { update, insert, remove: [...reusable.values()].map((m) => m.id), kept };
}

/** What moving a set to another zone does to its meetings. */
export interface Rezone {
  /** Future meetings, at the same local date and wall time in the new zone. */
  readonly update: readonly { readonly id: number; readonly occurrence: Occurrence }[];
  /** Future meetings that would already have started at that wall time in the new zone: they keep their time. */
  readonly tooSoon: readonly Meeting[];
}

/**
 * A set changing zone keeps each upcoming meeting's local date and wall time (10:00
 * stays 10:00, now in the new zone). Held and cancelled meetings are history.
 */
export function rezone(existing: readonly Meeting[], zone: string, now: Date): Rezone {
  const update: { id: number; occurrence: Occurrence }[] = [];
  const tooSoon: Meeting[] = [];
  for (const m of existing) {
    if (m.status !== 'scheduled' || m.startsAt.getTime() <= now.getTime() || m.zone === zone) continue;
    const resolved = resolveWallTime(m.localDate, m.requestedLocalTime ?? m.localTime, zone);
    if (resolved.instant.getTime() <= now.getTime()) {
      tooSoon.push(m);
      continue;
    }
    update.push({ id: m.id, occurrence: { ...resolved, ends: new Date(resolved.instant.getTime() + (m.endsAt.getTime() - m.startsAt.getTime())) } });
  }
  return { update, tooSoon };
}

/**
 * How a programme ends. With an end date or a number of meetings, it ends with its
 * last meeting not cancelled, and everyone gets the end-of-programme review the day
 * after: the copy and the nudge plan both read it from here, so they cannot disagree.
 * With neither, meetings are planned a year ahead and there is no end yet.
 */
export type ProgrammeEnd =
  | { readonly kind: 'final'; readonly date: string; readonly meetingId: number; readonly until: string | null }
  | { readonly kind: 'horizon'; readonly date: string; readonly meetingId: number };

type EndingMeeting = Pick<Meeting, 'id' | 'localDate' | 'status'>;

export function programmeEnd(rule: Pick<ScheduleRule, 'until' | 'count'> | undefined, meetings: readonly EndingMeeting[]): ProgrammeEnd | undefined {
  const last = meetings.filter((m) => m.status !== 'cancelled').at(-1);
  if (!rule || !last) return undefined;
  if (rule.until === null && rule.count === null) return { kind: 'horizon', date: last.localDate, meetingId: last.id };
  return { kind: 'final', date: last.localDate, meetingId: last.id, until: rule.until };
}
