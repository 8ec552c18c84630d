import { compareStanding, rotationReason, standings } from './standing';
import { WINDOW, type RotationMeeting, type RotationSnapshot, type Slot } from './types';

const isAway = (s: RotationSnapshot, personId: number, m: RotationMeeting) =>
  s.absences.some((a) => a.personId === personId && a.from <= m.localDate && m.localDate <= a.until);
const saidNo = (s: RotationSnapshot, personId: number, m: RotationMeeting) =>
  s.declined.some((d) => d.personId === personId && d.meetingId === m.id);

/** The next meetings the rotation fills: scheduled and not started. */
export const windowOf = (s: RotationSnapshot): RotationMeeting[] =>
  s.meetings.filter((m) => m.status === 'scheduled' && !m.run && m.startsAt.getTime() > s.now.getTime()).slice(0, WINDOW);

/**
 * A meeting whose run-sheet recorded who came and who presented settles from that
 * record: a planned presenter who was not there missed a turn (the rotation puts them
 * first next time), one who was there but did not present gave the place up, and
 * someone who presented on a bid made on the day gets the slot that says so.
 */
function settleFromRecord(s: RotationSnapshot, slots: Slot[]): Slot[] {
  const out = slots.map((slot): Slot => {
    const run = s.meetings.find((m) => m.id === slot.meetingId)?.run;
    if (run?.status !== 'ended') return slot;
    // Presented on the day, whatever the slot said before (a place given back, then bid for again).
    if (run.presented.includes(slot.personId)) return slot.status === 'presented' ? slot : { ...slot, status: 'presented', swapWith: null };
    // Given back, or missed for a reason known before the day: that stands. A slot the plan
    // settled as presented (a meeting started after its planned end) is settled again from the record.
    if (slot.status === 'withdrawn' || slot.status === 'absent') return slot;
    // Gave the place back during bids: a withdrawal, whether they then stayed or not.
    if (run.passed.includes(slot.personId)) return { ...slot, status: 'withdrawn', reason: { kind: 'withdrew' }, swapWith: null };
    if (!run.attended.includes(slot.personId)) return { ...slot, status: 'absent', reason: { kind: 'not-there' }, swapWith: null };
    return { ...slot, status: 'withdrawn', reason: { kind: 'withdrew' }, swapWith: null };
  });
  for (const m of s.meetings) {
    if (m.run?.status !== 'ended') continue;
    const run = m.run;
    run.presented.forEach((personId, i) => {
      if (out.some((x) => x.meetingId === m.id && x.personId === personId)) return;
      out.push({ id: null, meetingId: m.id, personId, position: i + 1, source: 'bid', status: 'presented', reason: { kind: 'bid', on: run.on }, notifiedAt: null, swapWith: null, createdAt: s.now });
    });
  }
  return out;
}

/** Settles slots against what happened and who can come; returns the slots that remain. */
function settle(s: RotationSnapshot): Slot[] {
  const meetings = new Map(s.meetings.map((m) => [m.id, m]));
  const members = new Map(s.members.map((m) => [m.personId, m]));
  const now = s.now.getTime();
  return settleFromRecord(s, [...s.slots]).flatMap((slot): Slot[] => {
    const m = meetings.get(slot.meetingId);
    if (!m || slot.status !== 'planned') return [slot];
    if (m.run) return [slot]; // under way on its run-sheet, however long it runs
    const away = isAway(s, slot.personId, m);
    const no = saidNo(s, slot.personId, m);
    if (m.status === 'cancelled') return []; // nobody missed a turn at a meeting that did not happen
    if (m.endsAt.getTime() <= now) {
      // The meeting is over: it was presented unless the presenter could not be there.
      if (away || no) return [{ ...slot, status: 'absent', reason: { kind: no ? 'said-no' : 'away' } }];
      return [{ ...slot, status: 'presented' }];
    }
    if (m.startsAt.getTime() <= now) return [slot]; // under way: leave it be
    const member = members.get(slot.personId);
    if (!member) return []; // left the set
    if (!member.presenting) return [{ ...slot, status: 'withdrawn', reason: { kind: 'opted-out' }, swapWith: null }];
    if (away || no) return [{ ...slot, status: 'absent', reason: { kind: no ? 'said-no' : 'away' }, swapWith: null }];
    return [slot];
  });
}

/**
 * The rotation for the next meetings. Bids, swaps and slots whose presenter has been
 * told are kept; the rest of each meeting's places go to the fairest candidates, and
 * a planned presenter counts as having presented when the meeting after is planned.
 */
