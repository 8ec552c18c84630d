/** `here` and the Here button, bids for time taken live, and actions captured at the meeting. */
import type { CommandOf } from '../../commands/grammar';
import { SetwiseError } from '../../domain/errors';
import type { LearningSet } from '../../domain/model';
import { isFacilitator } from '../../domain/permissions';
import type { MeetingRun } from '../../domain/run/types';
import { listOf, who } from '../../messages/format';
import { formId } from '../../messages/interactions/forms';
import type { Form } from '../../messages/model';
import { dayLabel } from '../../messages/when';
import { isoDate } from '../../commands/values';
import { LIMITS } from '../../domain/limits';
import { cleanLine } from '../../domain/text';
import type { Reply } from '../../ports/inbound';
import { memberView } from '../access';
import { fieldErrorsReply, privateReply, publicReply, type Deps, type Turn } from '../context';
import { findMeeting } from '../meetings';
import { resolvePeople } from '../people';
import { changeRun, runningRun, plannedPresenters, pressedOn } from './runs';
import { refreshSheet } from './sheet';

/** Marks people here (or not) at the running meeting and brings the run-sheet up to date. */
async function mark(deps: Deps, set: LearningSet, run: MeetingRun, personIds: readonly number[], present: boolean, source: 'self' | 'facilitator'): Promise<void> {
  for (const id of personIds) await deps.store.runs.mark(run.meetingId, id, present, source, deps.clock.now());
  await refreshSheet(deps, set, await findMeeting(deps, run.meetingId));
}

/** `here`: yourself; `here @a @b` (facilitators) others; `no` for not there. */
export async function here(deps: Deps, turn: Turn, args: CommandOf<'here'>['args']): Promise<Reply> {
  const { set, me } = await memberView(deps, turn);
  const run = await runningRun(deps, set);
  if (args.people.length === 0) {
    await mark(deps, set, run, [turn.actor.id], args.present, 'self');
    return privateReply({ tone: 'success', text: args.present ? `Marked here at the meeting of ${set.name}. Welcome.` : `Marked as not here at the meeting of ${set.name}.` });
  }
  if (!isFacilitator(me)) throw new SetwiseError('not-allowed', `Only a facilitator of ${set.name} can mark someone else here or not.`, 'Type `here` for yourself.');
  const people = await resolvePeople(deps, turn, args.people);
  const outsiders = [];
  for (const p of people) if (!(await deps.store.memberships.find(set.id, p.id))) outsiders.push(p);
  if (outsiders.length) throw new SetwiseError('not-found', `${listOf(outsiders.map(who))} ${outsiders.length === 1 ? 'is' : 'are'} not in ${set.name}.`);
  await mark(deps, set, run, people.map((p) => p.id), args.present, 'facilitator');
  return privateReply({ tone: 'success', text: `Marked ${args.present ? 'here' : 'not here'}: ${listOf(people.map(who))}.` });
}

export async function hereButton(deps: Deps, turn: Turn, meetingId: number): Promise<Reply> {
  const { set, run } = await pressedOn(deps, turn, meetingId);
  await mark(deps, set, run, [turn.actor.id], true, 'self');
  return privateReply({ tone: 'success', text: `Marked here at the meeting of ${set.name}. Welcome.` });
}

/** Whether bids are still open: until the bids stage ends. */
const bidsOpen = (run: MeetingRun) => run.stages.findIndex((s) => s.kind === 'bids') >= run.stage;

/** A bid for time today: the bidder is here, and joins the order after the planned presenters. */
async function bidLive(deps: Deps, turn: Turn, set: LearningSet, run: MeetingRun): Promise<Reply> {
  const meeting = await findMeeting(deps, run.meetingId);
  if (!(await deps.store.memberships.find(set.id, turn.actor.id))?.presenting) throw new SetwiseError('conflict', 'You have opted out of presenting.', 'Opt back in with `presenting on`.');
  const planned = await plannedPresenters(deps, meeting.id);
  await changeRun(deps, meeting.id, (r) => {
    if (!bidsOpen(r)) throw new SetwiseError('conflict', "Bids for today's time have closed.", 'Ask for a later meeting with `bid <date>`.');
    const planning = planned.includes(turn.actor.id) && !r.passed.includes(turn.actor.id);
    if (planning || r.bids.some((b) => b.personId === turn.actor.id)) throw new SetwiseError('conflict', 'You are already down to present today.');
    return { bids: [...r.bids, { personId: turn.actor.id, at: deps.clock.now() }], passed: r.passed.filter((id) => id !== turn.actor.id) };
  });
  await deps.store.runs.mark(meeting.id, turn.actor.id, true, 'self', deps.clock.now());
  await refreshSheet(deps, set, meeting);
  return publicReply({ text: `${who(turn.actor)} bid for time today.` });
}

