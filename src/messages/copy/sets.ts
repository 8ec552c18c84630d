import { SET_SIZE } from '../../domain/limits';
import type { LearningSet, Membership, Person } from '../../domain/model';
import type { Rezone } from '../../domain/meetings';
import type { Meeting } from '../../domain/schedule';
import { listOf, plural, who } from '../format';
import { dayLabel, meetingTime } from '../when';
import { gapNote } from './meetings';
import type { Message } from '../model';

const sizeNote = (count: number): string | undefined =>
  count < SET_SIZE.comfortableMin || count > SET_SIZE.comfortableMax
    ? `${plural(count, 'person', 'people')} in the set; sets work best with ${SET_SIZE.comfortableMin} to ${SET_SIZE.comfortableMax}.`
    : undefined;

/** How the set's zone was chosen: given, the creator's own, or UTC for want of either. */
export type ZoneSource = 'given' | 'yours' | 'default';

export function setCreated(set: LearningSet, source: ZoneSource): Message {
  const zone =
    source === 'given'
      ? `Time zone: ${set.timeZone}.`
      : `Time zone: ${set.timeZone}, ${source === 'yours' ? 'your own, as none was given' : 'as none was given'}: change it with \`set tz <zone>\`, e.g. \`set tz Europe/London\`.`;
  return {
    tone: 'success',
    text: `Created the action learning set ${set.name} in ${set.channelLabel}. ${zone} You are its facilitator. Next: add people with \`member add @name ...\`.`,
  };
}

/** After `set tz`: the new zone, and the meetings that kept their local time there. */
export function zoneChanged(set: LearningSet, zone: string, moved: readonly Meeting[]): Message {
  const head = `${set.name} now meets in ${zone} time (it was ${set.timeZone}).`;
  const kept = moved.length
    ? `${plural(moved.length, 'upcoming meeting')} keep${moved.length === 1 ? 's' : ''} ${moved.length === 1 ? 'its' : 'their'} local time in ${zone}, and ${moved.length === 1 ? 'its' : 'their'} nudges have moved with ${moved.length === 1 ? 'it' : 'them'}:`
    : 'There are no upcoming meetings to move.';
  const shown = moved.slice(0, 6).map((m) => meetingTime(m, zone));
  const more = moved.length > shown.length ? [`...and ${moved.length - shown.length} more: type \`meetings\` to see them all.`] : [];
  const notes = [...moved.filter((m) => m.requestedLocalTime).map(gapNote), 'Each person still sees times in their own zone (`me tz <zone>`).'];
  return {
    tone: 'success',
    text: [head, kept, ...[...shown, ...more].map((l) => `- ${l}`), ...notes].join('\n'),
    blocks: [
      { type: 'paragraph', text: `${head} ${kept}` },
      ...(shown.length ? [{ type: 'list' as const, items: [...shown, ...more] }] : []),
      ...notes.map((text) => ({ type: 'context' as const, text })),
    ],
  };
}

/** Why a set cannot move to `zone` now. */
export function zoneRefused(why: Exclude<Rezone, { ok: true }>, zone: string): string {
  const m = why.meeting;
  if (why.reason === 'too-soon') return `The meeting on ${dayLabel(m.localDate)} would already have started at ${m.requestedLocalTime ?? m.localTime} ${zone}, so the set cannot move to ${zone} time yet.`;
  return `In ${zone} time the meeting on ${dayLabel(m.localDate)} would overlap the one on ${dayLabel(why.other.localDate)}.`;
}

export function setInfo(set: LearningSet, members: readonly Membership[], viewer: Person): Message {
  const names = (role: Membership['role']) => members.filter((m) => m.role === role).map((m) => who(m.person));
  const facilitators = names('facilitator');
  const others = names('member');
  const zone =
    viewer.timeZone && viewer.timeZone !== set.timeZone ? `${set.timeZone} (yours: ${viewer.timeZone})` : set.timeZone;
  const note = sizeNote(members.length);
  const zoneHint = 'Facilitators change the set\'s zone with `set tz <zone>`; anyone sees times in their own with `me tz <zone>`.';
  return {
    text: `${set.name} in ${set.channelLabel}. Time zone: ${zone}. Facilitators: ${listOf(facilitators)}. Members: ${others.length ? listOf(others) : 'none yet'}. ${zoneHint}`,
    blocks: [
      { type: 'heading', text: set.name },
      {
        type: 'fields',
        fields: [
          { label: 'Channel', value: set.channelLabel },
          { label: 'Time zone', value: zone },
          { label: 'Facilitators', value: facilitators.join(', ') },
          { label: 'Members', value: others.length ? others.join(', ') : 'none yet' },
        ],
      },
      ...(note ? [{ type: 'context' as const, text: note }] : []),
      { type: 'context' as const, text: zoneHint },
    ],
  };
}

export const setRenamed = (from: string, to: string): Message => ({ tone: 'success', text: `Renamed the set from ${from} to ${to}.` });

export const setClosed = (set: LearningSet): Message => ({
  tone: 'success',
  text: `Closed ${set.name}. Its history is kept, and ${set.channelLabel} can host a new set.`,
});

export function membersAdded(set: LearningSet, added: readonly Person[], already: readonly Person[], total: number): Message {
  const parts = [
    added.length ? `Added ${listOf(added.map(who))} to ${set.name}.` : `Nobody new to add to ${set.name}.`,
    already.length ? `${listOf(already.map(who))} ${already.length === 1 ? 'was' : 'were'} already in it.` : '',
    added.length ? sizeNote(total) ?? '' : '',
  ];
  return { tone: added.length ? 'success' : 'info', text: parts.filter(Boolean).join(' ') };
}

/** Refusing to grow a set past its maximum, with the numbers. */
export const setFull = (set: LearningSet, size: number, asked: number): string =>
  size >= SET_SIZE.max
    ? `${set.name} has ${SET_SIZE.max} people, the most a set can have.`
    : `${set.name} has ${plural(size, 'person', 'people')}; adding ${asked} would take it past ${SET_SIZE.max}, the most a set can have.`;

export const setSizeAdvice = `Sets work best with ${SET_SIZE.comfortableMin} to ${SET_SIZE.comfortableMax}: a large cohort is better split into two sets, each in its own channel.`;

export const welcome = (set: LearningSet, by: Person): Message => ({
  text: `${who(by)} added you to the action learning set ${set.name} (${set.channelLabel}). Type \`help\` to see what you can do.`,
});

export const memberRemoved = (set: LearningSet, person: Person, self: boolean): Message => ({
  tone: 'success',
  text: self ? `You have left ${set.name}.` : `Removed ${who(person)} from ${set.name}.`,
});

export const removedNotice = (set: LearningSet, by: Person): Message => ({
  text: `${who(by)} removed you from the set ${set.name}. Thank you for the time you gave it.`,
});

export const facilitatorAdded = (set: LearningSet, person: Person): Message => ({
  tone: 'success',
  text: `${who(person)} is now a facilitator of ${set.name}.`,
});

export const facilitatorRemoved = (set: LearningSet, person: Person): Message => ({
  tone: 'success',
  text: `${who(person)} is no longer a facilitator of ${set.name}, and stays a member.`,
});

export const lastFacilitator = (set: LearningSet, person: Person): string =>
  `${who(person)} is the only facilitator of ${set.name}: make someone else a facilitator first (\`facilitator add @name\`), or close the set.`;
