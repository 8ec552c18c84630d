/** `meeting start`, `meeting next` (and Next), `meeting plan`, `meeting end`: the facilitator's run of the meeting. */
import { randomUUID } from 'node:crypto';
import type { CommandOf } from '../../commands/grammar';
import { SetwiseError } from '../../domain/errors';
import type { LearningSet } from '../../domain/model';
import { defaultStages, plannedEnd, presenterOrder, retime, stageTitle, withPresenters, type StageName } from '../../domain/run/stages';
import type { MeetingRun, Stage } from '../../domain/run/types';
import type { Meeting } from '../../domain/schedule';
import { meetingSummary, stageLabel } from '../../messages/copy/run-sheet';
import { formId } from '../../messages/interactions/forms';
import { withPlainNames } from '../../messages/format';
import { button } from '../../messages/interactions/buttons';
import type { Form } from '../../messages/model';
import type { Reply } from '../../ports/inbound';
import { facilitatorView } from '../access';
import { fieldErrorsReply, privateReply, type Deps, type Turn } from '../context';
import { findMeeting } from '../meetings';
import { replan } from '../plan';
import { changeRun, lengthOf, runningRun, todaysMeeting, plannedPresenters, pressedOn } from './runs';
import { composeSheet, isPosted, peopleOf, refreshSheet, sheetView } from './sheet';

/** Starts today's meeting: the run-sheet is posted to the set's channel and kept current from then on. */
export async function meetingStart(deps: Deps, turn: Turn): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'start a meeting');
  const meeting = await todaysMeeting(deps, set);
  const now = deps.clock.now();
  if (meeting.status === 'held') throw new SetwiseError('conflict', `Today's meeting of ${set.name} has already been held.`);
  const other = await deps.store.runs.running(set.id);
  if (other && other.meetingId !== meeting.id) throw new SetwiseError('conflict', `Another meeting of ${set.name} is still running.`, 'End it first with `meeting end`.');
  const planned = await plannedPresenters(deps, meeting.id);
  const started = await deps.store.runs.start(
    { meetingId: meeting.id, setId: set.id, stages: defaultStages(lengthOf(meeting), planned), stage: 0, stageStartedAt: now, bids: [], passed: [], startedBy: turn.actor.id, startedAt: now },
    now,
  );
  if (!started.ok) {
    if (!('existing' in started)) throw new SetwiseError('conflict', `Today's meeting of ${set.name} is no longer planned.`);
    if (started.existing.status === 'ended') throw new SetwiseError('conflict', `Today's meeting of ${set.name} has already ended.`);
    // Started, but its sheet never reached the channel (the platform failed, or the process stopped): post it now.
    if (!isPosted(started.existing.posted)) return postSheet(deps, set, meeting, turn.actor.id);
    return privateReply({ tone: 'info', text: `The meeting is already running: its run-sheet is in ${set.channelLabel}. Press Next there, or type \`meeting next\`, to move on.` });
  }
  return postSheet(deps, set, meeting, turn.actor.id);
}

/** How long a claim to post the sheet holds before another start may take it over (its poster may have stopped). */
const POSTING_CLAIM_MS = 60_000;

/**
 * Posts a started meeting's run-sheet, once, and keeps where it went, to edit it from
 * then on. Posting is claimed on the run first (compare-and-set), so two facilitators
 * starting at once post one sheet; a post that fails gives the claim back, so the next
 * `meeting start` posts it.
 */
