import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SetwiseError } from '../../src/domain/errors';
import { applyChange, type RotationChange } from '../../src/domain/rotation/changes';
import { planRotation } from '../../src/domain/rotation/plan';
import type { RotationMeeting, RotationSnapshot, Slot } from '../../src/domain/rotation/types';

const DAY = 86_400_000;
const START = Date.UTC(2027, 0, 5, 10);

/** A set of `size` members meeting weekly, `count` times, all joined before the first meeting. */
function setOf(size: number, count: number, presenters: number): RotationSnapshot {
  const meetings: RotationMeeting[] = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    localDate: new Date(START + i * 7 * DAY).toISOString().slice(0, 10),
    startsAt: new Date(START + i * 7 * DAY),
    endsAt: new Date(START + i * 7 * DAY + 3 * 3600_000),
    status: 'scheduled',
  }));
  return {
    now: new Date(START - DAY),
    presentersPerMeeting: presenters,
    members: Array.from({ length: size }, (_, i) => ({ personId: i + 1, name: `m${i + 1}`, joinedAt: new Date(START - 30 * DAY), presenting: true })),
    meetings,
    slots: [],
    absences: [],
    declined: [],
  };
}

/** Stores a plan as a database would: new slots get ids. */
let nextId = 1;
const store = (slots: Slot[]): Slot[] => slots.map((s) => (s.id === null ? { ...s, id: nextId++ } : s));
const planned = (s: RotationSnapshot, meetingId: number) => s.slots.filter((x) => x.meetingId === meetingId && x.status === 'planned').map((x) => x.personId);
const label = (m: RotationMeeting) => m.localDate;

/** Runs the set through its meetings: plan before each, then let it happen. */
function run(initial: RotationSnapshot, away: (personId: number, meeting: RotationMeeting) => boolean) {
  let s: RotationSnapshot = {
    ...initial,
    absences: initial.meetings.flatMap((m) => initial.members.filter((p) => away(p.personId, m)).map((p) => ({ personId: p.personId, from: m.localDate, until: m.localDate }))),
  };
  const presented: number[][] = [];
  for (const meeting of s.meetings) {
    s = { ...s, now: new Date(meeting.startsAt.getTime() - DAY) };
    s = { ...s, slots: store(planRotation(s)) };
    presented.push(planned(s, meeting.id));
    s = { ...s, now: new Date(meeting.endsAt.getTime() + 1) };
  }
  s = { ...s, slots: store(planRotation(s)) };
  return { s, presented };
}

const shape = fc.record({ size: fc.integer({ min: 3, max: 8 }), presenters: fc.integer({ min: 1, max: 2 }), meetings: fc.integer({ min: 4, max: 16 }) });

