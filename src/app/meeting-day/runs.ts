/** Finding today's meeting and its run, and changing a run safely when two people act at once. */
import { SetwiseError } from '../../domain/errors';
import type { LearningSet, Membership } from '../../domain/model';
import { isFacilitator } from '../../domain/permissions';
import type { PlanSnapshot } from '../../domain/plan/types';
import type { MeetingRun, RunChange } from '../../domain/run/types';
import type { Meeting } from '../../domain/schedule';
import { localToday } from '../../domain/wall-time';
import { dayLabel } from '../../messages/when';
import type { Deps, Turn } from '../context';
import { findMeeting } from '../meetings';

/**
 * The set's meetings as a schedule or zone change sees them: one with a run-sheet is
 * under way or history, so it is kept as it is, whatever its planned start.
 */
export const withRunsKept = (s: PlanSnapshot): Meeting[] =>
  s.meetings.map((m) => (m.status === 'scheduled' && s.runs.some((r) => r.meetingId === m.id) ? { ...m, status: 'held' as const } : m));

/** The set's meeting on today's date in its zone, not cancelled; or a refusal that says what there is. */
export async function todaysMeeting(deps: Deps, set: LearningSet): Promise<Meeting> {
  const today = localToday(deps.clock.now(), set.timeZone);
  const meetings = await deps.store.meetings.list(set.id);
  const onDay = meetings.filter((m) => m.localDate === today);
  const meeting = onDay.find((m) => m.status !== 'cancelled');
  if (meeting) return meeting;
  if (onDay.length > 0) throw new SetwiseError('conflict', `Today's meeting of ${set.name} was cancelled.`);
  const next = meetings.find((m) => m.status === 'scheduled' && m.localDate > today);
  throw new SetwiseError(
    'not-found',
    `${set.name} has no meeting today (${dayLabel(today)}, ${set.timeZone}).${next ? ` The next is on ${dayLabel(next.localDate)}.` : ''}`,
    `A meeting is started on its day; to meet today, add one with \`meeting add ${today} at <HH:MM>\`.`,
  );
}

/** The set's running meeting, or a refusal that says how to start one. */
export async function runningRun(deps: Deps, set: LearningSet): Promise<MeetingRun> {
  const run = await deps.store.runs.running(set.id);
  if (!run) throw new SetwiseError('not-found', `No meeting of ${set.name} is running.`, 'A facilitator starts one on its day with `meeting start`.');
  return run;
}

/** Tries before a change to a run gives up: only people pressing buttons race here. */
const ATTEMPTS = 10;

/**
 * Changes a run from what it is now: reads it, lets `decide` work out the change from
 * it (or refuse), and writes it only if nobody changed the run meanwhile; otherwise
 * reads again. `decide` returning undefined means nothing to do.
 */
export async function changeRun(deps: Deps, meetingId: number, decide: (run: MeetingRun) => Promise<RunChange | undefined> | RunChange | undefined): Promise<MeetingRun> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const run = await deps.store.runs.get(meetingId);
    if (!run || run.status !== 'running') throw new SetwiseError('conflict', 'That meeting has ended.');
    const change = await decide(run);
    if (!change) return run;
    const done = await deps.store.runs.change(meetingId, run.version, change, deps.clock.now());
    if (done.ok) return done.value;
  }
  throw new SetwiseError('conflict', 'Several people changed the run-sheet at once.', 'Please try again.');
}

/**
 * The rotation's presenters for a meeting run on the day, in order: those still
 * planned, or, for a meeting started after its planned end, those the plan has
 * already settled as presented (the run's record settles them again at its end).
 */
export const plannedPresenters = async (deps: Deps, meetingId: number): Promise<number[]> =>
  (await deps.store.rotation.planned(meetingId, true)).map((p) => p.personId);

/**
 * The running meeting a run-sheet's button or form names, for someone allowed to press
 * it: a member of its set, or for `refusal` set, a facilitator. A button outlives its
 * meeting, so a stale one is refused.
 */
export async function pressedOn(deps: Deps, turn: Turn, meetingId: number, facilitatorRefusal?: string): Promise<{ set: LearningSet; meeting: Meeting; me: Membership; run: MeetingRun }> {
  const meeting = await findMeeting(deps, meetingId);
  const set = await deps.store.sets.get(meeting.setId);
  const me = set && (await deps.store.memberships.find(set.id, turn.actor.id));
  if (!set || !me) throw new SetwiseError('not-allowed', facilitatorRefusal ?? 'Only members of the set can do that.');
  if (facilitatorRefusal !== undefined && !isFacilitator(me)) throw new SetwiseError('not-allowed', facilitatorRefusal);
  const run = await deps.store.runs.get(meeting.id);
  if (!run || run.status !== 'running') throw new SetwiseError('conflict', 'That meeting has ended.');
  return { set, meeting, me, run };
}

/** The meeting's length in minutes, as planned. */
export const lengthOf = (m: Meeting): number => Math.round((m.endsAt.getTime() - m.startsAt.getTime()) / 60_000);
