/**
 * A report's figures from what a store counted (SetFigures): counts only, by meeting
 * and by member. Pure, so the same rows always give the same report.
 */

/**
 * What a report counts, read at one moment. Only ids, dates and statuses come back:
 * no challenge, action text, reflection or answer is read, so none can reach a
 * sponsor by mistake.
 */
export interface SetFigures {
  readonly setId: number;
  readonly name: string;
  readonly timeZone: string;
  /** Current members, facilitators first. */
  readonly members: readonly { readonly personId: number; readonly name: string }[];
  /** Every meeting, in time order. */
  readonly meetings: readonly { readonly id: number; readonly localDate: string; readonly startsAt: Date; readonly status: 'scheduled' | 'cancelled' | 'held'; readonly ran: boolean; readonly startedAt: Date | null }[];
  /** Who was marked there, at meetings run on the run-sheet. */
  readonly attendance: readonly { readonly meetingId: number; readonly personId: number; readonly present: boolean }[];
  /** Presenting slots that were presented. */
  readonly presented: readonly { readonly meetingId: number; readonly personId: number }[];
  readonly actions: readonly { readonly personId: number; readonly status: 'open' | 'done' | 'dropped'; readonly createdAt: Date }[];
  /** Reflections written for the set: who and when, never what. */
  readonly reflections: readonly { readonly personId: number; readonly createdAt: Date }[];
}

export interface MeetingFigures {
  readonly set: string;
  readonly date: string;
  /** Marked here on the run-sheet; null where the meeting was not run on one. */
  readonly attended: number | null;
  readonly members: number;
  readonly presentations: number;
  /** Actions committed from this meeting's start until the next meeting's. */
  readonly actions: number;
}

export interface MemberFigures {
  readonly set: string;
  readonly member: string;
  /** Meetings run on the run-sheet where they were marked here. */
  readonly attended: number;
  readonly presented: number;
  readonly actionsCommitted: number;
  readonly actionsDone: number;
  readonly reflections: number;
}

export interface SetReport {
  readonly meetings: readonly MeetingFigures[];
  readonly members: readonly MemberFigures[];
}

/**
 * The held meetings' figures and each current member's. An action counts at the held
 * meeting it was committed at or after (the first meeting takes any from before it),
 * so every action of the set counts once.
 */
export function setReport(f: SetFigures, now: Date): SetReport {
  // Held (a run-sheet may end one before its planned start), or under way: not cancelled, and started.
  const held = f.meetings.filter((m) => m.status === 'held' || (m.status === 'scheduled' && (m.ran || m.startsAt.getTime() <= now.getTime())));
  // A meeting begins when it was started on its run-sheet, if that was before its planned start.
  const begins = (m: (typeof held)[number]) => Math.min(m.startsAt.getTime(), m.startedAt?.getTime() ?? Infinity);
  const bucketOf = (at: Date): number | undefined => {
    let found: number | undefined = held[0]?.id;
    for (const m of held) if (begins(m) <= at.getTime()) found = m.id;
    return found;
  };
  const actionsAt = new Map<number, number>();
  for (const a of f.actions) {
    const id = bucketOf(a.createdAt);
    if (id !== undefined) actionsAt.set(id, (actionsAt.get(id) ?? 0) + 1);
  }
  const meetings = held.map((m) => ({
    set: f.name,
    date: m.localDate,
    attended: m.ran ? f.attendance.filter((a) => a.meetingId === m.id && a.present).length : null,
    members: f.members.length,
    presentations: f.presented.filter((p) => p.meetingId === m.id).length,
    actions: actionsAt.get(m.id) ?? 0,
  }));
  const heldIds = new Set(held.map((m) => m.id));
  const members = f.members.map((p) => ({
    set: f.name,
    member: p.name,
    attended: f.attendance.filter((a) => a.personId === p.personId && a.present && heldIds.has(a.meetingId)).length,
    presented: f.presented.filter((x) => x.personId === p.personId && heldIds.has(x.meetingId)).length,
    actionsCommitted: f.actions.filter((a) => a.personId === p.personId).length,
    actionsDone: f.actions.filter((a) => a.personId === p.personId && a.status === 'done').length,
    reflections: f.reflections.filter((r) => r.personId === p.personId).length,
  }));
  return { meetings, members };
}

/** One point of the chart: a period (a meeting's date, or a month) and its totals. */
export interface ChartPoint {
  readonly period: string;
  readonly attended: number;
  readonly actions: number;
}

/** A set's chart: one point a held meeting. A programme's: one a month, summed over its sets. */
export function chartPoints(meetings: readonly MeetingFigures[], by: 'meeting' | 'month'): ChartPoint[] {
  const points = new Map<string, { attended: number; actions: number }>();
  for (const m of [...meetings].sort((a, b) => a.date.localeCompare(b.date))) {
    const key = by === 'meeting' ? m.date : m.date.slice(0, 7);
    const p = points.get(key) ?? { attended: 0, actions: 0 };
    points.set(key, { attended: p.attended + (m.attended ?? 0), actions: p.actions + m.actions });
  }
  return [...points].map(([period, p]) => ({ period, ...p }));
}