async function postSheet(deps: Deps, set: LearningSet, meeting: Meeting, starter: number): Promise<Reply> {
  const now = deps.clock.now().getTime();
  const token = randomUUID();
  let claimed = false;
  await changeRun(deps, meeting.id, (r) => {
    const posting = (r.posted as { posting?: number } | null)?.posting;
    claimed = !isPosted(r.posted) && !(typeof posting === 'number' && now - posting < POSTING_CLAIM_MS);
    return claimed ? { posted: { posting: now, token } } : undefined;
  });
  // Assigned in the callback, which TypeScript does not follow.
  if (!(claimed as boolean)) return privateReply({ tone: 'info', text: `The meeting is already running: its run-sheet is in ${set.channelLabel}.` });
  // The claim is this start's while it still holds its token: a start that took a lapsed claim over owns the sheet.
  const mine = (r: MeetingRun) => (r.posted as { token?: string } | null)?.token === token;
  let posted;
  try {
    // Whoever starts the meeting is at it.
    await deps.store.runs.mark(meeting.id, starter, true, 'self', deps.clock.now());
    // Heads-ups for its time boxes, and the rotation leaves this meeting's presenters be from now on.
    await replan(deps, set.id);
    const run = (await deps.store.runs.get(meeting.id))!;
    posted = await deps.chat.post(set.channel, await composeSheet(deps, set, meeting, run));
  } catch (error) {
    await changeRun(deps, meeting.id, (r) => (mine(r) ? { posted: null } : undefined)).catch(() => undefined);
    throw error;
  }
  let kept = false;
  await changeRun(deps, meeting.id, (r) => {
    kept = mine(r);
    return kept ? { posted } : undefined;
  });
  if (!(kept as boolean)) deps.log.warn({ meetingId: meeting.id }, 'a run-sheet was posted after its claim lapsed; the one posted since is kept');
  return privateReply({
    tone: 'success',
    text: `The meeting of ${set.name} has started: the run-sheet is in ${set.channelLabel}. Press Next (or type \`meeting next\`) as each stage ends; \`meeting plan\` changes the time boxes; \`meeting end\` ends it.`,
  });
}

/** The meeting's facilitator view and its running run, for the commands and buttons below. */
async function myRunningMeeting(deps: Deps, turn: Turn, doing: string): Promise<{ set: LearningSet; meeting: Meeting; run: MeetingRun }> {
  const { set } = await facilitatorView(deps, turn, doing);
  const run = await runningRun(deps, set);
  return { set, meeting: await findMeeting(deps, run.meetingId), run };
}

/**
 * Ends stage `from` and starts the next; leaving the bids stage fixes the order of
 * presenters. A press on a stage already over (two facilitators, a double click, an
 * old heads-up) changes nothing. The last stage's Next ends the meeting.
 */
async function advance(deps: Deps, set: LearningSet, meeting: Meeting, from: number): Promise<Reply> {
  const now = deps.clock.now();
  let outcome: 'moved' | 'last' | 'stale' = 'stale';
  const run = await changeRun(deps, meeting.id, async (r) => {
    outcome = r.stage !== from ? 'stale' : r.stage + 1 >= r.stages.length ? 'last' : 'moved';
    if (outcome !== 'moved') return undefined;
    const leaving = r.stages[r.stage]!;
    if (leaving.kind !== 'bids') return { stage: r.stage + 1, stageStartedAt: now };
    const here = new Set((await deps.store.runs.attendance(meeting.id)).filter((a) => a.present).map((a) => a.personId));
    const planned = await plannedPresenters(deps, meeting.id);
    const order = presenterOrder(planned, r.bids, here, r.passed);
    return { stages: withPresenters(r.stages, order, lengthOf(meeting)), stage: r.stage + 1, stageStartedAt: now };
  });
  // Assigned in the callback, which TypeScript does not follow.
  const settled = outcome as 'moved' | 'last' | 'stale';
  if (settled === 'last') return endMeeting(deps, set, meeting, run);
  if (settled === 'stale') return privateReply({ tone: 'info', text: 'The run-sheet has already moved on.' });
  await replan(deps, set.id);
  await refreshSheet(deps, set, meeting);
  const people = await peopleOf(deps, set.id, run);
  return privateReply({ tone: 'success', text: `Now: ${stageLabel(run.stages, run.stage, people)}, ${run.stages[run.stage]!.minutes} minutes.` });
}

export async function meetingNext(deps: Deps, turn: Turn): Promise<Reply> {
  const { set, meeting, run } = await myRunningMeeting(deps, turn, 'move the meeting on');
  return advance(deps, set, meeting, run.stage);
}

/** The Next button names the stage it was shown on, so a late press does not skip a stage. */
export async function nextButton(deps: Deps, turn: Turn, meetingId: number, stage: number): Promise<Reply> {
  const { set, meeting } = await pressedOn(deps, turn, meetingId, 'Only a facilitator of the set can move the meeting on.');
  return advance(deps, set, meeting, stage);
}

/** The form that changes today's time boxes, one field a stage, filled with what they are. */
/**
 * A stage's field in the time boxes form, named for what the stage is (`checkin`,
 * `issue-<presenter>`), not where it is: bids closing re-makes the issues, and a form
 * opened before that must still put each box on its own stage.
 */
