import type { CommandOf } from '../commands/grammar';
import { SetwiseError } from '../domain/errors';
import { programmeEnd } from '../domain/meetings';
import type { LearningSet } from '../domain/model';
import { DEFAULT_DURATION_MINUTES, latestMeetingDate, MAX_PROGRAMME_YEARS } from '../domain/recurrence';
import { statusAt, type Meeting, type Occurrence } from '../domain/schedule';
import { localToday, resolveWallTime } from '../domain/wall-time';
import * as copy from '../messages/copy/meetings';
import { dayLabel } from '../messages/when';
import type { Reply } from '../ports/inbound';
import { facilitatorView, memberView } from './access';
import { replan } from './plan';
import { privateReply, publicReply, viewerZone, type Deps, type Turn } from './context';

/** Lists the set's upcoming meetings in the viewer's zone, and when the programme ends. */
export async function listMeetings(deps: Deps, turn: Turn): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  const now = deps.clock.now();
  const meetings = await deps.store.meetings.list(set.id);
  const rule = await deps.store.meetings.activeRule(set.id);
  const shown = meetings.map((m) => ({ ...m, shown: statusAt(m, now) }));
  return privateReply(
    copy.meetingList({
      set,
      hasRule: rule !== undefined,
      upcoming: shown.filter((m) => m.shown !== 'held' && m.endsAt.getTime() > now.getTime()),
      held: shown.filter((m) => m.shown === 'held').length,
      end: programmeEnd(rule, meetings),
      viewerZone: viewerZone(turn, set.timeZone),
    }),
  );
}

/** The set's meeting on a local date that has not started yet, or a refusal saying why not. */
async function upcomingOn(deps: Deps, set: LearningSet, date: string): Promise<Meeting> {
  const onDate = (await deps.store.meetings.list(set.id)).filter((m) => m.localDate === date);
  const meeting = onDate.find((m) => m.status === 'scheduled') ?? onDate[0];
  if (!meeting) throw new SetwiseError('not-found', `${set.name} has no meeting on ${dayLabel(date)}.`, 'Type `meetings` to see them.');
  if (meeting.status === 'cancelled') throw new SetwiseError('conflict', `The meeting on ${dayLabel(date)} is already cancelled.`);
  // Started on its run-sheet (early, say), or held: it stays in the record as it was.
  if (meeting.status === 'held' || (await deps.store.runs.get(meeting.id))) {
    throw new SetwiseError('conflict', `The meeting on ${dayLabel(date)} has been run on its run-sheet, so it stays in the record as it was.`);
  }
  if (meeting.startsAt.getTime() <= deps.clock.now().getTime()) {
    throw new SetwiseError('conflict', `The meeting on ${dayLabel(date)} has already started, so it stays in the record as it was.`);
  }
  return meeting;
}

/** A new time for a meeting: in the set's zone, in the future, within the programme. */
async function newTime(deps: Deps, set: LearningSet, date: string, time: string, minutes: number): Promise<Occurrence> {
  const resolved = resolveWallTime(date, time, set.timeZone);
  if (resolved.instant.getTime() <= deps.clock.now().getTime()) {
    throw new SetwiseError('invalid', `${dayLabel(date)} at ${time} ${set.timeZone} has already passed.`);
  }
  const rule = await deps.store.meetings.activeRule(set.id);
  const latest = latestMeetingDate(rule, localToday(deps.clock.now(), set.timeZone));
  if (date > latest) throw new SetwiseError('invalid', `${dayLabel(date)} is more than ${MAX_PROGRAMME_YEARS} years after the programme starts: the latest is ${dayLabel(latest)}.`);
  if (rule?.until && date > rule.until) {
    throw new SetwiseError('invalid', `${dayLabel(date)} is after the schedule's end date (${dayLabel(rule.until)}).`, 'Change the schedule\'s `until` first.');
  }
  return { ...resolved, ends: new Date(resolved.instant.getTime() + minutes * 60_000) };
}

const clash = (m: Meeting): never => {
  throw new SetwiseError('conflict', `There is already a meeting on ${dayLabel(m.localDate)} (${m.localTime} ${m.zone}).`);
};

/** Cancels one meeting; it stays in the record and the calendar, marked cancelled (facilitators). */
export async function cancelMeeting(deps: Deps, turn: Turn, args: CommandOf<'meeting cancel'>['args']): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'cancel meetings');
  const meeting = await upcomingOn(deps, set, args.date);
  const cancelled = await deps.store.meetings.cancel(meeting.id, deps.clock.now());
  await replan(deps, set.id);
  return publicReply(copy.meetingCancelled(cancelled));
}

/** Moves one meeting to another date, and optionally time; the length stays (facilitators). */
export async function moveMeeting(deps: Deps, turn: Turn, args: CommandOf<'meeting move'>['args']): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'move meetings');
  const meeting = await upcomingOn(deps, set, args.from);
  // Keep the time that was asked for, not a clock-change shift of it.
  const time = args.time ?? meeting.requestedLocalTime ?? meeting.localTime;
  if (args.to === meeting.localDate && time === (meeting.requestedLocalTime ?? meeting.localTime)) {
    throw new SetwiseError('invalid', `The meeting is already on ${dayLabel(args.to)} at ${meeting.localTime}.`);
  }
  const to = await newTime(deps, set, args.to, time, (meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000);
  const result = await deps.store.meetings.move(meeting.id, to, deps.clock.now());
  if (!result.ok) return clash(result.clash);
  await replan(deps, set.id);
  return publicReply(copy.meetingMoved(meeting, result.meeting));
}

/** Adds a one-off meeting, as long as the rule's own meetings (facilitators). */
export async function addMeeting(deps: Deps, turn: Turn, args: CommandOf<'meeting add'>['args']): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'add meetings');
  const rule = await deps.store.meetings.activeRule(set.id);
  const occurrence = await newTime(deps, set, args.date, args.time, rule?.durationMinutes ?? DEFAULT_DURATION_MINUTES);
  const result = await deps.store.meetings.add(set.id, occurrence, deps.clock.now());
  if (!result.ok) return clash(result.clash);
  await replan(deps, set.id);
  return publicReply(copy.meetingAdded(result.meeting));
}

/** The set's next meeting, or its upcoming one on `date`: for bids, RSVPs and the like. One under way on its run-sheet has begun. */
export async function upcomingMeeting(deps: Deps, set: LearningSet, date: string | undefined): Promise<Meeting> {
  const now = deps.clock.now().getTime();
  const running = (await deps.store.runs.running(set.id))?.meetingId;
  const upcoming = (await deps.store.meetings.list(set.id)).filter((m) => m.status === 'scheduled' && m.startsAt.getTime() > now && m.id !== running);
  const meeting = date === undefined ? upcoming[0] : upcoming.find((m) => m.localDate === date);
  if (!meeting) {
    throw new SetwiseError('not-found', date === undefined ? `${set.name} has no upcoming meeting.` : `${set.name} has no upcoming meeting on ${dayLabel(date)}.`, 'Type `meetings` to see them.');
  }
  return meeting;
}

/** A meeting named by a button's value; buttons outlive changes, so it may be gone. */
export async function findMeeting(deps: Deps, meetingId: number): Promise<Meeting> {
  const found = Number.isInteger(meetingId) ? await deps.store.meetings.get(meetingId) : undefined;
  if (!found) throw new SetwiseError('not-found', 'That meeting no longer exists.');
  return found;
}
