import type { Meeting, Occurrence, ScheduleRule } from './schedule';
import { resolveWallTime } from './wall-time';

/**
 * What a new rule does to a set's meetings. Only future meetings the old rule made
 * are replaced; held, cancelled, moved and added ones are history or a facilitator's
 * decision, and stay. A new occurrence on a date such a meeting holds (or was moved
 * from) is left out, so a moved meeting does not come back. A replaced meeting on
 * the same date keeps its id, so RSVPs and calendar entries follow it.
 */
export interface RuleChanges {
  readonly update: readonly { readonly id: number; readonly occurrence: Occurrence }[];
  readonly insert: readonly Occurrence[];
  readonly remove: readonly number[];
  readonly kept: readonly Meeting[];
}

export function ruleChanges(existing: readonly Meeting[], planned: readonly Occurrence[], now: Date): RuleChanges {
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

/** What moving a set to another zone does to its meetings, or why it cannot. */
export type Rezone =
  | { readonly ok: true; readonly update: readonly { readonly id: number; readonly occurrence: Occurrence }[] }
  /** At its wall time in the new zone, this meeting would already have started. */
  | { readonly ok: false; readonly reason: 'too-soon'; readonly meeting: Meeting }
  /** Across the change, these two meetings would overlap (a date line apart, say). */
  | { readonly ok: false; readonly reason: 'overlap'; readonly meeting: Meeting; readonly other: Meeting };

/**
 * A set changing zone keeps each upcoming meeting's local date and wall time (10:00
 * stays 10:00, now in the new zone). Held, running and cancelled meetings are
 * history and stay. The change is refused, whole, when an upcoming meeting would
 * already have started, or when two meetings would overlap: a set's meetings never
 * leave it half moved or out of order.
 */
export function rezone(existing: readonly Meeting[], zone: string, now: Date): Rezone {
  const update: { id: number; occurrence: Occurrence }[] = [];
  const after: { meeting: Meeting; start: number; end: number; moved: boolean }[] = [];
  for (const m of existing) {
    if (m.status === 'cancelled') continue;
    if (m.status !== 'scheduled' || m.startsAt.getTime() <= now.getTime() || m.zone === zone) {
      after.push({ meeting: m, start: m.startsAt.getTime(), end: m.endsAt.getTime(), moved: false });
      continue;
    }
    const resolved = resolveWallTime(m.localDate, m.requestedLocalTime ?? m.localTime, zone);
    if (resolved.instant.getTime() <= now.getTime()) return { ok: false, reason: 'too-soon', meeting: m };
    const occurrence = { ...resolved, ends: new Date(resolved.instant.getTime() + (m.endsAt.getTime() - m.startsAt.getTime())) };
    update.push({ id: m.id, occurrence });
    after.push({ meeting: m, start: occurrence.instant.getTime(), end: occurrence.ends.getTime(), moved: true });
  }
  after.sort((a, b) => a.start - b.start);
  for (let i = 1; i < after.length; i++) {
    const [a, b] = [after[i - 1]!, after[i]!];
    if ((a.moved || b.moved) && a.end > b.start) return { ok: false, reason: 'overlap', meeting: a.meeting, other: b.meeting };
  }
  return { ok: true, update };
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
