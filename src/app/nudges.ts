import { nudgeKey, PRIVATE_KINDS, stageOfKey, UNDEFERRED_KINDS } from '../domain/nudges/job';
import { stageEndsAt } from '../domain/run/stages';
import { headsUp } from '../messages/copy/run-sheet';
import { peopleOf, refreshSheet } from './meeting-day/sheet';
import { closeForgottenRun } from './meeting-day/run';
import { RateLimited, Undeliverable, type PostedMessage } from '../ports/chat';
import { quietUntil } from '../domain/nudges/quiet';
import type { Meeting } from '../domain/schedule';
import type { LearningSet, Person } from '../domain/model';
import * as copy from '../messages/copy/nudges';
import { choosePrompt, withThemes } from '../domain/prompts';
import type { Message } from '../messages/model';
import type { Delivery } from '../scheduler/runner';
import type { Job } from '../domain/nudges/job';
import type { Deps } from './context';
import { nextPrompt } from './prompts';
import { replan } from './plan';
import { editInTurn } from './edits';

const skip = (reason: string): Delivery => ({ type: 'skip', reason });

/** Nudges about a meeting still to come. */
const BEFORE_THE_MEETING: ReadonlySet<Job['kind']> = new Set(['presenter-notice', 'challenge-reminder', 'meeting-reminder', 'rsvp-reminder', 'low-attendance']);
/** Nudges for a meeting's opening check-in. */
const CHECK_IN: ReadonlySet<Job['kind']> = new Set(['checkin', 'checkin-actions']);

interface Scene {
  readonly set: LearningSet;
  readonly meeting: Meeting;
  readonly person: Person | undefined;
}

/** What a nudge is about, as it is now: a job planned last week may meet a changed world. */
async function sceneOf(deps: Deps, job: Job): Promise<Scene | string> {
  const set = await deps.store.sets.get(job.setId);
  if (!set || set.status !== 'open') return 'the set is closed';
  const meeting = await deps.store.meetings.get(job.meetingId);
  if (!meeting || meeting.setId !== set.id || meeting.status === 'cancelled') return 'the meeting was cancelled';
  // A meeting started early on its run-sheet has begun: what leads up to it is no use now,
  // and what opens it is no use once its check-in is over.
  if (BEFORE_THE_MEETING.has(job.kind) || CHECK_IN.has(job.kind)) {
    const run = meeting.status === 'held' ? 'held' : await deps.store.runs.get(meeting.id);
    if (run && BEFORE_THE_MEETING.has(job.kind)) return 'the meeting has begun';
    if (run && (run === 'held' || run.status === 'ended' || run.stage > 0)) return 'the check-in is over';
  }
  if (job.personId === null) return { set, meeting, person: undefined };
  const person = await deps.store.people.get(job.personId);
  if (!person || !(await deps.store.memberships.find(set.id, person.id))) return 'they are no longer in the set';
  return { set, meeting, person };
}

/**
 * The message for a job, or why it is no longer worth sending. Each kind reads only
 * what it needs: a tick costs what is due, and this runs once for every due job.
 */
async function compose(deps: Deps, job: Job, { set, meeting, person }: Scene): Promise<Message | string> {
  const zone = person?.timeZone ?? set.timeZone;
  const answers = () => deps.store.rsvps.forMeeting(meeting.id);
  const answerOf = async (id: number) => (await answers()).find((a) => a.personId === id)?.answer;
  switch (job.kind) {
    case 'presenter-notice':
    case 'challenge-reminder': {
      const slot = (await deps.store.rotation.planned(meeting.id)).find((p) => p.personId === person!.id);
      if (!slot) return 'they are no longer presenting at that meeting';
      if (job.kind === 'challenge-reminder') {
        if (await deps.store.challenges.hasCurrent(set.id, person!.id)) return 'their challenge is in already';
        return copy.challengeReminder(set, meeting, zone);
      }
      return copy.presenterNotice(set, meeting, slot.reason, zone);
    }
    case 'meeting-reminder':
      return meetingReminder(deps, set, meeting);
    case 'rsvp-reminder':
      return (await answerOf(person!.id)) ? 'they have answered already' : copy.rsvpReminder(set, meeting, zone);
    case 'low-attendance': {
      const members = await deps.store.memberships.list(set.id);
      const noes = (await answers()).filter((a) => a.answer === 'no').length;
      return copy.lowAttendance(set, meeting, members.length - noes, noes, set.minAttendance, zone);
    }
    case 'checkin': {
      // A facilitator's queued question replaces the library's pick.
      const question = (await deps.store.checkins.takeQueued(set.id, meeting.id, deps.clock.now())) ?? (await nextPrompt(deps, set, 'checkin', meeting.id)).text;
      return copy.checkin(set, question);
    }
    case 'checkin-actions': {
      const open = (await deps.store.actions.list(set.id, person!.id)).filter((a) => a.status === 'open');
      if (open.length === 0) return 'no open actions';
      if ((await answerOf(person!.id)) === 'no') return 'they are not coming';
      return copy.checkinActions(set, open);
    }
    case 'reflection':
      if ((await answerOf(person!.id)) === 'no') return 'they did not come';
      return copy.reflection(set, meeting, (await nextPrompt(deps, set, 'reflection', meeting.id)).text);
    case 'action-follow-up': {
      const open = (await deps.store.actions.list(set.id, person!.id)).filter((a) => a.status === 'open');
      if (open.length === 0) return 'no open actions';
      const next = (await deps.store.meetings.list(set.id)).find((m) => m.status === 'scheduled' && m.startsAt.getTime() > meeting.startsAt.getTime());
      if (!next) return 'there is no next meeting';
      return copy.actionFollowUp(set, next, open, zone);
    }
    case 'programme-end': {
      // Three look-back questions, the same for everyone in the set.
      const pool = withThemes(deps.prompts.get('programme-end') ?? [], set.promptThemes);
      const picked = [0, 1, 2].reduce<typeof pool>((acc) => {
        const next = choosePrompt(pool.filter((p) => !acc.includes(p)), new Map(), set.id);
        return next ? [...acc, next] : acc;
      }, []);
      return copy.programmeEnd(set, picked.map((p) => p.text));
    }
    case 'meeting-ended':
    case 'run-close':
      return 'not a message';
    case 'stage-heads-up':
      return stageHeadsUp(deps, job, set, meeting);
  }
}

