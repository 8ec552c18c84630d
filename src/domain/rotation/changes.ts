import { SetwiseError } from '../errors';
import type { RotationMeeting, RotationSnapshot, Slot } from './types';

export type RotationChange =
  | { readonly kind: 'replan' }
  | { readonly kind: 'bid'; readonly personId: number; readonly meetingId: number; readonly on: string }
  | { readonly kind: 'withdraw'; readonly personId: number; readonly meetingId: number | null }
  | { readonly kind: 'swap'; readonly a: number; readonly b: number; readonly requestedBy: number; readonly byFacilitator: boolean };

export type ChangeOutcome = 'done' | 'swapped' | 'swap-requested';

const nameOf = (s: RotationSnapshot, personId: number) => s.members.find((m) => m.personId === personId)?.name ?? 'someone';

/** A person's next planned slot, at `meetingId` if given. */
function nextSlot(s: RotationSnapshot, personId: number, meetingId: number | null): Slot | undefined {
  // Still to come, and not begun early on its run-sheet.
  const future = new Map(s.meetings.filter((m) => !m.run && m.startsAt.getTime() > s.now.getTime()).map((m, i) => [m.id, i]));
  return s.slots
    .filter((x) => x.personId === personId && x.status === 'planned' && future.has(x.meetingId) && (meetingId === null || x.meetingId === meetingId))
    .sort((a, b) => future.get(a.meetingId)! - future.get(b.meetingId)!)[0];
}

const replace = (slots: readonly Slot[], ...changed: Slot[]) => slots.map((x) => changed.find((c) => c === x || (c.id !== null && c.id === x.id)) ?? x);

function bid(s: RotationSnapshot, personId: number, meeting: RotationMeeting, on: string, label: string): Slot[] {
  const here = s.slots.filter((x) => x.meetingId === meeting.id);
  const mine = here.find((x) => x.personId === personId);
  if (mine?.status === 'planned') throw new SetwiseError('conflict', `You are already presenting on ${label}.`);
  if (mine?.status === 'withdrawn') throw new SetwiseError('conflict', `You withdrew from ${label}; a withdrawn slot is not taken back.`);
  if (s.absences.some((a) => a.personId === personId && a.from <= meeting.localDate && meeting.localDate <= a.until)) {
    throw new SetwiseError('conflict', `You are marked away on ${label}.`);
  }
  if (s.declined.some((d) => d.personId === personId && d.meetingId === meeting.id)) {
    throw new SetwiseError('conflict', `You said you will not come on ${label}.`, 'Change your answer with `rsvp yes` first.');
  }
  if (!s.members.find((m) => m.personId === personId)?.presenting) {
    throw new SetwiseError('conflict', 'You have opted out of presenting.', 'Opt back in with `presenting on`.');
  }
  // Bids go ahead of the rotation, but not of other bids, swaps or presenters already told.
  const held = here.filter((x) => x.status === 'planned' && (x.source !== 'rotation' || x.notifiedAt !== null)).sort((a, b) => a.position - b.position);
  if (held.length >= s.presentersPerMeeting) {
    throw new SetwiseError('conflict', `Every place on ${label} is taken (${held.map((x) => `@${nameOf(s, x.personId)}`).join(', ')}).`, 'Try another date with `bid <date>`.');
  }
  const slot: Slot = {
    id: mine?.id ?? null,
    meetingId: meeting.id,
    personId,
    position: 0,
    source: 'bid',
    status: 'planned',
    reason: { kind: 'bid', on },
    notifiedAt: null,
    swapWith: null,
    createdAt: s.now,
  };
  return mine ? replace(s.slots, slot) : [...s.slots, slot];
}

function swap(s: RotationSnapshot, change: Extract<RotationChange, { kind: 'swap' }>): { slots: Slot[]; outcome: ChangeOutcome } {
  const sa = nextSlot(s, change.a, null);
  const sb = nextSlot(s, change.b, null);
  const missing = !sa ? change.a : !sb ? change.b : undefined;
  if (missing !== undefined) throw new SetwiseError('conflict', `@${nameOf(s, missing)} has no planned presenting slot to swap.`, 'Type `rotation` to see who presents when.');
  if (sa!.meetingId === sb!.meetingId) throw new SetwiseError('conflict', `@${nameOf(s, change.a)} and @${nameOf(s, change.b)} already present at the same meeting.`);
  const clash = (slot: Slot, personId: number) => s.slots.some((x) => x.meetingId === slot.meetingId && x.personId === personId);
  if (clash(sb!, change.a) || clash(sa!, change.b)) {
    throw new SetwiseError('conflict', `One of them has already withdrawn from or missed the other meeting, so they cannot swap into it.`);
  }
  const other = change.requestedBy === change.a ? sb! : sa!;
  const agreed = change.byFacilitator || other.swapWith === change.requestedBy;
  if (!agreed) {
    const mine = change.requestedBy === change.a ? sa! : sb!;
    const partner = change.requestedBy === change.a ? change.b : change.a;
    return { slots: replace(s.slots, { ...mine, swapWith: partner }), outcome: 'swap-requested' };
  }
  const swapped = (slot: Slot, to: Slot, withId: number): Slot => ({
    ...slot,
    meetingId: to.meetingId,
    source: 'swap',
    reason: { kind: 'swap', with: nameOf(s, withId), withId },
    notifiedAt: null, // a new date: the presenter will need telling again
    swapWith: null,
  });
  return { slots: replace(s.slots, swapped(sa!, sb!, change.b), swapped(sb!, sa!, change.a)), outcome: 'swapped' };
}

/** Applies one member's change to the slots, or refuses it with the reason. */
export function applyChange(s: RotationSnapshot, change: RotationChange, label: (m: RotationMeeting) => string): { slots: Slot[]; outcome: ChangeOutcome } {
  switch (change.kind) {
    case 'replan':
      return { slots: [...s.slots], outcome: 'done' };
    case 'bid': {
      const meeting = s.meetings.find((m) => m.id === change.meetingId)!;
      return { slots: bid(s, change.personId, meeting, change.on, label(meeting)), outcome: 'done' };
    }
    case 'withdraw': {
      const slot = nextSlot(s, change.personId, change.meetingId);
      if (!slot) {
        const meeting = s.meetings.find((m) => m.id === change.meetingId);
        throw new SetwiseError('not-found', meeting ? `You have no presenting slot on ${label(meeting)}.` : 'You have no presenting slot coming up.');
      }
      return { slots: replace(s.slots, { ...slot, status: 'withdrawn', reason: { kind: 'withdrew' }, swapWith: null }), outcome: 'done' };
    }
    case 'swap':
      return swap(s, change);
  }
}
