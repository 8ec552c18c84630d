import type { ProgrammeEnd } from '../../domain/meetings';
import type { Meeting, MeetingStatus, StoredRule } from '../../domain/schedule';
import type { LearningSet } from '../../domain/model';
import { everyPhrase, monthWeekWord, type RuleDates } from '../../domain/recurrence';
import { plural } from '../format';
import type { Message } from '../model';
import { dayLabel, lengthLabel, meetingTime, weekdayName } from '../when';

/** "every 4 weeks on Tuesday at 10:00 Europe/London, 3h", "every month on the first Tuesday at ...". */
export function ruleLabel(rule: StoredRule): string {
  const { cadence } = rule;
  const day = cadence.kind === 'weekly' ? weekdayName(rule.weekday) : `the ${monthWeekWord(cadence.week)} ${weekdayName(rule.weekday)}`;
  return `${everyPhrase(cadence)} on ${day} at ${rule.localTime} ${rule.zone}, ${lengthLabel(rule.durationMinutes)}`;
}

/** The sentence on when the programme ends, or that it has no end yet. */
export function endLabel(end: ProgrammeEnd | undefined): string | undefined {
  if (!end) return undefined;
  if (end.kind === 'horizon') return `No end date is set: meetings are planned a year ahead, the last on ${dayLabel(end.date)}.`;
  const limit = end.until && end.until !== end.date ? ` The schedule allows meetings until ${dayLabel(end.until)}.` : '';
  return `The programme ends with its last meeting, on ${dayLabel(end.date)}, and everyone gets the end-of-programme review the next day.${limit}`;
}

/** Says so when a wall time fell in a clock change and was moved forward. */
export const gapNote = (m: Pick<Meeting, 'requestedLocalTime' | 'localDate' | 'localTime' | 'zone'>): string =>
  `${m.requestedLocalTime} does not exist on ${dayLabel(m.localDate)} in ${m.zone} (the clocks go forward), so that meeting starts at ${m.localTime}, the first valid time.`;

const statusLabel: Record<MeetingStatus, string> = { scheduled: '', cancelled: ' (cancelled)', held: ' (held)' };

export interface ScheduledSummary {
  readonly set: LearningSet;
  readonly rule: StoredRule;
  readonly upcoming: readonly Meeting[];
  readonly kept: number;
  /** The rule's dates before today, which are not planned. */
  readonly past: RuleDates['past'];
  readonly zoneChanged: boolean;
  readonly end: ProgrammeEnd | undefined;
}

/** Says which of a rule's dates were before today, and that they are not planned. */
function pastNote(past: RuleDates['past'], count: number | null): string | undefined {
  if (past.count === 0) return undefined;
  const span = past.count === 1 ? dayLabel(past.first!) : `${dayLabel(past.first!)} to ${dayLabel(past.last!)}`;
  const counted = count !== null ? ` They count towards its ${plural(count, 'meeting')}.` : '';
  return `The schedule starts before today: its ${plural(past.count, 'date')} already past (${span}) ${past.count === 1 ? 'is' : 'are'} not planned, only those from today on.${counted}`;
}

export function scheduled({ set, rule, upcoming, kept, past, zoneChanged, end }: ScheduledSummary): Message {
  const lines = upcoming.map((m) => `${meetingTime(m, set.timeZone)}${m.requestedLocalTime ? ' (moved forward: clock change)' : ''}`);
  const notes = [
    ...upcoming.filter((m) => m.requestedLocalTime).map(gapNote),
    pastNote(past, rule.count) ?? '',
    ...(kept > 0 ? [`Kept ${plural(kept, 'meeting')} as they were: held, cancelled, moved or added ones are not re-planned.`] : []),
    ...(zoneChanged ? [`The set now meets in ${set.timeZone} time; \`set tz <zone>\` changes it again and keeps meetings at their local time.`] : []),
    endLabel(end) ?? '',
  ].filter(Boolean);
  const head = `${set.name} meets ${ruleLabel(rule)}: ${plural(upcoming.length, 'meeting')} planned.`;
  return {
    tone: 'success',
    text: [head, ...lines.map((l) => `- ${l}`), ...notes].join('\n'),
    blocks: [
      { type: 'paragraph', text: head },
      { type: 'list', items: lines },
      ...notes.map((text) => ({ type: 'context' as const, text })),
    ],
  };
}

export function scheduleShown(set: LearningSet, rule: StoredRule | undefined, next: Meeting | undefined, end: ProgrammeEnd | undefined, viewerZone: string): Message {
  if (!rule) {
    return { text: `${set.name} has no schedule yet. A facilitator can set one, e.g. \`schedule every 4 weeks on tuesday at 10:00 for 3h\`.` };
  }
  const parts = [
    `${set.name} meets ${ruleLabel(rule)}, from ${dayLabel(rule.from)}${rule.count ? ` for ${plural(rule.count, 'meeting')}` : ''}.`,
    next ? `Next: ${meetingTime(next, viewerZone)}.` : 'No meetings are coming up.',
    endLabel(end) ?? '',
  ];
  return { text: parts.filter(Boolean).join(' ') };
}

export interface MeetingListing {
  readonly set: LearningSet;
  readonly hasRule: boolean;
  /** Upcoming meetings, each with its status as of now. */
  readonly upcoming: readonly (Meeting & { readonly shown: MeetingStatus })[];
  readonly held: number;
  readonly end: ProgrammeEnd | undefined;
  readonly viewerZone: string;
}

export function meetingList({ set, hasRule, upcoming: meetings, held, end: programme, viewerZone }: MeetingListing): Message {
  const end = endLabel(programme);
  const past = held > 0 ? `${plural(held, 'meeting')} held so far.` : undefined;
  if (meetings.length === 0) {
    const none = `${set.name} has no upcoming meetings.${hasRule ? '' : ' A facilitator can plan them with `schedule every ...`.'}`;
    return { text: [none, past, end].filter(Boolean).join(' ') };
  }
  const items = meetings.map((m) => `${meetingTime(m, viewerZone)}${statusLabel[m.shown]}`);
  const context = [past, end].filter((s): s is string => Boolean(s));
  return {
    text: [`Upcoming meetings of ${set.name}:`, ...items.map((i) => `- ${i}`), ...context].join('\n'),
    blocks: [
      { type: 'heading', text: `Upcoming meetings of ${set.name}` },
      { type: 'list', items },
      ...context.map((text) => ({ type: 'context' as const, text })),
    ],
  };
}

export const meetingCancelled = (m: Meeting): Message => ({
  tone: 'success',
  text: `Cancelled the meeting on ${dayLabel(m.localDate)} (${m.localTime} ${m.zone}). It stays in the calendar, marked cancelled.`,
});

export const meetingMoved = (from: Meeting, to: Meeting): Message => ({
  tone: 'success',
  text: [
    `Moved the meeting of ${dayLabel(from.localDate)} ${from.localTime} to ${dayLabel(to.localDate)} ${to.localTime} ${to.zone}.`,
    to.requestedLocalTime ? gapNote(to) : '',
  ]
    .filter(Boolean)
    .join(' '),
});

export const meetingAdded = (m: Meeting): Message => ({
  tone: 'success',
  text: [
    `Added a meeting on ${dayLabel(m.localDate)} at ${m.localTime} ${m.zone} (${lengthLabel((m.endsAt.getTime() - m.startsAt.getTime()) / 60_000)}).`,
    m.requestedLocalTime ? gapNote(m) : '',
  ]
    .filter(Boolean)
    .join(' '),
});
