/** The live run-sheet of a meeting, its facilitator's heads-up, and the summary at the end. */
import { DateTime } from 'luxon';
import type { LearningSet, Person } from '../../domain/model';
import { plannedEnd, stageEndsAt, stageTitle } from '../../domain/run/stages';
import type { MeetingRun, Stage } from '../../domain/run/types';
import type { Meeting } from '../../domain/schedule';
import { handle, listOf, plural, who } from '../format';
import { button } from '../interactions/buttons';
import type { Block, Button, Message } from '../model';
import { dayLabel, meetingTime } from '../when';

type Named = Pick<Person, 'platformUserId' | 'displayName'>;

/** Everything a run-sheet shows, read by the core as the meeting stands now. */
export interface SheetView {
  readonly set: LearningSet;
  readonly meeting: Meeting;
  readonly run: MeetingRun;
  readonly now: Date;
  /** The set's members, and anyone else the run names (a bidder who has left since), by id. */
  readonly people: ReadonlyMap<number, Named>;
  /** Current members, in the set's order. */
  readonly memberIds: readonly number[];
  readonly here: ReadonlySet<number>;
  /** Marked as not there (by themselves or a facilitator). */
  readonly absent: ReadonlySet<number>;
  /** The rotation's planned presenters, in order. */
  readonly planned: readonly number[];
  /** Whether the running issue's presenter has a challenge written up (its text is never on the sheet: see challengeButton). */
  readonly challengeWritten: boolean;
  /** The process review question, on that stage. */
  readonly reviewQuestion?: string;
}

const clock = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone }).setLocale('en').toFormat('HH:mm');

export const QUESTIONING_RULE =
  'Ground rule: the set asks questions, it does not give advice. Open questions ("What would happen if...?", "What stops you?") help the presenter think for themselves; solutions close that down.';

/** Issue numbers by stage index: the second issue stage is "issue 2". */
const issueNumbers = (stages: readonly Stage[]): Map<number, number> => {
  let n = 0;
  return new Map(stages.flatMap((s, i) => (s.kind === 'issue' ? [[i, ++n] as const] : [])));
};

