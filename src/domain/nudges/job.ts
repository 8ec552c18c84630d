/** The outbox's entities: the kinds of nudge, a nudge as planned, and one waiting to be sent. */

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
 * Jobs are nudges, plus Setwise's own: when a meeting ends, its slots are settled
 * (presented or absent) and the rotation moves its window on; while a meeting runs on
 * its run-sheet, the facilitator hears when a time box is nearly up, and a run nobody
 * ends is closed for them (`run-close`).
 */
export type NudgeKind = (typeof NUDGE_KINDS)[number] | 'meeting-ended' | 'stage-heads-up' | 'run-close';

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
  'stage-heads-up',
]);

/**
 * Private, but not held back by quiet hours: the facilitator is running the meeting
 * at that moment, and the heads-up is no use a minute late.
 */
export const UNDEFERRED_KINDS: ReadonlySet<NudgeKind> = new Set(['stage-heads-up']);

/** One nudge to send: what, when, until when it is worth sending, and about what. */
export interface PlannedNudge {
  readonly kind: NudgeKind;
  readonly dedupeKey: string;
  readonly runAt: Date;
  readonly staleAt: Date;
  readonly meetingId: number;
  readonly personId: number | null;
}

/** A nudge waiting in (or taken from) the outbox. */
export interface Job {
  readonly id: number;
  readonly kind: NudgeKind;
  readonly dedupeKey: string;
  readonly setId: number;
  readonly meetingId: number;
  readonly personId: number | null;
  readonly runAt: Date;
  readonly staleAt: Date | null;
  /** Tries so far, this one included. */
  readonly attempts: number;
}

/** A nudge's dedupe key: one per meeting, kind and recipient (none for the channel's). */
export const nudgeKey = (meetingId: number, kind: NudgeKind, personId: number | null, stage?: { index: number; minutes: number }): string =>
  `meeting:${meetingId}:${kind}${personId === null ? '' : `:${personId}`}${stage === undefined ? '' : `:stage-${stage.index}-${stage.minutes}m`}`;

/**
 * The stage a stage heads-up is about, read back from its key. The key holds the time
 * box too, so a box made longer after its heads-up went gets a heads-up of its own.
 */
export const stageOfKey = (dedupeKey: string): number | undefined => {
  const m = /:stage-(\d+)-\d+m$/.exec(dedupeKey);
  return m ? Number(m[1]) : undefined;
};
