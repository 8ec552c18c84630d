/**
 * Every template the core's copy can send, rendered for Slack with the longest text
 * people can give it, checked against Block Kit's limits (test/support/slack-limits.ts).
 * A new template without a case here fails the coverage test below.
 */
import { readdirSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { plainFallback, renderBlocks, renderHome, renderModal } from '../../../adapters/slack/render';
import { CHALLENGE_FIELDS } from '../../../src/domain/challenge';
import { LIMITS, SET_SIZE } from '../../../src/domain/limits';
import type { LearningSet, Membership, Person } from '../../../src/domain/model';
import { nudgeSettings } from '../../../src/domain/nudges/settings';
import type { Action } from '../../../src/domain/records';
import type { SlotReason } from '../../../src/domain/rotation/types';
import type { Meeting, MeetingStatus, StoredRule } from '../../../src/domain/schedule';
import * as installCopy from '../../../src/messages/copy/install';
import * as meetingsCopy from '../../../src/messages/copy/meetings';
import * as nudgesCopy from '../../../src/messages/copy/nudges';
import * as overviewCopy from '../../../src/messages/copy/overview';
import * as rotationCopy from '../../../src/messages/copy/rotation';
import * as runSheetCopy from '../../../src/messages/copy/run-sheet';
import type { MeetingRun } from '../../../src/domain/run/types';
import * as setsCopy from '../../../src/messages/copy/sets';
import type { Form, Message } from '../../../src/ports/chat';
import { fallbackProblems, messageProblems, viewProblems } from '../../support/slack-limits';

/** What people can type that Slack would read as markup, or that is long in UTF-16: the two ways to outgrow a limit. */
const PATTERNS = {
  markup: '<@U123> <!channel> <https://evil.example|click> & &amp; > *b* _i_ `c` ',
  wide: '🙂🎉 grüße 漢字 ',
} as const;
type Kind = keyof typeof PATTERNS;

/** `n` characters (as the core counts them, by code point) of `kind`, on one line or several. */
function typed(kind: Kind, n: number, oneLine = true): string {
  const unit = [...`${PATTERNS[kind]}${oneLine ? '' : '\n'}`];
  return Array.from({ length: n }, (_, i) => unit[i % unit.length]).join('');
}

// Longest display name Slack gives (80), longest set name the core takes, and so on.
const NAME = 80;
const ACTION = 500;
const QUESTION = 500;
const MANY = 200;

const london = (weeks: number) => DateTime.fromISO('2027-01-05T10:00', { zone: 'Europe/London' }).plus({ weeks });

function meeting(i: number, extra: Partial<Meeting> = {}): Meeting {
  const start = london(i);
  return {
    id: i + 1,
    setId: 1,
    ruleId: 1,
    localDate: start.toISODate()!,
    localTime: '10:00',
    zone: 'Europe/London',
    startsAt: start.toJSDate(),
    endsAt: start.plus({ hours: 3 }).toJSDate(),
    status: 'scheduled',
    origin: 'rule',
    requestedLocalTime: i % 3 === 0 ? '01:30' : null,
    movedFromDate: null,
    sequence: 0,
    updatedAt: new Date('2027-01-01T00:00:00Z'),
    ...extra,
  };
}

function fixtures(kind: Kind) {
  const person = (i: number): Person => ({
    id: i + 1,
    workspaceId: 1,
    platformUserId: `U${String(i).padStart(9, '0')}`,
    displayName: typed(kind, NAME),
    timeZone: 'America/New_York',
    quietHours: null,
    dm: { platform: 'slack', kind: 'user', ref: { user: `U${i}` } },
  });
  const people = Array.from({ length: 60 }, (_, i) => person(i));
  const set: LearningSet = {
    id: 1,
    workspaceId: 1,
    name: typed(kind, LIMITS.setName),
    channelId: 'C1',
    channelLabel: `#${typed(kind, 80)}`,
    channel: { platform: 'slack', kind: 'channel', ref: { channel: 'C1' } },
    timeZone: 'Europe/London',
    presentersPerMeeting: 2,
    minAttendance: 3,
    nudges: nudgeSettings({}),
    promptThemes: [],
    status: 'open',
    createdAt: new Date('2027-01-01T00:00:00Z'),
    closedAt: null,
  };
  const members: Membership[] = people.map((p, i) => ({ setId: 1, person: p, role: i < 3 ? 'facilitator' : 'member', presenting: true, joinedAt: new Date('2027-01-01T00:00:00Z') }));
  const meetings = Array.from({ length: MANY }, (_, i) => meeting(i));
  const weekly: StoredRule = { id: 1, createdAt: new Date(), cadence: { kind: 'weekly', everyWeeks: 4 }, weekday: 2, localTime: '10:00', durationMinutes: 180, from: '2027-01-05', until: '2099-12-31', count: null, zone: 'Europe/London' };
  const monthly: StoredRule = { ...weekly, cadence: { kind: 'monthly', everyMonths: 1, week: -1 }, until: null, count: 6 };
  const actions: Action[] = Array.from({ length: MANY }, (_, i) => ({ number: i + 1, text: typed(kind, ACTION), due: i % 2 ? '2027-02-02' : null, status: 'open', createdAt: new Date() }));
  const reasons: SlotReason[] = [
    { kind: 'not-presented-yet' },
    { kind: 'not-this-cycle', last: '2026-12-01' },
    { kind: 'least-recent', last: '2026-11-03' },
    { kind: 'missed-turn', on: '2026-12-01', why: 'said no' },
    { kind: 'bid', on: '2027-01-02' },
    { kind: 'swap', with: typed(kind, NAME) },
    { kind: 'withdrew' },
    { kind: 'away' },
    { kind: 'said-no' },
    { kind: 'opted-out' },
  ];
  const rows = meetings.map((m, i) => ({
    meeting: m,
    presenters: [0, 1, 2].map((p) => ({ id: p, meetingId: m.id, personId: p + 1, position: p, source: 'rotation' as const, status: 'planned' as const, reason: reasons[(i + p) % reasons.length]!, notifiedAt: p ? null : new Date(), swapWith: null, createdAt: new Date(), name: typed(kind, NAME) })),
  }));
  const ends = [undefined, { kind: 'final', date: '2027-06-22', meetingId: 7, until: '2027-06-30' }, { kind: 'horizon', date: '2027-12-28', meetingId: 12 }] as const;
  const shown: MeetingStatus[] = ['scheduled', 'cancelled', 'held'];
  return { people, set, members, meetings, weekly, monthly, actions, reasons, rows, ends, shown, question: typed(kind, QUESTION), error: typed(kind, 2000, false) };
}

type Fixtures = ReturnType<typeof fixtures>;

const byId = (f: Fixtures) => new Map(f.people.map((p) => [p.id, p] as const));

/** A run-sheet with no issue, and one with four (the most presenters), running and ended. */
function runs(f: Fixtures): MeetingRun[] {
  const base: MeetingRun = {
    meetingId: 1,
    setId: 1,
    status: 'running',
    stages: [],
    stage: 0,
    stageStartedAt: new Date('2027-01-05T10:00:00Z'),
    bids: f.people.slice(4, 24).map((p, i) => ({ personId: p.id, at: new Date(Date.UTC(2027, 0, 5, 10, i)) })),
    passed: [f.people[1]!.id],
    posted: null,
    startedBy: f.people[0]!.id,
    startedAt: new Date('2027-01-05T09:50:00Z'),
    endedAt: null,
    version: 3,
  };
  const stages = (n: number): MeetingRun['stages'] => [
    { kind: 'checkin', minutes: 240 },
    { kind: 'bids', minutes: 240 },
    ...f.people.slice(0, n).map((p) => ({ kind: 'issue' as const, minutes: 240, presenterId: p.id })),
    { kind: 'actions', minutes: 240 },
    { kind: 'review', minutes: 240 },
  ];
  return [
    { ...base, stages: stages(0) },
    { ...base, stages: stages(4) },
    { ...base, stages: stages(4), status: 'ended', endedAt: new Date('2027-01-05T23:00:00Z') },
  ];
}
type Sent = Message | string | undefined;

/** A string the core says on its own (an error, a refusal) goes out as a message's text. */
const asMessage = (sent: Sent): Message => (typeof sent === 'string' || sent === undefined ? { text: sent ?? '', tone: 'error' } : sent);

/** For each copy module, each export: what it can send, given fixtures. */
const CASES: Record<string, Record<string, (f: Fixtures) => Sent[]>> = {
  sets: {
    setCreated: (f) => (['given', 'yours', 'default'] as const).map((source) => setsCopy.setCreated(f.set, source)),
    zoneChanged: (f) => [setsCopy.zoneChanged(f.set, 'America/Argentina/ComodRivadavia', f.meetings), setsCopy.zoneChanged(f.set, 'Asia/Tokyo', [])],
    zoneRefused: (f) => [
      setsCopy.zoneRefused({ ok: false, reason: 'too-soon', meeting: f.meetings[0]! }, 'Pacific/Kiritimati'),
      setsCopy.zoneRefused({ ok: false, reason: 'overlap', meeting: f.meetings[0]!, other: f.meetings[1]! }, 'Pacific/Kiritimati'),
    ],
    setInfo: (f) => [setsCopy.setInfo(f.set, f.members, f.people[0]!), setsCopy.setInfo(f.set, f.members.slice(0, 1), { ...f.people[0]!, timeZone: null })],
    setRenamed: (f) => [setsCopy.setRenamed(f.set.name, f.set.name)],
    setClosed: (f) => [setsCopy.setClosed(f.set)],
    membersAdded: (f) => [setsCopy.membersAdded(f.set, f.people.slice(0, LIMITS.membersPerCommand), f.people.slice(20, 40), SET_SIZE.max), setsCopy.membersAdded(f.set, [], f.people.slice(0, 1), 1)],
    setFull: (f) => [setsCopy.setFull(f.set, SET_SIZE.max, 1), setsCopy.setFull(f.set, 15, LIMITS.membersPerCommand)],
    setSizeAdvice: () => [setsCopy.setSizeAdvice],
    welcome: (f) => [setsCopy.welcome(f.set, f.people[0]!)],
    memberRemoved: (f) => [setsCopy.memberRemoved(f.set, f.people[1]!, false), setsCopy.memberRemoved(f.set, f.people[1]!, true)],
    removedNotice: (f) => [setsCopy.removedNotice(f.set, f.people[0]!)],
    facilitatorAdded: (f) => [setsCopy.facilitatorAdded(f.set, f.people[1]!)],
    facilitatorRemoved: (f) => [setsCopy.facilitatorRemoved(f.set, f.people[1]!)],
    lastFacilitator: (f) => [setsCopy.lastFacilitator(f.set, f.people[0]!)],
  },
  meetings: {
    ruleLabel: (f) => [meetingsCopy.ruleLabel(f.weekly), meetingsCopy.ruleLabel(f.monthly)],
    endLabel: (f) => f.ends.map((end) => meetingsCopy.endLabel(end)),
    gapNote: (f) => [meetingsCopy.gapNote(f.meetings[0]!)],
    scheduled: (f) =>
      f.ends.map((end) => meetingsCopy.scheduled({ set: f.set, rule: f.monthly, upcoming: f.meetings, kept: 3, past: { count: 4, first: '2026-09-01', last: '2026-12-01' }, zoneChanged: true, end })),
    scheduleShown: (f) => [
      meetingsCopy.scheduleShown(f.set, undefined, undefined, undefined, 'UTC'),
      ...f.ends.map((end) => meetingsCopy.scheduleShown(f.set, f.monthly, f.meetings[0], end, 'America/New_York')),
      meetingsCopy.scheduleShown(f.set, f.weekly, undefined, undefined, 'Europe/London'),
    ],
    meetingList: (f) => [
      ...f.ends.map((end) => meetingsCopy.meetingList({ set: f.set, hasRule: true, upcoming: f.meetings.map((m, i) => ({ ...m, shown: f.shown[i % 3]! })), held: 12, end, viewerZone: 'America/New_York' })),
      meetingsCopy.meetingList({ set: f.set, hasRule: false, upcoming: [], held: 0, end: undefined, viewerZone: 'UTC' }),
    ],
    meetingCancelled: (f) => [meetingsCopy.meetingCancelled(f.meetings[0]!)],
    meetingMoved: (f) => [meetingsCopy.meetingMoved(f.meetings[1]!, f.meetings[0]!), meetingsCopy.meetingMoved(f.meetings[0]!, f.meetings[1]!)],
    meetingAdded: (f) => [meetingsCopy.meetingAdded(f.meetings[0]!), meetingsCopy.meetingAdded(f.meetings[1]!)],
  },
  nudges: {
    rsvpButtons: () => [{ text: 'Will you come?', actions: nudgesCopy.rsvpButtons(Number.MAX_SAFE_INTEGER) }],
    presenterNotice: (f) => f.reasons.map((reason) => nudgesCopy.presenterNotice(f.set, f.meetings[0]!, reason, 'Asia/Kolkata')),
    challengeReminder: (f) => [nudgesCopy.challengeReminder(f.set, f.meetings[0]!, 'Asia/Kolkata')],
    meetingReminder: (f) => [
      nudgesCopy.meetingReminder(f.set, f.meetings[0]!, f.people.slice(0, SET_SIZE.max), { yes: 12, no: 3, maybe: 5 }),
      nudgesCopy.meetingReminder(f.set, f.meetings[0]!, [], { yes: 0, no: 0, maybe: 0 }),
    ],
    rsvpReminder: (f) => [nudgesCopy.rsvpReminder(f.set, f.meetings[0]!, 'Australia/Lord_Howe')],
    lowAttendance: (f) => [nudgesCopy.lowAttendance(f.set, f.meetings[0]!, 1, 19, 3, 'UTC')],
    checkin: (f) => [nudgesCopy.checkin(f.set, f.question)],
    checkinActions: (f) => [nudgesCopy.checkinActions(f.set, f.actions)],
    reflection: (f) => [nudgesCopy.reflection(f.set, f.meetings[0]!, f.question)],
    actionFollowUp: (f) => [nudgesCopy.actionFollowUp(f.set, f.meetings[1]!, f.actions, 'UTC'), nudgesCopy.actionFollowUp(f.set, f.meetings[1]!, [], 'UTC')],
    programmeEnd: (f) => [nudgesCopy.programmeEnd(f.set, Array.from({ length: 12 }, () => f.question))],
    deadLetter: (f) => [nudgesCopy.deadLetter(f.set, 'meeting-reminder', f.error), nudgesCopy.deadLetter(f.set, 'meeting-reminder', f.error, 10)],
  },
  install: {
    installedHello: () => [installCopy.installedHello('channel'), installCopy.installedHello('dm')],
  },
  overview: {
    overview: (f) => {
      const one = (i: number, next: Meeting | undefined) => ({
        set: { ...f.set, id: i + 1 },
        next,
        presenters: f.people.slice(0, 3),
        presenting: i % 2 === 0,
        challenge: i % 3 ? typed('markup', CHALLENGE_FIELDS[0].maxLength) : undefined,
        actions: f.actions,
        answer: (['yes', 'no', 'maybe', undefined] as const)[i % 4],
      });
      const zone = () => 'America/New_York';
      return [overviewCopy.overview([], zone), overviewCopy.overview([one(0, f.meetings[0])], zone), overviewCopy.overview([one(1, undefined)], zone), overviewCopy.overview(f.meetings.slice(0, 30).map((m, i) => one(i, i % 5 ? m : undefined)), zone)];
    },
  },
  'run-sheet': {
    QUESTIONING_RULE: () => [runSheetCopy.QUESTIONING_RULE],
    stageLabel: (f) => runs(f).flatMap((run) => run.stages.map((_, i) => runSheetCopy.stageLabel(run.stages, i, byId(f)))),
    runSheet: (f) =>
      runs(f).flatMap((run) =>
        run.stages.map((_, stage) =>
          runSheetCopy.runSheet({
            set: f.set,
            meeting: f.meetings[0]!,
            run: { ...run, stage },
            now: new Date(run.stageStartedAt.getTime() + (stage % 2 ? 90 : -5) * 60_000),
            people: byId(f),
            memberIds: f.people.slice(0, SET_SIZE.max).map((p) => p.id),
            here: new Set(f.people.slice(0, stage * 3).map((p) => p.id)),
            absent: new Set(f.people.slice(stage * 3, stage * 3 + 2).map((p) => p.id)),
            planned: f.people.slice(0, 4).map((p) => p.id),
            challengeWritten: stage % 2 === 0,
            reviewQuestion: f.question,
          }),
        ),
      ),
    headsUp: (f) => runs(f).flatMap((run) => run.stages.map((_, stage) => runSheetCopy.headsUp(f.set, { ...run, stage }, 1, byId(f), 5))),
    meetingSummary: (f) => [
      runSheetCopy.meetingSummary({
        set: f.set,
        meeting: f.meetings[0]!,
        run: { ...runs(f)[1]!, endedAt: new Date('2027-01-05T13:00:00Z') },
        attended: f.people.slice(0, SET_SIZE.max),
        presented: f.people.slice(0, 4),
        actions: f.people.slice(0, SET_SIZE.max).map((person, i) => ({ person, count: i + 40 })),
        missedTurns: f.people.slice(4, 8),
        next: { meeting: f.meetings[1]!, presenters: f.people.slice(8, 12) },
      }),
      runSheetCopy.meetingSummary({ set: f.set, meeting: f.meetings[0]!, run: { ...runs(f)[0]!, endedAt: new Date('2027-01-05T10:01:00Z') }, attended: [], presented: [], actions: [], missedTurns: [] }),
    ],
  },
  rotation: {
    reasonLabel: (f) => f.reasons.map((reason) => rotationCopy.reasonLabel(reason)),
    rotationView: (f) => [
      rotationCopy.rotationView(f.set, f.rows, 4, 'America/New_York'),
      rotationCopy.rotationView(f.set, f.rows, 3, 'Europe/London', f.question),
      rotationCopy.rotationView(f.set, [], 2, 'UTC', f.question),
    ],
  },
};

const MODULES: Record<string, object> = { install: installCopy, sets: setsCopy, meetings: meetingsCopy, nudges: nudgesCopy, overview: overviewCopy, rotation: rotationCopy, 'run-sheet': runSheetCopy };

describe('the copy modules', () => {
  it('are all here', () => {
    const files = readdirSync(new URL('../../../src/messages/copy/', import.meta.url)).filter((name) => name.endsWith('.ts'));
    expect(files.map((name) => name.replace(/\.ts$/, '')).sort()).toEqual(Object.keys(MODULES).sort());
  });

  it.each(Object.keys(MODULES))('%s: every export has a case here', (name) => {
    expect(Object.keys(CASES[name]!).sort()).toEqual(Object.keys(MODULES[name]!).sort());
  });
});

describe.each(Object.keys(PATTERNS) as Kind[])('every template, with long %s text, within Block Kit limits', (kind) => {
  const f = fixtures(kind);
  const all = Object.entries(CASES).flatMap(([module, cases]) => Object.entries(cases).map(([name, make]) => [`${module}.${name}`, make] as const));

  it.each(all)('%s', (_, make) => {
    for (const message of make(f).map(asMessage)) {
      expect(messageProblems(renderBlocks(message))).toEqual([]);
      expect(viewProblems(renderHome(message))).toEqual([]);
      expect(fallbackProblems(plainFallback(message))).toEqual([]);
    }
  });

  it('the challenge form, filled to every limit, as a modal', () => {
    const form: Form = {
      id: 'challenge:9007199254740991',
      title: `Your leadership challenge for ${f.set.name}`,
      submitLabel: 'Save',
      fields: CHALLENGE_FIELDS.map((c) => ({ id: c.id, label: c.label, kind: c.long ? 'long' : 'short', required: c.required, maxLength: c.maxLength, hint: c.hint, initial: typed(kind, c.maxLength, !c.long) })),
    };
    const view = renderModal(form, { privateMetadata: 'x'.repeat(3000), intro: `Write your leadership challenge for ${f.set.name}. Only the set's members can read it.` });
    expect(viewProblems(view)).toEqual([]);
  });

  it('the reflection form as a modal', () => {
    const form: Form = { id: 'reflection:1', title: 'A reflection', submitLabel: 'Keep it', fields: [{ id: 'text', label: 'Your reflection', kind: 'long', required: true, maxLength: 3000, initial: typed(kind, 3000, false) }] };
    expect(viewProblems(renderModal(form, { intro: 'Your reflection stays private unless you choose to share it.' }))).toEqual([]);
  });
});
