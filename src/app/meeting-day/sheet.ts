/** The run-sheet message: composed from the meeting as it stands, posted once, then edited in place. */
import type { LearningSet } from '../../domain/model';
import type { MeetingRun } from '../../domain/run/types';
import type { Meeting } from '../../domain/schedule';
import { runSheet, type SheetView } from '../../messages/copy/run-sheet';
import type { Message } from '../../messages/model';
import type { PostedMessage } from '../../ports/chat';
import type { Deps } from '../context';
import { editInTurn } from '../edits';
import { plannedPresenters } from './runs';
import { nextPrompt } from '../prompts';

/** The set's members, and by id everyone the run-sheet names: any bidder or presenter who has left since too. */
async function membersAndNamed(deps: Deps, setId: number, run: MeetingRun) {
  const members = await deps.store.memberships.list(setId);
  const people = new Map(members.map((m) => [m.person.id, m.person] as const));
  const named = [...run.bids.map((b) => b.personId), ...run.stages.flatMap((s) => (s.presenterId === undefined ? [] : [s.presenterId]))];
  for (const id of named) {
    if (people.has(id)) continue;
    const p = await deps.store.people.get(id);
    if (p) people.set(id, p);
  }
  return { members, people };
}

/** Everyone the run-sheet names, by id: for copy that names stages and presenters. */
export const peopleOf = async (deps: Deps, setId: number, run: MeetingRun) => (await membersAndNamed(deps, setId, run)).people;

/** What the run-sheet shows now. */
export async function sheetView(deps: Deps, set: LearningSet, meeting: Meeting, run: MeetingRun): Promise<SheetView> {
  const { members, people } = await membersAndNamed(deps, set.id, run);
  const attendance = await deps.store.runs.attendance(meeting.id);
  const stage = run.stages[run.stage];
  const presenter = stage?.kind === 'issue' ? stage.presenterId : undefined;
  const challenge = presenter !== undefined && (await deps.store.challenges.hasCurrent(set.id, presenter));
  const reviewQuestion = stage?.kind === 'review' && run.status === 'running' ? (await nextPrompt(deps, set, 'process-review', meeting.id)).text : undefined;
  return {
    set,
    meeting,
    run,
    now: deps.clock.now(),
    people,
    memberIds: members.map((m) => m.person.id),
    here: new Set(attendance.filter((a) => a.present).map((a) => a.personId)),
    absent: new Set(attendance.filter((a) => !a.present).map((a) => a.personId)),
    planned: await plannedPresenters(deps, meeting.id),
    challengeWritten: challenge,
    ...(reviewQuestion ? { reviewQuestion } : {}),
  };
}

export async function composeSheet(deps: Deps, set: LearningSet, meeting: Meeting, run: MeetingRun): Promise<Message> {
  return runSheet(await sheetView(deps, set, meeting, run));
}

/** Whether a stored value is a message the chat posted (it has an address). */
export const isPosted = (v: unknown): v is PostedMessage => typeof v === 'object' && v !== null && 'address' in v;

/**
 * Brings the run-sheet up to date, one edit at a time, reading the run when its turn
 * comes. The sheet is posted once, at the start; a failed edit is logged, never
 * undoes what changed: the next change, or the next heads-up, edits it again.
 */
export async function refreshSheet(deps: Deps, set: LearningSet, meeting: Meeting): Promise<void> {
  await editInTurn(deps.store, `run-sheet:${meeting.id}`, async () => {
    try {
      const run = await deps.store.runs.get(meeting.id);
      if (!run || !isPosted(run.posted)) return;
      await deps.chat.update(run.posted, await composeSheet(deps, set, meeting, run));
    } catch (error) {
      deps.log.warn({ err: error, meetingId: meeting.id }, 'could not update a run-sheet');
    }
  });
}