/** Gives today's place back during bids: a bid withdrawn, or a planned presenter passing. */
async function withdrawLive(deps: Deps, turn: Turn, set: LearningSet, run: MeetingRun): Promise<Reply> {
  const meeting = await findMeeting(deps, run.meetingId);
  const planned = await plannedPresenters(deps, meeting.id);
  await changeRun(deps, meeting.id, (r) => {
    if (!bidsOpen(r)) throw new SetwiseError('conflict', "Today's presenters are agreed now.", 'The facilitator can still end an issue early with Next.');
    const bid = r.bids.some((b) => b.personId === turn.actor.id);
    const passing = planned.includes(turn.actor.id) && !r.passed.includes(turn.actor.id);
    if (!bid && !passing) throw new SetwiseError('not-found', 'You are not down to present today.');
    return { bids: r.bids.filter((b) => b.personId !== turn.actor.id), passed: passing ? [...r.passed, turn.actor.id] : r.passed };
  });
  await refreshSheet(deps, set, meeting);
  return publicReply({ text: `${who(turn.actor)} gave their time today back.` });
}

/**
 * `bid` and `withdraw` with no date, in a set whose meeting is running with bids still
 * open, are about today; otherwise undefined, and they are about a later meeting.
 */
export async function liveBid(deps: Deps, turn: Turn, kind: 'bid' | 'withdraw', date: string | undefined): Promise<Reply | undefined> {
  if (date !== undefined) return undefined;
  const { set } = await memberView(deps, turn);
  const run = await deps.store.runs.running(set.id);
  if (!run || !bidsOpen(run)) return undefined;
  return kind === 'bid' ? bidLive(deps, turn, set, run) : withdrawLive(deps, turn, set, run);
}

export async function bidButton(deps: Deps, turn: Turn, meetingId: number): Promise<Reply> {
  const { set, run } = await pressedOn(deps, turn, meetingId);
  return bidLive(deps, turn, set, run);
}

const actionForm = (setId: number, typed?: Readonly<Record<string, string>>): Form => ({
  id: formId({ kind: 'action', setId }),
  title: 'An action',
  submitLabel: 'Commit',
  fields: [
    { id: 'text', label: 'What you will do before the next meeting', kind: 'short', required: true, maxLength: LIMITS.actionText, ...(typed?.['text'] ? { initial: typed['text'] } : {}) },
    { id: 'due', label: 'By when (optional)', kind: 'date', required: false, hint: 'A date, YYYY-MM-DD', ...(typed?.['due'] ? { initial: typed['due'] } : {}) },
  ],
});

/** The Add an action button: the form, for a member of the set. */
export async function actionButton(deps: Deps, turn: Turn, setId: number): Promise<Reply> {
  if (!(await deps.store.memberships.find(setId, turn.actor.id))) throw new SetwiseError('not-allowed', 'Only members of the set can do that.');
  return privateReply({ text: 'Your action stays yours: the set sees that you committed to one, not what it says.', form: actionForm(setId) });
}

/** The action form, submitted: kept as the person's action in the set. */
export async function submitAction(deps: Deps, turn: Turn, setId: number, values: Readonly<Record<string, string>>): Promise<Reply> {
  if (!(await deps.store.memberships.find(setId, turn.actor.id))) throw new SetwiseError('not-allowed', 'Only members of the set can do that.');
  const text = cleanLine(values['text'] ?? '');
  const dueRaw = (values['due'] ?? '').trim();
  const errors: Record<string, string> = {};
  if (text === '') errors['text'] = 'the action is needed';
  else if ([...text].length > LIMITS.actionText) errors['text'] = `the action can be at most ${LIMITS.actionText} characters`;
  const due = dueRaw === '' ? null : isoDate.safeParse(dueRaw);
  if (due && !due.success) errors['due'] = `"${dueRaw.slice(0, 20)}" is not a date written YYYY-MM-DD`;
  if (Object.keys(errors).length > 0) return fieldErrorsReply(errors, actionForm(setId, values));
  const action = await deps.store.actions.add(setId, turn.actor.id, text, due?.success ? due.data : null, deps.clock.now());
  return privateReply({ tone: 'success', text: `Action ${action.number} noted${action.due ? `, by ${dayLabel(action.due)}` : ''}: ${action.text}` });
}
