import { helpFor } from '../commands/help';
import type { Command, CommandName, CommandOf } from '../commands/grammar';
import type { Reply } from '../ports/inbound';
import { calendar } from './calendar';
import { openChallenge, showChallenge, withdrawChallenge } from './challenges';
import { checkin } from './checkins';
import { journal, reflect, shareEntry } from './journal';
import { eraseMyData, exportMyData } from './privacy';
import { privateReply, type Deps, type Turn } from './context';
import { actionDone, actionDrop, addAction, listActions } from './actions';
import { setMyZone, setQuietHours } from './me';
import { setNudges } from './nudge-settings';
import { addPrompt, promptNow, setPromptThemes } from './prompts';
import { rsvp } from './rsvp';
import { addMeeting, cancelMeeting, listMeetings, moveMeeting } from './meetings';
import { addFacilitator, addMembers, removeFacilitator, removeMember } from './members';
import { away, bid, presenting, setPresenters, showRotation, swap, withdraw } from './rotation';
import { setSchedule, showSchedule } from './schedule';
import { meetingEnd, meetingNext, meetingPlan, meetingStart } from './meeting-day/run';
import { here, liveBid } from './meeting-day/attendance';
import { addSponsor, removeSponsor } from './sponsors';
import { report } from './report/report';
import { closeSet, createSet, renameSet, setZone, showSet } from './sets';

type Handler<K extends CommandName> = (deps: Deps, turn: Turn, args: CommandOf<K>['args']) => Promise<Reply>;

/** The use case behind each built command; a command missing here answers "coming soon". */
const handlers: { [K in CommandName]?: Handler<K> } = {
  help: async (_deps, _turn, args) => privateReply(helpFor(args.topic)),
  'set create': createSet,
  'set info': showSet,
  'set rename': renameSet,
  'set tz': setZone,
  'set close': closeSet,
  'member add': addMembers,
  'member remove': removeMember,
  'facilitator add': addFacilitator,
  'facilitator remove': removeFacilitator,
  schedule: setSchedule,
  'schedule show': showSchedule,
  meetings: listMeetings,
  'meeting cancel': cancelMeeting,
  'meeting move': moveMeeting,
  'meeting add': addMeeting,
  calendar,
  presenters: setPresenters,
  rotation: showRotation,
  // With no date while today's meeting takes bids, these are about today.
  bid: async (deps, turn, args) => (await liveBid(deps, turn, 'bid', args.date)) ?? bid(deps, turn, args),
  withdraw: async (deps, turn, args) => (await liveBid(deps, turn, 'withdraw', args.date)) ?? withdraw(deps, turn, args),
  swap,
  away,
  presenting,
  'set nudges': setNudges,
  rsvp,
  'action add': addAction,
  'action done': actionDone,
  'action drop': actionDrop,
  actions: listActions,
  'me tz': setMyZone,
  'me quiet': setQuietHours,
  checkin,
  challenge: openChallenge,
  'challenge show': showChallenge,
  'challenge withdraw': withdrawChallenge,
  reflect,
  journal,
  'journal share': shareEntry,
  'privacy export': exportMyData,
  'privacy erase': eraseMyData,
  prompt: promptNow,
  'prompt add': addPrompt,
  'prompt themes': setPromptThemes,
  'meeting start': meetingStart,
  'meeting next': meetingNext,
  'meeting plan': meetingPlan,
  'meeting end': meetingEnd,
  here,
  'sponsor add': addSponsor,
  'sponsor remove': removeSponsor,
  report,
};

export function isBuilt(name: CommandName): boolean {
  return handlers[name] !== undefined;
}

/** Runs a parsed command's use case. */
export async function dispatch(deps: Deps, turn: Turn, command: Command): Promise<Reply> {
  const handler = handlers[command.name] as Handler<typeof command.name> | undefined;
  if (!handler) {
    return privateReply({
      tone: 'info',
      text: `\`${command.name}\` is coming soon: it is part of Setwise's grammar but not built yet. Type \`help\` to see what works today.`,
    });
  }
  return handler(deps, turn, command.args as never);
}
