import { SetwiseError } from '../errors';
import type { LiveBid, MeetingRun, Stage, StageKind } from './types';

/**
 * Default time boxes from the meeting's length and its presenters, after the
 * practice notes: a check-in of about a sixth, bids a few minutes, a process review
 * of about a tenth, a few minutes to gather actions, and the rest shared between the
 * issues (30 to 40 minutes each in a 3-hour meeting of two). Whole minutes that add
 * up to the meeting's length; the last issue takes what rounding leaves.
 */
export function defaultStages(durationMinutes: number, presenters: readonly number[]): Stage[] {
  const box = (share: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(durationMinutes * share)));
  const checkin = box(1 / 6, 5, 40);
  const bids = box(1 / 36, 2, 10);
  const actions = box(1 / 36, 2, 15);
  const review = box(1 / 10, 5, 30);
  return [
    { kind: 'checkin', minutes: checkin },
    { kind: 'bids', minutes: bids },
    ...issueStages(Math.max(0, durationMinutes - checkin - bids - actions - review), presenters),
    { kind: 'actions', minutes: actions },
    { kind: 'review', minutes: review },
  ];
}

/** `minutes` shared between the presenters' issues, at least 5 each. */
function issueStages(minutes: number, presenters: readonly number[]): Stage[] {
  const each = Math.max(5, Math.floor(minutes / Math.max(1, presenters.length)));
  const last = Math.max(5, minutes - each * (presenters.length - 1));
  return presenters.map((presenterId, i) => ({ kind: 'issue', minutes: i === presenters.length - 1 ? last : each, presenterId }));
}

/**
 * The order presenters are taken in once bids close: the rotation's planned presenters
 * who are here first, in the rotation's order, then live bids in the order made.
 */
export function presenterOrder(planned: readonly number[], bids: readonly LiveBid[], here: ReadonlySet<number>, passed: readonly number[]): number[] {
  const first = planned.filter((id) => here.has(id) && !passed.includes(id));
  const then = [...bids].sort((a, b) => a.at.getTime() - b.at.getTime()).map((b) => b.personId).filter((id) => !first.includes(id));
  return [...first, ...new Set(then)];
}

/**
 * The stages with the issues re-made for `presenters`, their time boxes shared out
 * again from the time the issues had between them (the facilitator's own boxes for
 * the other stages stay as they were).
 */
export function withPresenters(stages: readonly Stage[], presenters: readonly number[], durationMinutes: number): Stage[] {
  const issues = stages.filter((s) => s.kind === 'issue');
  const others = stages.filter((s) => s.kind !== 'issue');
  const budget = issues.length > 0 ? issues.reduce((n, s) => n + s.minutes, 0) : Math.max(0, durationMinutes - others.reduce((n, s) => n + s.minutes, 0));
  // Issues sit between the bids and the actions: whatever came before the first of them stays before.
  const cut = stages.findIndex((s) => s.kind === 'issue' || s.kind === 'actions');
  const before = cut < 0 ? others : stages.slice(0, cut);
  const after = others.slice(before.length);
  return [...before, ...issueStages(budget, presenters), ...after];
}

/** Where a stage name typed in `meeting plan` points. */
export type StageName = Exclude<StageKind, 'issue'> | 'issue' | `issue${number}`;

/**
 * A facilitator's own time boxes: each named stage set to its minutes ("issue" for
 * every issue, "issue2" for the second). Stages already over keep theirs.
 */
export function retime(run: Pick<MeetingRun, 'stages' | 'stage' | 'status'> | undefined, stages: readonly Stage[], changes: ReadonlyMap<StageName, number>): Stage[] {
  const firstOpen = run?.status === 'running' ? run.stage : 0;
  let issue = 0;
  return stages.map((s, i) => {
    if (s.kind === 'issue') issue += 1;
    const minutes = s.kind === 'issue' ? (changes.get(`issue${issue}`) ?? changes.get('issue')) : changes.get(s.kind);
    if (minutes === undefined) return s;
    if (i < firstOpen) {
      // "issue" names every issue: those over keep their boxes. A stage named on its own that is over is refused.
      if (s.kind === 'issue' && !changes.has(`issue${issue}`)) return s;
      throw new SetwiseError('conflict', `The ${stageTitle(s, issue)} stage is over; its time box can no longer change.`);
    }
    return { ...s, minutes };
  });
}

/** A stage's plain name, as the run-sheet and `meeting plan` say it. */
export function stageTitle(s: Pick<Stage, 'kind'>, issueNumber?: number): string {
  switch (s.kind) {
    case 'checkin':
      return 'check-in';
    case 'bids':
      return 'bids for time';
    case 'issue':
      return issueNumber === undefined ? 'issue' : `issue ${issueNumber}`;
    case 'actions':
      return 'actions';
    case 'review':
      return 'process review';
  }
}

/** When the running stage's time box ends. */
export const stageEndsAt = (run: Pick<MeetingRun, 'stages' | 'stage' | 'stageStartedAt'>): Date =>
  new Date(run.stageStartedAt.getTime() + (run.stages[run.stage]?.minutes ?? 0) * 60_000);

/** The presenters whose issue was reached: the meeting's record of who presented. */
export const presentedIn = (run: Pick<MeetingRun, 'stages' | 'stage'>): number[] =>
  run.stages.flatMap((s, i) => (s.kind === 'issue' && s.presenterId !== undefined && i <= run.stage ? [s.presenterId] : []));

/** The planned end of the whole meeting, from the running stage on. */
export function plannedEnd(run: Pick<MeetingRun, 'stages' | 'stage' | 'stageStartedAt'>): Date {
  const rest = run.stages.slice(run.stage).reduce((n, s) => n + s.minutes, 0);
  return new Date(run.stageStartedAt.getTime() + rest * 60_000);
}