describe('the presenter rotation', () => {
  it('with no absences, everyone presents once before anyone presents twice', () => {
    fc.assert(
      fc.property(shape, ({ size, presenters, meetings }) => {
        const { presented } = run(setOf(size, meetings, presenters), () => false);
        const counts = new Map<number, number>();
        for (const people of presented) {
          expect(people).toHaveLength(presenters);
          expect(new Set(people).size).toBe(people.length);
          for (const p of people) counts.set(p, (counts.get(p) ?? 0) + 1);
          const all = Array.from({ length: size }, (_, i) => counts.get(i + 1) ?? 0);
          expect(Math.max(...all) - Math.min(...all)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('with absences, nobody who was available is skipped twice in a row, and a missed turn comes first', () => {
    fc.assert(
      fc.property(shape, fc.array(fc.boolean(), { minLength: 128, maxLength: 128 }), ({ size, presenters, meetings }, coin) => {
        const isAway = (p: number, m: RotationMeeting) => coin[(p * 13 + m.id * 7) % coin.length]! && coin[(p + m.id) % coin.length]!;
        const { s, presented } = run(setOf(size, meetings, presenters), isAway);
        const totals = new Map<number, number>();
        const skipped = new Map<number, number>();
        s.meetings.forEach((m, k) => {
          const chosen = presented[k]!;
          const available = s.members.map((x) => x.personId).filter((p) => !isAway(p, m));
          const most = Math.max(-1, ...chosen.map((p) => totals.get(p) ?? 0));
          for (const p of available) {
            // Skipped: free, not chosen, while someone who had presented more was.
            const passedOver = !chosen.includes(p) && (totals.get(p) ?? 0) < most;
            skipped.set(p, passedOver ? (skipped.get(p) ?? 0) + 1 : 0);
            expect(skipped.get(p), `person ${p} at meeting ${m.id}`).toBeLessThan(2);
          }
          for (const p of chosen) totals.set(p, (totals.get(p) ?? 0) + 1);
        });
        // Whoever was planned and then away presents at their next meeting (if there is room for them).
        for (const slot of s.slots.filter((x) => x.status === 'absent')) {
          const missedAt = s.meetings.findIndex((m) => m.id === slot.meetingId);
          const next = s.meetings.findIndex((m, i) => i > missedAt && !isAway(slot.personId, m));
          if (next > 0 && presented[next]!.length > 0) {
            const others = s.slots.filter((x) => x.status === 'absent' && x.personId !== slot.personId && s.meetings.findIndex((m) => m.id === x.meetingId) < next);
            if (others.length < presenters) expect(presented[next], `person ${slot.personId}`).toContain(slot.personId);
          }
        }
      }),
    );
  });

  it('never gives anyone two places at one meeting, whatever bids, swaps and withdrawals come', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('bid' as const), person: fc.integer({ min: 1, max: 8 }), meeting: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('withdraw' as const), person: fc.integer({ min: 1, max: 8 }), meeting: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('swap' as const), person: fc.integer({ min: 1, max: 8 }), other: fc.integer({ min: 1, max: 8 }), facilitator: fc.boolean() }),
    );
    fc.assert(
      fc.property(shape, fc.array(op, { maxLength: 25 }), ({ size, presenters, meetings }, ops) => {
        let s = setOf(size, meetings, presenters);
        s = { ...s, slots: store(planRotation(s)) };
        for (const o of ops) {
          const change: RotationChange =
            o.kind === 'bid'
              ? { kind: 'bid', personId: ((o.person - 1) % size) + 1, meetingId: o.meeting, on: '2027-01-01' }
              : o.kind === 'withdraw'
                ? { kind: 'withdraw', personId: ((o.person - 1) % size) + 1, meetingId: o.meeting }
                : { kind: 'swap', a: ((o.person - 1) % size) + 1, b: ((o.other - 1) % size) + 1, requestedBy: ((o.person - 1) % size) + 1, byFacilitator: o.facilitator };
          try {
            const { slots } = applyChange(s, change, label);
            s = { ...s, slots: store(planRotation({ ...s, slots })) };
          } catch (error) {
            expect(error).toBeInstanceOf(SetwiseError); // a refusal, not a crash
          }
          for (const m of s.meetings) {
            const rows = s.slots.filter((x) => x.meetingId === m.id).map((x) => x.personId);
            expect(new Set(rows).size).toBe(rows.length);
            expect(planned(s, m.id).length).toBeLessThanOrEqual(presenters);
          }
        }
      }),
    );
  });

  it('keeps a slot whose presenter has been told, unless they withdraw or are away', () => {
    let s = setOf(6, 4, 2);
    s = { ...s, slots: store(planRotation(s)) };
    const told = s.slots.find((x) => x.meetingId === 2 && x.position === 2)!;
    s = { ...s, slots: s.slots.map((x) => (x.id === told.id ? { ...x, notifiedAt: s.now } : x)) };
    // Someone who has never presented joins: they would otherwise take the place.
    s = { ...s, members: [...s.members, { personId: 7, name: 'new', joinedAt: s.now, presenting: true }] };
    s = { ...s, slots: store(planRotation(s)) };
    expect(planned(s, 2)).toContain(told.personId);
    s = { ...s, absences: [{ personId: told.personId, from: '2027-01-12', until: '2027-01-12' }] };
    s = { ...s, slots: store(planRotation(s)) };
    expect(planned(s, 2)).not.toContain(told.personId);
  });
});