/** "issue 1: @bob", "check-in". */
export function stageLabel(stages: readonly Stage[], index: number, people: ReadonlyMap<number, Named>): string {
  const s = stages[index]!;
  const title = stageTitle(s, issueNumbers(stages).get(index));
  const presenter = s.presenterId === undefined ? undefined : people.get(s.presenterId);
  return presenter ? `${title}: ${who(presenter)}` : title;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function stageLines(v: SheetView): string[] {
  const { run, set } = v;
  const ended = run.status === 'ended';
  return run.stages.map((s, i) => {
    const label = `${capital(stageLabel(run.stages, i, v.people))} (${s.minutes} min)`;
    if (ended) return i <= run.stage ? `✓ ${label}` : `– ${label} (not reached)`;
    if (i < run.stage) return `✓ ${label}`;
    if (i > run.stage) return label;
    const end = stageEndsAt(run);
    const left = Math.round((end.getTime() - v.now.getTime()) / 60_000);
    const when = left >= 0 ? `${plural(left, 'minute')} left at ${clock(v.now, set.timeZone)}` : `${plural(-left, 'minute')} over at ${clock(v.now, set.timeZone)}`;
    return `▶ ${label}: now, until ${clock(end, set.timeZone)} (${when})`;
  });
}

/** What the running stage asks of the set. */
function guidance(v: SheetView): string[] {
  const stage = v.run.stages[v.run.stage]!;
  const named = (ids: readonly number[]) => listOf(ids.flatMap((id) => (v.people.get(id) ? [who(v.people.get(id)!)] : [])));
  switch (stage.kind) {
    case 'checkin':
      return ['Check-in: each person settles in, says how they are arriving, and how the actions they committed to last time went.'];
    case 'bids': {
      const planned = v.planned.filter((id) => !v.run.passed.includes(id));
      const bids = v.run.bids.map((b) => b.personId).filter((id) => !planned.includes(id));
      return [
        `Bids for time: who needs the set's time today? Planned by the rotation: ${planned.length ? named(planned) : 'nobody'}.${bids.length ? ` Bids today, in order: ${named(bids)}.` : ''}`,
        'Press Bid (or type `bid`) to ask for time, `withdraw` to give it back. At most about two issues fit a meeting.',
      ];
    }
    case 'issue': {
      const presenter = stage.presenterId === undefined ? undefined : v.people.get(stage.presenterId);
      const name = presenter ? who(presenter) : 'the presenter';
      return [
        v.challengeWritten
          ? `${capital(name)} has written up their challenge: members read it with Read the challenge (or \`challenge show ${presenter ? handle(presenter) : ''}\`), privately, as ${name} tells the story in a few minutes.`
          : `${capital(name)} tells the story of their challenge in a few minutes.`,
        QUESTIONING_RULE,
        `To close, ${name} states the actions they will take before the next meeting: the Add an action button, or \`action add <text> [by <date>]\`.`,
      ];
    }
    case 'actions':
      return ['Actions: anyone who has not yet noted what they will do before the next meeting does so now (Add an action, or `action add <text>`).'];
    case 'review':
      return [`Process review: how did we work today? ${v.reviewQuestion ?? 'Which questions helped most?'}`];
  }
}

function buttons(v: SheetView): Button[] {
  const { run, meeting, set } = v;
  if (run.status === 'ended') return [];
  const { kind, presenterId: presenter } = run.stages[run.stage]!;
  return [
    button({ kind: 'meeting.here', meetingId: meeting.id }, 'Here'),
    ...(kind === 'bids' ? [button({ kind: 'meeting.bid', meetingId: meeting.id }, 'Bid')] : []),
    ...(kind === 'issue' && v.challengeWritten && presenter !== undefined ? [button({ kind: 'challenge.show', setId: set.id, personId: presenter }, 'Read the challenge')] : []),
    ...(kind === 'issue' || kind === 'actions' ? [button({ kind: 'action.open', setId: set.id }, 'Add an action')] : []),
    button({ kind: 'meeting.next', meetingId: meeting.id, stage: run.stage }, 'Next', 'primary'),
  ];
}

/** The run-sheet: one message, edited in place as the meeting moves on. */
export function runSheet(v: SheetView): Message {
  const { run, set, meeting } = v;
  const title = `${set.name}: meeting of ${dayLabel(meeting.localDate)}`;
  const here = v.memberIds.filter((id) => v.here.has(id));
  const notYet = v.memberIds.filter((id) => !v.here.has(id) && !v.absent.has(id));
  const away = v.memberIds.filter((id) => v.absent.has(id));
  const names = (ids: readonly number[]) => (ids.length ? listOf(ids.map((id) => who(v.people.get(id)!))) : 'nobody');
  const status =
    run.status === 'ended'
      ? `Ended at ${clock(run.endedAt!, set.timeZone)} ${set.timeZone}.`
      : `Started at ${clock(run.startedAt, set.timeZone)} ${set.timeZone}; planned to end at ${clock(plannedEnd(run), set.timeZone)}.`;
  const stages = stageLines(v);
  const lines = run.status === 'ended' ? [] : guidance(v);
  const attendance = [
    `Here: ${names(here)} (${here.length} of ${v.memberIds.length}).`,
    ...(away.length ? [`Not here: ${names(away)}.`] : []),
    ...(notYet.length && run.status === 'running' ? [`Not marked yet: ${names(notYet)}.`] : []),
  ].join(' ');
  const blocks: Block[] = [
    { type: 'heading', text: title },
    { type: 'context', text: status },
    { type: 'list', items: stages, ordered: false },
    ...lines.map((text): Block => ({ type: 'paragraph', text })),
    { type: 'context', text: attendance },
  ];
  return { text: [title, status, ...stages, ...lines, attendance].join('\n'), blocks, actions: buttons(v) };
}

/** The facilitator's private word that a time box is nearly up. */
export function headsUp(set: LearningSet, run: MeetingRun, meetingId: number, people: ReadonlyMap<number, Named>, minutes: number): Message {
  const label = stageLabel(run.stages, run.stage, people);
  const next = run.stage + 1 < run.stages.length ? `next: ${stageLabel(run.stages, run.stage + 1, people)}` : 'then the meeting ends';
  return {
    text: `${set.name}: ${plural(minutes, 'minute')} left for ${label} (${next}). Press Next when the set is ready, or \`meeting plan\` to give it more time.`,
    actions: [button({ kind: 'meeting.next', meetingId, stage: run.stage }, 'Next', 'primary')],
  };
}

export interface Summary {
  readonly set: LearningSet;
  readonly meeting: Meeting;
  readonly run: MeetingRun;
  readonly attended: readonly Named[];
  readonly presented: readonly Named[];
  /** Actions committed since the meeting started, counted per person (their text stays with them). */
  readonly actions: readonly { readonly person: Named; readonly count: number }[];
  readonly next?: { readonly meeting: Meeting; readonly presenters: readonly Named[] };
  readonly missedTurns: readonly Named[];
}

/** Posted to the set's channel when the meeting ends. */
export function meetingSummary(s: Summary): Message {
  const lines = [
    `${s.set.name} met on ${dayLabel(s.meeting.localDate)} (${clock(s.run.startedAt, s.set.timeZone)}–${clock(s.run.endedAt!, s.set.timeZone)} ${s.set.timeZone}).`,
    `There: ${s.attended.length ? listOf(s.attended.map(who)) : 'nobody was marked here'}.`,
    `Presented: ${s.presented.length ? listOf(s.presented.map(who)) : 'nobody'}.`,
    s.actions.length ? `Actions committed: ${listOf(s.actions.map((a) => `${who(a.person)} ${a.count}`))}.` : 'No actions were noted during the meeting; `action add <text>` works any time.',
    ...(s.missedTurns.length ? [`${listOf(s.missedTurns.map(who))} missed their turn and will go first when the rotation next chooses.`] : []),
    s.next
      ? `Next meeting: ${meetingTime(s.next.meeting, s.set.timeZone)}, presenting: ${s.next.presenters.length ? listOf(s.next.presenters.map(who)) : 'to be chosen'}.`
      : 'No next meeting is planned yet.',
    'Reflection prompts go out to everyone who was there; thank you all.',
  ];
  return { text: lines.join('\n'), blocks: [{ type: 'heading', text: `${s.set.name}: meeting summary` }, ...lines.map((text): Block => ({ type: 'paragraph', text }))] };
}
