import type { AbsenceWhy, RotationMeeting, RotationSnapshot, SlotReason } from './types';

/** Where a member stands in the fair order before a given meeting. */
export interface Standing {
  /** Presentations in the current cycle; a cycle ends when everyone then in the set has presented. */
  cycleCount: number;
  lastPresented: RotationMeeting | null;
  /** Their most recent turn was missed (away, or said no): they go first next time. */
  missed: { readonly on: RotationMeeting; readonly why: AbsenceWhy } | null;
  readonly joinedAt: Date;
}

/**
 * Standings from the set's record of presented and missed slots in meetings before
 * `before`. Cycles are counted against the members who had joined by then, so a
 * newcomer gets one early turn, not a run of turns to catch up.
 */
export function standings(snapshot: RotationSnapshot, before: Date): Map<number, Standing> {
  const byId = new Map(snapshot.meetings.map((m) => [m.id, m]));
  const pool = snapshot.members.filter((m) => m.presenting);
  const table = new Map<number, Standing>(
    snapshot.members.map((m) => [m.personId, { cycleCount: 0, lastPresented: null, missed: null, joinedAt: m.joinedAt }]),
  );
  const record = snapshot.slots
    .filter((s) => s.status === 'presented' || s.status === 'absent')
    .map((s) => ({ slot: s, meeting: byId.get(s.meetingId)! }))
    .filter(({ slot, meeting }) => meeting && meeting.startsAt.getTime() < before.getTime() && table.has(slot.personId))
    .sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime());

  for (const { slot, meeting } of record) {
    const standing = table.get(slot.personId)!;
    if (slot.status === 'absent') {
      const why: AbsenceWhy = slot.reason.kind === 'said-no' ? 'said no' : slot.reason.kind === 'not-there' ? 'not there' : 'away';
      standing.missed = { on: meeting, why };
      continue;
    }
    standing.cycleCount += 1;
    standing.lastPresented = meeting;
    standing.missed = null;
    const joined = pool.filter((m) => m.joinedAt.getTime() <= meeting.startsAt.getTime());
    if (joined.length > 0 && joined.every((m) => table.get(m.personId)!.cycleCount >= 1)) {
      for (const m of joined) table.get(m.personId)!.cycleCount -= 1;
    }
  }
  return table;
}

/** The fair order: a missed turn first, then fewest this cycle, longest since presenting, earliest joined. */
export function compareStanding(a: [number, Standing], b: [number, Standing]): number {
  const [ida, sa] = a;
  const [idb, sb] = b;
  const last = (s: Standing) => s.lastPresented?.startsAt.getTime() ?? -Infinity;
  return (
    Number(sa.missed === null) - Number(sb.missed === null) ||
    sa.cycleCount - sb.cycleCount ||
    last(sa) - last(sb) ||
    sa.joinedAt.getTime() - sb.joinedAt.getTime() ||
    ida - idb
  );
}

/** The reason, in data, that a standing puts someone next. */
export function rotationReason(s: Standing): SlotReason {
  if (s.missed) return { kind: 'missed-turn', on: s.missed.on.localDate, why: s.missed.why };
  if (!s.lastPresented) return { kind: 'not-presented-yet' };
  if (s.cycleCount === 0) return { kind: 'not-this-cycle', last: s.lastPresented.localDate };
  return { kind: 'least-recent', last: s.lastPresented.localDate };
}