export function planRotation(snapshot: RotationSnapshot): Slot[] {
  let slots = settle(snapshot);
  const n = snapshot.presentersPerMeeting;
  const window = windowOf(snapshot);
  const inWindow = new Set(window.map((m) => m.id));
  // A meeting under way on its run-sheet (started early, its planned start still ahead) is not the future: its presenters stay.
  const future = new Set(snapshot.meetings.filter((m) => !m.run && m.startsAt.getTime() > snapshot.now.getTime()).map((m) => m.id));
  // Under way: running on its run-sheet, or between its planned start and end.
  const now = snapshot.now.getTime();
  const underWay = new Set(
    snapshot.meetings.filter((m) => m.status === 'scheduled' && (m.run?.status === 'running' || (!m.run && m.startsAt.getTime() <= now && now < m.endsAt.getTime()))).map((m) => m.id),
  );

  // Rotation picks outside the window are stale (the window moved): let the plan redo them.
  slots = slots.filter((x) => !(x.status === 'planned' && x.source === 'rotation' && !x.notifiedAt && future.has(x.meetingId) && !inWindow.has(x.meetingId)));

  for (const meeting of window) {
    const here = slots.filter((x) => x.meetingId === meeting.id);
    const planned = here.filter((x) => x.status === 'planned');
    // Bids are first come; the database id breaks a tie between two in the same instant.
    const fixed = planned
      .filter((x) => x.source !== 'rotation')
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id ?? Infinity) - (b.id ?? Infinity));
    const sticky = planned.filter((x) => x.source === 'rotation' && x.notifiedAt !== null);
    const kept = [...fixed, ...sticky].slice(0, n);
    const keptIds = new Set(kept.map((x) => x.personId));

    // Earlier meetings of the window count as presented, so the next one moves on, and so
    // does a meeting under way (its presenters are presenting now, however early it began);
    // so do places already held later in the window (bids, swaps, told presenters), so a
    // swap is not undone by the rotation handing the same person this meeting too.
    const startOf = new Map(snapshot.meetings.map((m) => [m.id, m.startsAt.getTime()]));
    const at = meeting.startsAt.getTime();
    const asPresented = (x: Slot): Slot => (x.status === 'planned' ? { ...x, status: 'presented' } : x);
    const virtual: RotationSnapshot = {
      ...snapshot,
      slots: [
        ...slots.filter((x) => startOf.get(x.meetingId)! < at).map((x) => (inWindow.has(x.meetingId) || underWay.has(x.meetingId) ? asPresented(x) : x)),
        ...slots
          .filter((x) => startOf.get(x.meetingId)! > at && inWindow.has(x.meetingId) && x.status === 'planned' && (x.source !== 'rotation' || x.notifiedAt))
          .map(asPresented),
      ],
    };
    const table = standings(virtual, new Date(8.64e15));
    const taken = new Set(here.map((x) => x.personId));
    const picks = snapshot.members
      .filter((m) => m.presenting && !taken.has(m.personId) && !isAway(snapshot, m.personId, meeting) && !saidNo(snapshot, m.personId, meeting))
      .map((m) => [m.personId, table.get(m.personId)!] as [number, NonNullable<ReturnType<typeof table.get>>])
      .concat(planned.filter((x) => x.source === 'rotation' && x.notifiedAt === null).map((x) => [x.personId, table.get(x.personId)!]))
      .filter(([id, st]) => st !== undefined && !keptIds.has(id))
      .sort(compareStanding)
      .slice(0, Math.max(0, n - kept.length));

    const existing = new Map(planned.filter((x) => x.source === 'rotation' && x.notifiedAt === null).map((x) => [x.personId, x]));
    const chosen: Slot[] = [
      ...kept,
      ...picks.map(([personId, standing]): Slot => ({
        ...(existing.get(personId) ?? {
          id: null,
          meetingId: meeting.id,
          personId,
          source: 'rotation',
          status: 'planned',
          notifiedAt: null,
          swapWith: null,
          createdAt: snapshot.now,
        }),
        reason: rotationReason(standing),
        position: 0,
      })),
    ].map((x, i) => ({ ...x, position: i + 1 }));
    const dropped = planned.filter((x) => !chosen.some((c) => c.personId === x.personId));
    slots = [
      ...slots.filter((x) => x.meetingId !== meeting.id),
      ...here.filter((x) => x.status !== 'planned'),
      ...chosen,
      // Bids beyond the places (presenters was lowered) are handed back, not silently lost.
      ...dropped.filter((x) => x.source !== 'rotation').map((x): Slot => ({ ...x, status: 'withdrawn', reason: { kind: 'withdrew' } })),
    ];
  }
  return slots;
}