const fieldOf = (s: Stage): string => (s.kind === 'issue' ? `issue-${s.presenterId ?? 0}` : s.kind);

function planForm(meetingId: number, run: MeetingRun, people: Parameters<typeof stageLabel>[2]): Form {
  return {
    id: formId({ kind: 'meeting.plan', meetingId }),
    title: 'Time boxes (minutes)',
    submitLabel: 'Save',
    fields: run.stages.flatMap((s, i) =>
      i < run.stage ? [] : [{ id: fieldOf(s), label: withPlainNames(stageLabel(run.stages, i, people)), kind: 'short' as const, required: true, maxLength: 3, initial: String(s.minutes) }],
    ),
  };
}

function planText(run: MeetingRun, people: Parameters<typeof stageLabel>[2]): string {
  const total = run.stages.reduce((n, s) => n + s.minutes, 0);
  return [`Today's time boxes (${total} minutes in all):`, ...run.stages.map((s, i) => `${i === run.stage ? '▶ ' : i < run.stage ? '✓ ' : ''}${stageLabel(run.stages, i, people)}: ${s.minutes} min`)].join('\n');
}

/** `meeting plan`: shows the time boxes; with `<stage> <minutes>` pairs, changes them. */
export async function meetingPlan(deps: Deps, turn: Turn, args: CommandOf<'meeting plan'>['args']): Promise<Reply> {
  const { set, meeting, run } = await myRunningMeeting(deps, turn, 'change the time boxes');
  const people = await peopleOf(deps, set.id, run);
  if (args.changes.length === 0) {
    return privateReply({ text: planText(run, people), actions: [button({ kind: 'meeting.plan', meetingId: meeting.id }, 'Change time boxes')] });
  }
  const changes = new Map(args.changes.map((c) => [c.stage as StageName, c.minutes]));
  const issues = run.stages.filter((s) => s.kind === 'issue').length;
  for (const name of changes.keys()) {
    const n = /^issue(\d+)$/.exec(name)?.[1];
    if (n !== undefined && Number(n) > issues) throw new SetwiseError('not-found', `There ${issues === 1 ? 'is one issue' : `are ${issues} issues`} today, so no ${stageTitle({ kind: 'issue' }, Number(n))}.`);
    if (name === 'issue' && issues === 0) throw new SetwiseError('not-found', 'There are no issues on the run-sheet yet: they are set when bids close.');
  }
  return savePlan(deps, set, meeting, (r) => retime(r, r.stages, changes));
}

async function savePlan(deps: Deps, set: LearningSet, meeting: Meeting, stagesOf: (run: MeetingRun) => MeetingRun['stages']): Promise<Reply> {
  const run = await changeRun(deps, meeting.id, (r) => ({ stages: stagesOf(r) }));
  await replan(deps, set.id);
  await refreshSheet(deps, set, meeting);
  const people = await peopleOf(deps, set.id, run);
  return privateReply({ tone: 'success', text: `Saved. ${planText(run, people)}` });
}

/** The Change time boxes button: the form, for a facilitator of a running meeting. */
export async function planButton(deps: Deps, turn: Turn, meetingId: number): Promise<Reply> {
  const { set, meeting, run } = await pressedOn(deps, turn, meetingId, 'Only a facilitator of the set can change the time boxes.');
  const people = await peopleOf(deps, set.id, run);
  return privateReply({ text: 'Minutes for each stage still to come.', form: planForm(meeting.id, run, people) });
}

/** The time boxes form, submitted: every field a whole number of minutes, 1 to 240. */
export async function submitPlan(deps: Deps, turn: Turn, meetingId: number, values: Readonly<Record<string, string>>): Promise<Reply> {
  const { set, meeting, run } = await pressedOn(deps, turn, meetingId, 'Only a facilitator of the set can change the time boxes.');
  const errors: Record<string, string> = {};
  const minutes = new Map<string, number>();
  const fields = new Set(run.stages.map(fieldOf));
  for (const [id, raw] of Object.entries(values)) {
    if (!fields.has(id)) continue; // a stage that is no longer on the sheet, or a field this form never had
    const n = /^\d{1,3}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!(n >= 1 && n <= 240)) errors[id] = `"${raw.slice(0, 20)}" is not a number of minutes from 1 to 240`;
    else minutes.set(id, n);
  }
  const people = await peopleOf(deps, set.id, run);
  if (Object.keys(errors).length > 0) return fieldErrorsReply(errors, planForm(meeting.id, run, people));
  // Stages over by the time it is saved keep their boxes.
  return savePlan(deps, set, meeting, (r) => r.stages.map((s, i) => (i >= r.stage && minutes.has(fieldOf(s)) ? { ...s, minutes: minutes.get(fieldOf(s))! } : s)));
}

