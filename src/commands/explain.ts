/**
 * What `help <command>` says beyond the one-line summary: every form of the command
 * with what it does, its options, and what the worked example does. Typed by command
 * name, so a command added to the grammar without its explanation does not compile.
 */
import type { CommandName } from './grammar';

export interface Form {
  readonly usage: string;
  readonly meaning: string;
  /** Listed in the `help` overview too, where a command has two shapes worth seeing at once. */
  readonly inOverview?: boolean;
}

export interface Explanation {
  readonly forms: readonly [Form, ...Form[]];
  readonly options?: readonly { readonly option: string; readonly meaning: string }[];
  /** What the command's example (in the grammar) does, in a sentence. */
  readonly exampleMeans: string;
}

const one = (usage: string, meaning: string): Explanation['forms'] => [{ usage, meaning }];

export const explanations: Record<CommandName, Explanation> = {
  help: {
    forms: [
      { usage: 'help', meaning: 'every command, grouped by what it is for' },
      { usage: 'help <command>', meaning: 'one command: its forms, who may use it and an example; a first word alone (`help meeting`) explains its whole group' },
    ],
    exampleMeans: 'explains the schedule command, weekly and monthly.',
  },
  'set create': {
    forms: [
      { usage: 'set create <name>', meaning: 'start a set in this channel, in your own time zone (or UTC if you have not set one)' },
      { usage: 'set create <name> tz <zone>', meaning: 'start it in the given IANA time zone; `set tz <zone>` changes it later' },
    ],
    exampleMeans: 'starts the set Northern Lights in this channel, meeting in London time, with you as its facilitator.',
  },
  'set info': { forms: one('set info', "the set's channel, time zone, facilitators and members"), exampleMeans: 'shows who is in the set and which time zone it meets in.' },
  'set rename': { forms: one('set rename <name>', 'give the set a new name; its history stays'), exampleMeans: 'renames the set to Northern Lights 2027.' },
  'set tz': {
    forms: one('set tz <zone>', 'move the set to another IANA time zone; each upcoming meeting keeps its local date and time there, and its nudges follow'),
    exampleMeans: 'makes the set meet in Paris time: a 10:00 meeting stays at 10:00, now 10:00 in Paris.',
  },
  'set close': { forms: one('set close', 'end the set: no more nudges, its history is kept, and the channel can host a new set'), exampleMeans: 'closes the set at the end of its programme.' },
  'set nudges': {
    forms: [
      { usage: 'set nudges', meaning: "list the set's nudges and when each goes out" },
      { usage: 'set nudges <nudge> <when>', meaning: 'change one: an offset (1w, 7d, 36h, 90m), on or off, or a number for low-attendance' },
    ],
    options: [
      { option: '<n>d, <n>w', meaning: "calendar days or weeks, at the meeting's time of day in each person's zone" },
      { option: '<n>h, <n>m', meaning: 'exact hours or minutes' },
    ],
    exampleMeans: "sends each presenter their notice ten days before the meeting, at the meeting's time of day.",
  },
  'member add': { forms: one('member add @a [@b ...]', 'add people to the set as members; each is welcomed privately'), exampleMeans: 'adds Bob and Carol to the set.' },
  'member remove': { forms: one('member remove @a', 'take someone out of the set; anyone may remove themselves'), exampleMeans: 'takes Bob out of the set; the presenting slots planned for him go to others.' },
  'facilitator add': { forms: one('facilitator add @a', 'make a member a facilitator (added to the set first if needed)'), exampleMeans: 'makes Carol a facilitator of the set.' },
  'facilitator remove': { forms: one('facilitator remove @a', 'hand back the facilitator role; the person stays a member, and the set keeps at least one facilitator'), exampleMeans: 'makes Alice a member again, if someone else facilitates.' },
  schedule: {
    forms: [
      { usage: 'schedule every <n> weeks on <weekday> at <HH:MM> [options]', meaning: 'meet every n weeks on that weekday, at that local time', inOverview: true },
      {
        usage: 'schedule every month on the <first|second|third|fourth|last> <weekday> at <HH:MM> [options]',
        meaning: 'meet monthly on that weekday of the month; `every <n> months` for fewer meetings',
        inOverview: true,
      },
    ],
    options: [
      { option: 'for <duration>', meaning: 'how long each meeting lasts: 90m, 3h, 1h30m (3h unless given)' },
      { option: 'from <date>', meaning: 'the first meeting is on or after this date (today unless given); dates before today are not planned' },
      { option: 'until <date>', meaning: 'no meetings after this date' },
      { option: 'for <n> meetings', meaning: 'a programme of n meetings, counted from `from`' },
      { option: 'tz <zone>', meaning: "the zone the times are in, which becomes the set's (the set's zone unless given); `set tz <zone>` moves the set later, keeping meetings at their local time" },
    ],
    exampleMeans: 'plans a meeting every fourth Tuesday from 5 Jan to 30 Jun 2027, 10:00 to 13:00 in the set\'s zone, with nudges and a rotation of presenters.',
  },
  'schedule show': { forms: one('schedule show', "the set's rule, its next meeting, and when the programme ends"), exampleMeans: 'shows the rule and the next meeting in your own time zone.' },
  meetings: { forms: one('meetings', 'the upcoming meetings in your time zone, with the set\'s alongside, and when the programme ends'), exampleMeans: 'lists the meetings still to come.' },
  'meeting cancel': { forms: one('meeting cancel <date>', 'cancel the meeting on that date; it stays in the calendar, marked cancelled'), exampleMeans: 'cancels the meeting of 2 March 2027; its reminders are not sent.' },
  'meeting move': {
    forms: [
      { usage: 'meeting move <date> to <date>', meaning: 'move a meeting to another day, at the same time' },
      { usage: 'meeting move <date> to <date> at <HH:MM>', meaning: 'move it to another day and time' },
    ],
    exampleMeans: 'moves the meeting of 2 March to 9 March at 14:00; its reminders move with it.',
  },
  'meeting start': { forms: one('meeting start', "start the set's meeting today: one run-sheet message in the channel, kept current as the meeting moves on (check-in, bids, each issue, actions, process review), with Here, Bid and Next buttons"), exampleMeans: "posts today's run-sheet; RSVPs of yes count as here until someone says otherwise." },
  'meeting next': { forms: one('meeting next', 'end the running stage and start the next; on the last stage, end the meeting'), exampleMeans: 'moves from the check-in to bids for time, say.' },
  'meeting plan': {
    forms: [
      { usage: 'meeting plan', meaning: "today's stages with their time boxes" },
      { usage: 'meeting plan <stage> <minutes> ...', meaning: 'change time boxes: checkin, bids, issue (every issue) or issue1, issue2..., actions, review' },
    ],
    exampleMeans: 'gives the check-in 20 minutes, each issue 40 and the process review 15.',
  },
  'meeting end': { forms: one('meeting end', 'end the meeting now: who came and who presented are recorded, a presenter who was not there gets their turn next time, a summary goes to the channel and reflection prompts are planned from now'), exampleMeans: 'ends the meeting and posts the summary.' },
  here: {
    forms: [
      { usage: 'here', meaning: "you are at today's meeting (or its Here button)" },
      { usage: 'here no', meaning: 'you are not there after all' },
      { usage: 'here [no] @a @b', meaning: 'facilitators: mark others there, or not' },
    ],
    exampleMeans: 'marks you as here on the run-sheet.',
  },
  'sponsor add': { forms: one('sponsor add @a', "make someone a sponsor of the set: they can run `report` for its figures (attendance, turns, counts of actions and reflections), never read its content, and get no nudges"), exampleMeans: "lets Sam see the set's figures." },
  'sponsor remove': { forms: one('sponsor remove @a', 'take the sponsor role away'), exampleMeans: "Sam no longer sees the set's figures." },
  report: {
    forms: [
      { usage: 'report', meaning: "the set's figures: per meeting, who came and who presented; per member, meetings attended, turns presented, actions committed and done, reflections written (counts only)" },
      { usage: 'report programme', meaning: 'the same for every set you facilitate or sponsor, by month' },
    ],
    exampleMeans: 'sends the figures of every set you may see, with a chart (PNG) and a CSV file.',
  },
  'meeting add': { forms: one('meeting add <date> at <HH:MM>', 'add a one-off meeting, as long as the schedule\'s meetings'), exampleMeans: 'adds a meeting on 20 April 2027 at 10:00 in the set\'s zone.' },
  calendar: { forms: one('calendar', "the set's meetings as an .ics file for your calendar app; importing it again updates the same events"), exampleMeans: 'gives you the calendar file.' },
  rsvp: {
    forms: [
      { usage: 'rsvp yes|no|maybe', meaning: 'answer for the next meeting' },
      { usage: 'rsvp yes|no|maybe <date>', meaning: 'answer for the meeting on that date' },
    ],
    exampleMeans: 'tells the set you cannot come on 2 March 2027; you will not be planned to present that day.',
  },
  presenters: { forms: one('presenters <n>', 'how many present at each meeting, 1 to 4 (2 unless changed)'), exampleMeans: 'plans two presenters for each meeting.' },
  rotation: { forms: one('rotation', 'who presents at the next meetings, and why each was chosen'), exampleMeans: 'shows the coming presenters and the reason for each.' },
  bid: {
    forms: [
      { usage: 'bid', meaning: 'ask to present at the next meeting' },
      { usage: 'bid <date>', meaning: 'ask to present at the meeting on that date' },
    ],
    exampleMeans: 'asks for a presenting slot on 2 March 2027.',
  },
  withdraw: {
    forms: [
      { usage: 'withdraw', meaning: 'give back your slot at the next meeting' },
      { usage: 'withdraw <date>', meaning: 'give back your slot on that date' },
    ],
    exampleMeans: 'gives your next presenting slot back, so the rotation offers it to someone else.',
  },
  swap: { forms: one('swap @a @b', "exchange two people's next presenting slots (a facilitator, or the two of them)"), exampleMeans: 'swaps the slots of Bob and Carol.' },
  away: {
    forms: [
      { usage: 'away from <date> until <date>', meaning: 'say you are away, so the rotation skips you for those meetings' },
      { usage: 'away @a from <date> until <date>', meaning: 'the same for someone else (facilitators)' },
    ],
    exampleMeans: 'marks Carol away from 1 to 10 March 2027.',
  },
  presenting: {
    forms: [
      { usage: 'presenting on|off', meaning: 'opt yourself into or out of presenting' },
      { usage: 'presenting on|off @a', meaning: 'the same for someone else (facilitators)' },
    ],
    exampleMeans: 'takes you out of the rotation until you say `presenting on`.',
  },
  challenge: { forms: one('challenge', 'write or update your leadership challenge in a form; earlier versions are kept'), exampleMeans: 'opens the challenge form.' },
  'challenge show': {
    forms: [
      { usage: 'challenge show', meaning: 'read your own challenge' },
      { usage: 'challenge show @a', meaning: "read a set member's challenge (the set's members only)" },
    ],
    exampleMeans: "shows Alice's current challenge.",
  },
  'challenge withdraw': { forms: one('challenge withdraw', 'withdraw your challenge; the set no longer sees it'), exampleMeans: 'withdraws your challenge.' },
  'action add': {
    forms: [
      { usage: 'action add <text>', meaning: 'commit to an action before the next meeting' },
      { usage: 'action add <text> by <date>', meaning: 'the same, with a date to do it by' },
    ],
    exampleMeans: 'records that action, due 20 February 2027; it is sent back to you before the next meeting\'s check-in.',
  },
  'action done': { forms: one('action done <n>', 'mark your action number n (from `actions`) done'), exampleMeans: 'marks your action 2 done.' },
  'action drop': { forms: one('action drop <n>', 'drop your action number n'), exampleMeans: 'drops your action 2.' },
  actions: {
    forms: [
      { usage: 'actions', meaning: 'your open actions, numbered' },
      { usage: 'actions @a', meaning: "a set member's actions" },
    ],
    exampleMeans: 'lists your open actions.',
  },
  checkin: {
    forms: [
      { usage: 'checkin <question>', meaning: 'post a check-in question in the channel now' },
      { usage: 'checkin <question> next', meaning: 'open the next meeting with it, instead of one from the library' },
    ],
    exampleMeans: 'opens the next meeting with that question.',
  },
  prompt: { forms: one('prompt', 'a reflection prompt, privately, now'), exampleMeans: 'sends you a question to reflect on.' },
  'prompt add': { forms: one('prompt add <kind> <text>', "add the set's own prompt of a kind to the library it draws from"), exampleMeans: 'adds a check-in question of your own.' },
  'prompt themes': {
    forms: [
      { usage: 'prompt themes <theme> [<theme> ...]', meaning: "draw the set's prompts from those leadership themes" },
      { usage: 'prompt themes all', meaning: 'draw from every theme again' },
    ],
    exampleMeans: 'focuses the prompts on the Feel and Connect themes.',
  },
  reflect: { forms: one('reflect <text>', 'write a journal entry; it is private unless you share it'), exampleMeans: 'saves that reflection in your journal.' },
  'journal share': { forms: one('journal share <n>', "post your journal entry n in its set's channel, under your name"), exampleMeans: 'shares your entry 2 with the set.' },
  journal: { forms: one('journal', 'read your own journal entries, numbered'), exampleMeans: 'lists your entries.' },
  'me tz': { forms: one('me tz <zone>', "show you times in that IANA zone; your private nudges count days there too"), exampleMeans: 'shows you every time in New York time.' },
  'me quiet': {
    forms: [
      { usage: 'me quiet <HH:MM>-<HH:MM>', meaning: 'hold private nudges between those hours (your time), even across midnight' },
      { usage: 'me quiet off', meaning: 'private nudges arrive when they are due' },
    ],
    exampleMeans: 'holds nudges from 20:00 until 08:00 the next morning.',
  },
  'privacy export': { forms: one('privacy export', 'a JSON file of everything Setwise holds about you'), exampleMeans: 'gives you your data as a file.' },
  'privacy erase': {
    forms: [
      { usage: 'privacy erase', meaning: 'say what erasing would remove, and ask you to confirm' },
      { usage: 'privacy erase confirm', meaning: 'erase your personal content now' },
    ],
    exampleMeans: 'explains what would be erased; nothing is removed until you confirm.',
  },
};
