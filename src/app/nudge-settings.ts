import type { CommandOf, NudgeSetting, NudgeValue } from '../commands/grammar';
import type { NudgeSettings } from '../domain/nudges/settings';
import type { NudgeOffset } from '../domain/nudges/offset';
import { lengthLabel } from '../messages/when';
import type { Reply } from '../ports/inbound';
import { facilitatorView, memberView } from './access';
import { replan } from './plan';
import { privateReply, publicReply, type Deps, type Turn } from './context';

/** Days are calendar days at the same time of day, hours and minutes exact: "7d before the meeting, at the same time of day". */
function when(offset: NudgeOffset, side: 'before' | 'after'): string {
  const amount = 'days' in offset ? offset.days : offset.minutes;
  if (amount === 0) return side === 'before' ? 'when the meeting starts' : 'when the meeting ends';
  const anchor = side === 'before' ? 'the meeting' : 'the meeting ends';
  return 'days' in offset ? `${offset.days}d ${side} ${anchor}, at the same time of day` : `${lengthLabel(offset.minutes)} ${side} ${anchor}`;
}

function describe(n: NudgeSettings, minimum: number): string[] {
  return [
    `presenter-notice: ${when(n.presenterNoticeBefore, 'before')}, to each presenter`,
    `challenge-reminder: ${n.challengeReminder ? `${when(n.challengeReminderBefore, 'before')}, to presenters with no challenge in` : 'off'}`,
    `meeting-reminder: ${when(n.meetingReminderBefore, 'before')}, in the channel and to anyone who has not answered`,
    `low-attendance: facilitators are told when fewer than ${minimum} may come`,
    `checkin: ${n.checkin ? 'at the start of each meeting' : 'off'}`,
    `reflection: ${when(n.reflectionAfter, 'after')}, to each attendee`,
    `action-follow-up: ${n.actionFollowUp ? 'halfway to the next meeting, to anyone with open actions' : 'off'}`,
    "programme-end: the day after the programme's last meeting, to everyone",
  ];
}

function apply(n: NudgeSettings, minimum: number, nudge: NudgeSetting, v: NudgeValue): [NudgeSettings, number] {
  switch (nudge) {
    case 'presenter-notice':
      return [{ ...n, presenterNoticeBefore: v.kind === 'offset' ? v.offset : n.presenterNoticeBefore }, minimum];
    case 'challenge-reminder':
      return [v.kind === 'toggle' ? { ...n, challengeReminder: v.on } : { ...n, challengeReminder: true, challengeReminderBefore: v.kind === 'offset' ? v.offset : n.challengeReminderBefore }, minimum];
    case 'meeting-reminder':
      return [{ ...n, meetingReminderBefore: v.kind === 'offset' ? v.offset : n.meetingReminderBefore }, minimum];
    case 'reflection':
      return [{ ...n, reflectionAfter: v.kind === 'offset' ? v.offset : n.reflectionAfter }, minimum];
    case 'low-attendance':
      return [n, v.kind === 'count' ? v.n : minimum];
    case 'checkin':
      return [{ ...n, checkin: v.kind === 'toggle' ? v.on : n.checkin }, minimum];
    case 'action-follow-up':
      return [{ ...n, actionFollowUp: v.kind === 'toggle' ? v.on : n.actionFollowUp }, minimum];
  }
}

/** Shows the set's nudges, or changes one and re-plans (facilitators change, members see). */
export async function setNudges(deps: Deps, turn: Turn, args: CommandOf<'set nudges'>['args']): Promise<Reply> {
  if (!args.change) {
    const { set } = await memberView(deps, turn);
    return privateReply({ text: [`Nudges of ${set.name}:`, ...describe(set.nudges, set.minAttendance).map((l) => `- ${l}`)].join('\n'), blocks: [{ type: 'paragraph', text: `Nudges of ${set.name}:` }, { type: 'list', items: describe(set.nudges, set.minAttendance) }] });
  }
  const { set } = await facilitatorView(deps, turn, 'change its nudges');
  const [nudges, minimum] = apply(set.nudges, set.minAttendance, args.change.nudge, args.change.value);
  await deps.store.sets.setNudges(set.id, nudges, minimum, deps.clock.now());
  await replan(deps, set.id);
  const line = describe(nudges, minimum).find((l) => l.startsWith(args.change!.nudge))!;
  return publicReply({ tone: 'success', text: `Changed: ${line}. Nudges already planned have moved to match.` });
}
