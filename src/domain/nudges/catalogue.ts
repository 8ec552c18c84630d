import type { RotationMeeting } from '../rotation/types';
import { nudgeKey, type NudgeKind, type PlannedNudge } from './job';
import { calendarDaysBetween, sameWallTime, shiftBy, type NudgeOffset } from './offset';
import type { NudgeSettings } from './settings';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What planning needs of a meeting: the same shape the rotation reads. */
export type PlanMeeting = Pick<RotationMeeting, 'id' | 'startsAt' | 'endsAt' | 'status' | 'run'>;

/** A time box of a running meeting nearly up: its facilitator hears of it. */
export interface HeadsUp {
  readonly meetingId: number;
  readonly stage: number;
  /** The stage's time box, part of the key: a box changed after its heads-up went gets another. */
  readonly minutes: number;
  readonly personId: number;
  readonly runAt: Date;
  readonly staleAt: Date;
}

export interface NudgePlanInput {
  readonly now: Date;
  readonly settings: NudgeSettings;
  /** The set's zone: channel nudges count days in it, and so do members with no zone of their own. */
  readonly zone: string;
  /** Each member's own zone, where they have set one. */
  readonly zones: ReadonlyMap<number, string>;
  /** The set's meetings in time order. */
  readonly meetings: readonly PlanMeeting[];
  readonly memberIds: readonly number[];
  readonly facilitatorIds: readonly number[];
  /** Below this many possible attendees, facilitators are told. */
  readonly minAttendance: number;
  /** How many said no, per meeting. */
  readonly declined: ReadonlyMap<number, number>;
  /** The programme's last meeting (see `programmeEnd`), after which everyone gets the review; none while open-ended. */
  readonly finalMeetingId: number | null;
  /** Planned presenters per meeting. */
  readonly presenters: ReadonlyMap<number, readonly number[]>;
  /** Heads-ups for the time boxes of meetings running now. */
  readonly headsUps?: readonly HeadsUp[];
}

/**
 * Halfway from one meeting to the next, for one person: the middle calendar day, at
 * the meeting's wall time in their zone. Meetings a day or less apart have no middle
 * day, so the exact midpoint between the end of one and the start of the next is used.
 */
function halfwayBetween(m: PlanMeeting, next: PlanMeeting, zone: string): number {
  const days = calendarDaysBetween(m.startsAt, next.startsAt, zone);
  const middle = sameWallTime(m.startsAt, Math.floor(days / 2), zone).getTime();
  if (middle > m.endsAt.getTime() && middle < next.startsAt.getTime()) return middle;
  return m.endsAt.getTime() + (next.startsAt.getTime() - m.endsAt.getTime()) / 2;
}

/**
 * Every nudge the set's future should hold. Jobs are keyed by what they are about
 * (`meeting:<id>:<kind>[:<person>]`), so re-planning after a change updates the same
 * rows: a moved meeting's reminders move, a cancelled one's disappear. Times are
 * counted in each recipient's zone (the set's for the channel): see ./offset.ts.
 */
export function planNudges(input: NudgePlanInput): PlannedNudge[] {
  const { settings: s, now } = input;
  const live = input.meetings.filter((m) => m.status !== 'cancelled');
  const zoneOf = (personId: number | null) => (personId === null ? input.zone : (input.zones.get(personId) ?? input.zone));
  const out: PlannedNudge[] = [];
  const add = (kind: NudgeKind, m: Pick<PlanMeeting, 'id'>, personId: number | null, runAt: number, staleAt: number, stage?: { index: number; minutes: number }) => {
    if (staleAt <= now.getTime()) return; // already useless: nothing to plan
    out.push({ kind, dedupeKey: nudgeKey(m.id, kind, personId, stage), runAt: new Date(runAt), staleAt: new Date(staleAt), meetingId: m.id, personId });
  };
  // Most members share the set's zone: work each wall time out once per plan, not once per person.
  const memo = new Map<string, number>();
  const remember = (key: string, compute: () => number) => {
    let ms = memo.get(key);
    if (ms === undefined) memo.set(key, (ms = compute()));
    return ms;
  };
  const shift = (instant: Date, offset: NudgeOffset, direction: -1 | 1, zone: string) =>
    remember(`${instant.getTime()}|${direction}|${'days' in offset ? `${offset.days}d` : `${offset.minutes}m`}|${zone}`, () => shiftBy(instant, offset, direction, zone).getTime());
  const before = (m: PlanMeeting, offset: NudgeOffset, personId: number | null) => shift(m.startsAt, offset, -1, zoneOf(personId));

  live.forEach((m, i) => {
    const start = m.startsAt.getTime();
    const end = m.endsAt.getTime();
    const next = live[i + 1];
    for (const p of input.presenters.get(m.id) ?? []) {
      add('presenter-notice', m, p, before(m, s.presenterNoticeBefore, p), start);
      if (s.challengeReminder) add('challenge-reminder', m, p, before(m, s.challengeReminderBefore, p), start);
    }
    add('meeting-reminder', m, null, before(m, s.meetingReminderBefore, null), start);
    const noes = input.declined.get(m.id) ?? 0;
    if (noes > 0 && input.memberIds.length - noes < input.minAttendance) {
      // Told as soon as the answers show it, once per meeting; gone again if people change their minds.
      for (const f of input.facilitatorIds) add('low-attendance', m, f, now.getTime(), start);
    }
    for (const p of input.memberIds) add('rsvp-reminder', m, p, before(m, s.meetingReminderBefore, p), start);
    if (s.checkin) {
      add('checkin', m, null, start, end);
      // Each member's open actions, privately, so they can report back at the check-in.
      for (const p of input.memberIds) add('checkin-actions', m, p, start - 15 * 60_000, start + 30 * 60_000);
    }
    // A meeting running on its run-sheet ends when its facilitator says: what follows the end waits for that.
    const running = m.run?.status === 'running';
    // Its own key: a meeting started after its planned end has had its meeting-ended already.
    if (m.run?.status === 'running') add('run-close', m, null, m.run.closesAt.getTime(), m.run.closesAt.getTime() + 30 * DAY);
    else add('meeting-ended', m, null, end, end + 30 * DAY);
    // Once the run-sheet has said who came, the reflection prompt goes to them.
    const attendees = m.run?.status === 'ended' ? input.memberIds.filter((p) => m.run?.status === 'ended' && m.run.attended.includes(p)) : input.memberIds;
    for (const p of running ? [] : attendees) {
      const reflectAt = shift(m.endsAt, s.reflectionAfter, 1, zoneOf(p));
      add('reflection', m, p, reflectAt, next ? Math.max(reflectAt + HOUR, next.startsAt.getTime()) : reflectAt + 7 * DAY);
    }
    if (next && s.actionFollowUp) {
      for (const p of input.memberIds) {
        const zone = zoneOf(p);
        add('action-follow-up', m, p, remember(`halfway|${m.id}|${zone}`, () => halfwayBetween(m, next, zone)), next.startsAt.getTime());
      }
    }
    if (m.id === input.finalMeetingId) {
      // The programme's last meeting: a review for everyone the day after, at the meeting's time.
      for (const p of input.memberIds) add('programme-end', m, p, shift(m.startsAt, { days: 1 }, 1, zoneOf(p)), end + 15 * DAY);
    }
  });
  for (const h of input.headsUps ?? []) add('stage-heads-up', { id: h.meetingId }, h.personId, h.runAt.getTime(), h.staleAt.getTime(), { index: h.stage, minutes: h.minutes });
  return out;
}
