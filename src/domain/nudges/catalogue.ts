import { z } from 'zod';
import type { RotationMeeting } from '../rotation/types';

/** The nudge catalogue of the practice notes. */
export const NUDGE_KINDS = [
  'presenter-notice',
  'challenge-reminder',
  'meeting-reminder',
  'rsvp-reminder',
  'low-attendance',
  'checkin',
  'checkin-actions',
  'reflection',
  'action-follow-up',
  'programme-end',
] as const;
/**
 * Jobs are nudges, plus one of Setwise's own: when a meeting ends, its slots are
 * settled (presented or absent) and the rotation moves its window on.
 */
export type NudgeKind = (typeof NUDGE_KINDS)[number] | 'meeting-ended';

/** Private nudges wait for the end of their recipient's quiet hours; channel ones do not. */
export const PRIVATE_KINDS: ReadonlySet<NudgeKind> = new Set([
  'presenter-notice',
  'challenge-reminder',
  'rsvp-reminder',
  'low-attendance',
  'checkin-actions',
  'reflection',
  'action-follow-up',
  'programme-end',
]);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A set's nudge choices: offsets in minutes, stored in the set's settings. */
export const nudgeSettingsSchema = z.object({
  presenterNoticeMinutes: z.number().int().min(0).max(60 * 24 * 28).default(7 * 24 * 60),
  challengeReminder: z.boolean().default(false),
  challengeReminderMinutes: z.number().int().min(0).max(60 * 24 * 28).default(2 * 24 * 60),
  meetingReminderMinutes: z.number().int().min(0).max(60 * 24 * 28).default(24 * 60),
  reflectionMinutes: z.number().int().min(0).max(60 * 24 * 7).default(2 * 60),
  checkin: z.boolean().default(true),
  actionFollowUp: z.boolean().default(true),
});
export type NudgeSettings = z.infer<typeof nudgeSettingsSchema>;

/** Settings as stored, with defaults filled; a damaged value falls back to the default. */
export function nudgeSettings(stored: unknown): NudgeSettings {
  const raw = (stored && typeof stored === 'object' && 'nudges' in stored ? (stored as { nudges: unknown }).nudges : {}) ?? {};
  const parsed = nudgeSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : nudgeSettingsSchema.parse({});
}

/** What planning needs of a meeting: the same shape the rotation reads. */
export type PlanMeeting = Pick<RotationMeeting, 'id' | 'startsAt' | 'endsAt' | 'status'>;

/** One nudge to send: what, when, until when it is worth sending, and about what. */
export interface PlannedNudge {
  readonly kind: NudgeKind;
  readonly dedupeKey: string;
  readonly runAt: Date;
  readonly staleAt: Date;
  readonly meetingId: number;
  readonly personId: number | null;
}

export interface NudgePlanInput {
  readonly now: Date;
  readonly settings: NudgeSettings;
  /** The set's meetings in time order. */
  readonly meetings: readonly PlanMeeting[];
  readonly memberIds: readonly number[];
  readonly facilitatorIds: readonly number[];
  /** Below this many possible attendees, facilitators are told. */
  readonly minAttendance: number;
  /** How many said no, per meeting. */
  readonly declined: ReadonlyMap<number, number>;
  /** False for an open-ended schedule: its last planned meeting is not the programme's end. */
  readonly programmeEnds: boolean;
  /** Planned presenters per meeting. */
  readonly presenters: ReadonlyMap<number, readonly number[]>;
}

const at = (ms: number) => new Date(ms);

/**
 * Every nudge the set's future should hold. Jobs are keyed by what they are about
 * (`meeting:<id>:<kind>[:<person>]`), so re-planning after a change updates the same
 * rows: a moved meeting's reminders move, a cancelled one's disappear.
 */
export function planNudges(input: NudgePlanInput): PlannedNudge[] {
  const { settings: s, now } = input;
  const live = input.meetings.filter((m) => m.status !== 'cancelled');
  const out: PlannedNudge[] = [];
  const add = (kind: NudgeKind, m: PlanMeeting, personId: number | null, runAt: number, staleAt: number) => {
    if (staleAt <= now.getTime()) return; // already useless: nothing to plan
    out.push({ kind, dedupeKey: `meeting:${m.id}:${kind}${personId === null ? '' : `:${personId}`}`, runAt: at(runAt), staleAt: at(staleAt), meetingId: m.id, personId });
  };

  live.forEach((m, i) => {
    const start = m.startsAt.getTime();
    const end = m.endsAt.getTime();
    const next = live[i + 1];
    for (const p of input.presenters.get(m.id) ?? []) {
      add('presenter-notice', m, p, start - s.presenterNoticeMinutes * 60_000, start);
      if (s.challengeReminder) add('challenge-reminder', m, p, start - s.challengeReminderMinutes * 60_000, start);
    }
    add('meeting-reminder', m, null, start - s.meetingReminderMinutes * 60_000, start);
    const noes = input.declined.get(m.id) ?? 0;
    if (noes > 0 && input.memberIds.length - noes < input.minAttendance) {
      // Told as soon as the answers show it, once per meeting; gone again if people change their minds.
      for (const f of input.facilitatorIds) add('low-attendance', m, f, now.getTime(), start);
    }
    for (const p of input.memberIds) add('rsvp-reminder', m, p, start - s.meetingReminderMinutes * 60_000, start);
    if (s.checkin) {
      add('checkin', m, null, start, end);
      // Each member's open actions, privately, so they can report back at the check-in.
      for (const p of input.memberIds) add('checkin-actions', m, p, start - 15 * 60_000, start + 30 * 60_000);
    }
    add('meeting-ended', m, null, end, end + 30 * DAY);
    const reflectAt = end + s.reflectionMinutes * 60_000;
    for (const p of input.memberIds) add('reflection', m, p, reflectAt, next ? Math.max(reflectAt + HOUR, next.startsAt.getTime()) : reflectAt + 7 * DAY);
    if (next && s.actionFollowUp) {
      const halfway = end + (next.startsAt.getTime() - end) / 2;
      for (const p of input.memberIds) add('action-follow-up', m, p, halfway, next.startsAt.getTime());
    }
    if (!next && input.programmeEnds) {
      // The programme's last meeting: a review for everyone the day after.
      for (const p of input.memberIds) add('programme-end', m, p, end + DAY, end + 15 * DAY);
    }
  });
  return out;
}