/**
 * Ends a run still running when its meeting-ended job comes due (see
 * RUN_CLOSES_AFTER_MS): held as at its planned end, with what was recorded. False when
 * there was no such run.
 */
export async function closeForgottenRun(deps: Deps, meetingId: number): Promise<boolean> {
  const run = await deps.store.runs.get(meetingId);
  if (!run || run.status !== 'running') return false;
  const meeting = await findMeeting(deps, meetingId);
  const set = await deps.store.sets.get(meeting.setId);
  if (!set) return false;
  const at = new Date(Math.min(deps.clock.now().getTime(), Math.max(meeting.endsAt.getTime(), plannedEnd(run).getTime())));
  await endMeeting(deps, set, meeting, run, at);
  return true;
}

/** `meeting end`: the meeting is held, at this moment. */
export async function meetingEnd(deps: Deps, turn: Turn): Promise<Reply> {
  const { set, meeting, run } = await myRunningMeeting(deps, turn, 'end the meeting');
  return endMeeting(deps, set, meeting, run);
}

/**
 * Records the meeting as held, now: who was there and who presented (the issues
 * reached), settles the rotation from that record (a planned presenter who was not
 * there goes first next time), plans the reflection prompts from the real end, and
 * posts the summary.
 */
async function endMeeting(deps: Deps, set: LearningSet, meeting: Meeting, run: MeetingRun, at = deps.clock.now()): Promise<Reply> {
  const now = deps.clock.now();
  const ended = await deps.store.runs.end(meeting.id, run.version, run.stage, at, now);
  if (!ended.ok) {
    const latest = await deps.store.runs.get(meeting.id);
    if (latest?.status === 'ended') return privateReply({ tone: 'info', text: 'The meeting has already ended.' });
    throw new SetwiseError('conflict', 'The run-sheet changed as you pressed.', 'Please try again.');
  }
  const { rotation } = await replan(deps, set.id);
  await refreshSheet(deps, set, meeting);
  const view = await sheetView(deps, set, meeting, ended.value);
  const person = (id: number) => view.people.get(id)!;
  const presented = rotation.slots.filter((x) => x.meetingId === meeting.id && x.status === 'presented').sort((a, b) => a.position - b.position);
  const missed = rotation.slots.filter((x) => x.meetingId === meeting.id && x.status === 'absent' && x.reason.kind === 'not-there');
  const actions = [];
  for (const id of view.memberIds) {
    const count = (await deps.store.actions.list(set.id, id)).filter((a) => a.createdAt.getTime() >= ended.value.startedAt.getTime()).length;
    if (count > 0) actions.push({ person: person(id), count });
  }
  const meetings = await deps.store.meetings.list(set.id);
  const nextMeeting = meetings.find((m) => m.status === 'scheduled' && m.startsAt.getTime() > now.getTime());
  const nextPresenters = nextMeeting
    ? rotation.slots.filter((x) => x.meetingId === nextMeeting.id && x.status === 'planned').sort((a, b) => a.position - b.position).flatMap((x) => (view.people.get(x.personId) ? [person(x.personId)] : []))
    : [];
  // A set closed while its meeting ran has no channel to tell: the record is kept all the same.
  if (set.status === 'open') await deps.chat.post(
    set.channel,
    meetingSummary({
      set,
      meeting,
      run: ended.value,
      attended: view.memberIds.filter((id) => view.here.has(id)).map(person),
      presented: presented.flatMap((x) => (view.people.get(x.personId) ? [person(x.personId)] : [])),
      actions,
      missedTurns: missed.flatMap((x) => (view.people.get(x.personId) ? [person(x.personId)] : [])),
      ...(nextMeeting ? { next: { meeting: nextMeeting, presenters: nextPresenters } } : {}),
    }),
  );
  return privateReply({ tone: 'success', text: `The meeting has ended and is recorded as held; the summary is in ${set.channelLabel}.` });
}