/**
 * The facilitator's heads-up that the running time box is nearly up, if the meeting is
 * still on that stage; the run-sheet's "minutes left" is brought up to date with it.
 */
async function stageHeadsUp(deps: Deps, job: Job, set: LearningSet, meeting: Meeting): Promise<Message | string> {
  const run = await deps.store.runs.get(meeting.id);
  if (!run || run.status !== 'running' || run.stage !== stageOfKey(job.dedupeKey)) return 'the meeting has moved on';
  await refreshSheet(deps, set, meeting);
  const left = Math.max(1, Math.round((stageEndsAt(run).getTime() - deps.clock.now().getTime()) / 60_000));
  return headsUp(set, run, meeting.id, await peopleOf(deps, set.id, run), left);
}

/** The channel's reminder of a meeting, with who presents and the answers so far. */
async function meetingReminder(deps: Deps, set: LearningSet, meeting: Meeting): Promise<Message> {
  const presenters = (await deps.store.rotation.planned(meeting.id)).map((p) => ({ platformUserId: p.userId, displayName: p.name }));
  const all = await deps.store.rsvps.forMeeting(meeting.id);
  const count = (a: string) => all.filter((x) => x.answer === a).length;
  return copy.meetingReminder(set, meeting, presenters, { yes: count('yes'), no: count('no'), maybe: count('maybe') });
}

/**
 * Brings the channel's reminder up to date after an answer ("So far: 3 yes"), where
 * it has been posted, one edit at a time (see editInTurn). A failed edit is only
 * logged: the answer itself is saved.
 */
export async function refreshReminder(deps: Deps, set: LearningSet, meeting: Meeting): Promise<void> {
  return editInTurn(deps.store, `reminder:${meeting.id}`, () => editReminder(deps, set, meeting));
}

async function editReminder(deps: Deps, set: LearningSet, meeting: Meeting): Promise<void> {
  try {
    const posted = (await deps.store.jobs.sentMessage(nudgeKey(meeting.id, 'meeting-reminder', null))) as PostedMessage | undefined;
    if (!posted?.address) return;
    await deps.chat.update(posted, await meetingReminder(deps, set, meeting));
  } catch (error) {
    deps.log.warn({ err: error, meetingId: meeting.id }, 'could not update a meeting reminder');
  }
}

/** Delivers one nudge: checks it still makes sense, waits out quiet hours, sends it. */
export async function deliverNudge(deps: Deps, job: Job): Promise<Delivery> {
  if (job.kind === 'meeting-ended' || job.kind === 'run-close') {
    // A run-sheet nobody ended is ended now, as at its planned end, with its summary.
    if (job.kind === 'run-close') await closeForgottenRun(deps, job.meetingId);
    // Nothing to send: settle the meeting's slots and plan the meetings now next.
    await replan(deps, job.setId);
    return { type: 'sent', ref: null };
  }
  const scene = await sceneOf(deps, job);
  if (typeof scene === 'string') return skip(scene);
  const { set, person } = scene;
  if (PRIVATE_KINDS.has(job.kind)) {
    if (!person?.dm) return skip('no private chat with them');
    const until = UNDEFERRED_KINDS.has(job.kind) ? undefined : quietUntil(deps.clock.now(), person.timeZone ?? set.timeZone, person.quietHours);
    if (until) return { type: 'defer', until };
  }
  const message = await compose(deps, job, scene);
  if (typeof message === 'string') return skip(message);
  const posted = await deps.chat.post(PRIVATE_KINDS.has(job.kind) ? person!.dm! : set.channel, message);
  if (job.kind === 'presenter-notice') await deps.store.rotation.markNotified(scene.meeting.id, person!.id, deps.clock.now());
  // The whole posted message (address and the platform's ref), so it can be edited later.
  return { type: 'sent', ref: posted };
}

/** Tells the set's facilitators, privately, that a nudge could not be delivered. */
export async function reportDeadNudge(deps: Deps, job: Job, error: string): Promise<void> {
  const set = await deps.store.sets.get(job.setId);
  if (!set) return;
  for (const m of await deps.store.memberships.list(set.id)) {
    if (m.role === 'facilitator' && m.person.dm) await persistently(() => deps.chat.post(m.person.dm!, copy.deadLetter(set, job.kind, error, job.attempts)));
  }
}

/**
 * A send tried up to five times, a second or Retry-After apart, for word that has no
 * job of its own to retry it (the report of a dead letter). Refused for good: no more.
 */
async function persistently(send: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await send();
      return;
    } catch (error) {
      if (attempt >= 5 || error instanceof Undeliverable) throw error;
      await new Promise((r) => setTimeout(r, error instanceof RateLimited ? Math.min(error.retryAfterSeconds, 5) * 1000 : 1000));
    }
  }
}
