import { nudgeSettings } from '../../src/domain/nudges/settings';
import type { LearningSet, Membership, Person } from '../../src/domain/model';
import type { Job, NudgeKind } from '../../src/domain/nudges/job';
import type { Identity } from '../../src/ports/inbound';
import type { NewSet } from '../../src/ports/store';
import type { JobStatus, OutboxEntry } from '../../src/domain/plan/types';
import type { Slot, SlotReason } from '../../src/domain/rotation/types';
import type { Meeting, MonthWeek, Occurrence, ScheduleRule, StoredRule } from '../../src/domain/schedule';
import type { PersonalData } from '../../src/domain/records';
import type { Attendance, MeetingRun, RunChange, Stage } from '../../src/domain/run/types';
import type { absences, actions, attendance, meetingRuns, sponsors, challenges, jobs, meetings, memberships, people, presenterSlots, reflections, rsvps, scheduleRules, sets } from '../schema';

/*
 * Rows to domain values and domain values to columns, for both stores: the SQLite
 * schema's row types here are satisfied by db/pg/schema.ts's rows too (the twin
 * schemas have the same columns and JavaScript types), so what does not depend on
 * the SQL dialect is written once.
 */

type PersonRow = typeof people.$inferSelect;
type SetRow = typeof sets.$inferSelect;
type MembershipRow = typeof memberships.$inferSelect;

export const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  workspaceId: r.workspaceId,
  platformUserId: r.platformUserId,
  displayName: r.displayName,
  // The zone they chose wins; until then, the one their platform reports.
  timeZone: r.timeZone ?? r.platformTimeZone,
  quietHours: r.quietStart && r.quietEnd ? { start: r.quietStart, end: r.quietEnd } : null,
  dm: r.dmAddress ?? null,
});

export const toSet = (r: SetRow): LearningSet => ({
  id: r.id,
  workspaceId: r.workspaceId,
  name: r.name,
  channelId: r.channelId,
  channelLabel: r.channelLabel,
  channel: r.channelAddress,
  timeZone: r.timeZone,
  presentersPerMeeting: r.presentersPerMeeting,
  minAttendance: r.minAttendance,
  nudges: nudgeSettings(r.settings),
  promptThemes: Array.isArray(r.settings.promptThemes) ? r.settings.promptThemes.filter((t): t is string => typeof t === 'string') : [],
  status: r.status,
  createdAt: r.createdAt,
  closedAt: r.closedAt,
});

export const toMembership = (m: MembershipRow, p: PersonRow): Membership => ({
  setId: m.setId,
  person: toPerson(p),
  role: m.role,
  presenting: m.presenting,
  joinedAt: m.joinedAt,
});

export const toMeeting = (r: typeof meetings.$inferSelect): Meeting => ({
  id: r.id,
  setId: r.setId,
  ruleId: r.ruleId,
  localDate: r.localDate,
  localTime: r.localTime,
  zone: r.timeZone,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  status: r.status,
  origin: r.origin,
  requestedLocalTime: r.requestedLocalTime,
  movedFromDate: r.movedFromDate,
  sequence: r.sequence,
  updatedAt: r.updatedAt,
});

export const toRule = (r: typeof scheduleRules.$inferSelect): StoredRule => ({
  id: r.id,
  cadence:
    r.intervalMonths !== null && r.monthWeek !== null
      ? { kind: 'monthly', everyMonths: r.intervalMonths, week: r.monthWeek as MonthWeek }
      : { kind: 'weekly', everyWeeks: r.intervalWeeks },
  weekday: r.weekday,
  localTime: r.localTime,
  durationMinutes: r.durationMinutes,
  from: r.fromDate,
  until: r.untilDate,
  count: r.count,
  zone: r.timeZone,
  createdAt: r.createdAt,
});

export const toSlot = (r: typeof presenterSlots.$inferSelect): Slot => ({
  id: r.id,
  meetingId: r.meetingId,
  personId: r.personId,
  position: r.position,
  source: r.source,
  status: r.status,
  reason: r.reason as SlotReason,
  notifiedAt: r.notifiedAt,
  swapWith: r.swapWith,
  createdAt: r.createdAt,
});

type OutboxRow = Pick<typeof jobs.$inferSelect, 'id' | 'kind' | 'dedupeKey' | 'status' | 'runAt' | 'staleAt' | 'attempts' | 'lastError' | 'payload'>;

/** A job as a set's plan sees it. Field by field, not by spreading: a set's outbox runs to thousands of rows. */
export const toOutboxEntry = (j: OutboxRow): OutboxEntry => {
  const p = j.payload as { meetingId?: unknown; personId?: unknown };
  return {
    id: j.id,
    kind: j.kind as NudgeKind,
    dedupeKey: j.dedupeKey,
    status: j.status as JobStatus,
    runAt: j.runAt,
    staleAt: j.staleAt,
    attempts: j.attempts,
    lastError: j.lastError,
    meetingId: typeof p.meetingId === 'number' ? p.meetingId : null,
    personId: typeof p.personId === 'number' ? p.personId : null,
  };
};

/** A job as the scheduler sees it. */
export const toJob = (r: typeof jobs.$inferSelect): Job => {
  const payload = r.payload as { meetingId?: number; personId?: number | null };
  return {
    id: r.id,
    kind: r.kind as NudgeKind,
    dedupeKey: r.dedupeKey,
    setId: r.setId ?? 0,
    meetingId: payload.meetingId ?? 0,
    personId: payload.personId ?? null,
    runAt: r.runAt,
    staleAt: r.staleAt,
    attempts: r.attempts,
  };
};

/** The columns an occurrence sets on a meeting row. */
export const meetingTiming = (o: Occurrence) => ({
  localDate: o.localDate,
  localTime: o.localTime,
  timeZone: o.zone,
  startsAt: o.instant,
  endsAt: o.ends,
  requestedLocalTime: o.shiftedFrom ?? null,
});

/** The columns a schedule rule sets on its row (the set, author and time aside). */
export const ruleColumns = (rule: ScheduleRule) => ({
  intervalWeeks: rule.cadence.kind === 'weekly' ? rule.cadence.everyWeeks : 0,
  intervalMonths: rule.cadence.kind === 'monthly' ? rule.cadence.everyMonths : null,
  monthWeek: rule.cadence.kind === 'monthly' ? rule.cadence.week : null,
  weekday: rule.weekday,
  localTime: rule.localTime,
  durationMinutes: rule.durationMinutes,
  fromDate: rule.from,
  untilDate: rule.until,
  count: rule.count,
  timeZone: rule.zone,
});

/** The columns a planned slot sets on its row. */
export const slotColumns = (slot: Slot, now: Date) => ({
  meetingId: slot.meetingId,
  personId: slot.personId,
  position: slot.position,
  source: slot.source,
  status: slot.status,
  reason: slot.reason,
  notifiedAt: slot.notifiedAt,
  swapWith: slot.swapWith,
  updatedAt: now,
});

/** What a job's payload holds: the meeting and person it is about. */
export const jobPayload = (n: { readonly meetingId: number | null; readonly personId: number | null }) => ({ meetingId: n.meetingId, personId: n.personId });

/** A person's row as their platform first tells of them. */
export const newPersonColumns = (workspaceId: number, identity: Identity, now: Date) => ({
  workspaceId,
  platformUserId: identity.userId,
  displayName: identity.displayName,
  dmAddress: identity.dm ?? null,
  platformTimeZone: identity.timeZone ?? null,
  createdAt: now,
  updatedAt: now,
});

/**
 * What a later visit refreshes: platforms are the source of truth for names, private
 * addresses and reported zones (an address or zone not given this time is kept).
 */
export const refreshedPersonColumns = (identity: Identity, now: Date) => ({
  ...(identity.hearsay ? {} : { displayName: identity.displayName }),
  ...(identity.dm ? { dmAddress: identity.dm } : {}),
  ...(identity.timeZone ? { platformTimeZone: identity.timeZone } : {}),
  updatedAt: now,
});

/** A new set's row. */
export const newSetColumns = (input: NewSet, facilitatorId: number, now: Date) => ({
  workspaceId: input.workspaceId,
  name: input.name,
  channelId: input.channelId,
  channelLabel: input.channelLabel,
  channelAddress: input.channel,
  timeZone: input.timeZone,
  createdBy: facilitatorId,
  createdAt: now,
  updatedAt: now,
});

/** Everything stored about one person, as read for an export. */
export interface PersonRows {
  readonly person: PersonRow | undefined;
  readonly memberships: readonly MembershipRow[];
  readonly challenges: readonly (typeof challenges.$inferSelect)[];
  readonly actions: readonly (typeof actions.$inferSelect)[];
  readonly reflections: readonly (typeof reflections.$inferSelect)[];
  readonly rsvps: readonly (typeof rsvps.$inferSelect)[];
  readonly absences: readonly (typeof absences.$inferSelect)[];
  readonly slots: readonly (typeof presenterSlots.$inferSelect)[];
  readonly attendance: readonly (typeof attendance.$inferSelect)[];
  readonly sponsoring: readonly (typeof sponsors.$inferSelect)[];
  /** Every set's name, by id. */
  readonly setNames: ReadonlyMap<number, string>;
  /** The local date of each meeting their answers and slots name, by id. */
  readonly meetingDates: ReadonlyMap<number, string>;
}

/** The ids of the meetings a person's answers and slots name: whose dates an export shows. */
export const meetingsNamed = (rows: Pick<PersonRows, 'rsvps' | 'slots' | 'attendance'>): number[] => [...new Set([...rows.rsvps, ...rows.slots, ...rows.attendance].map((r) => r.meetingId))];

/** A person's export, from their rows. */
export function toPersonalData(r: PersonRows): PersonalData {
  const setName = (id: number) => r.setNames.get(id) ?? '?';
  const meetingDate = (id: number) => r.meetingDates.get(id) ?? null;
  const p = r.person;
  return {
    profile: p
      ? {
          name: p.displayName,
          platformUserId: p.platformUserId,
          timeZone: p.timeZone,
          platformTimeZone: p.platformTimeZone,
          quietHours: p.quietStart ? `${p.quietStart}-${p.quietEnd}` : null,
          firstSeen: p.createdAt,
        }
      : null,
    sets: r.memberships.map((m) => ({ set: setName(m.setId), role: m.role, presenting: m.presenting, joined: m.joinedAt, left: m.leftAt })),
    challenges: r.challenges.map((c) => ({ set: setName(c.setId), version: c.version, status: c.status, written: c.createdAt, fields: c.fields })),
    actions: r.actions.map((x) => ({ set: setName(x.setId), text: x.text, due: x.dueDate, status: x.status, created: x.createdAt, closed: x.closedAt })),
    reflections: r.reflections.map((x) => ({ set: x.setId ? setName(x.setId) : null, text: x.text, written: x.createdAt, shared: x.sharedAt })),
    rsvps: r.rsvps.map((x) => ({ meeting: meetingDate(x.meetingId), answer: x.answer, answered: x.updatedAt })),
    absences: r.absences.map((x) => ({ set: setName(x.setId), from: x.fromDate, until: x.untilDate })),
    presenting: r.slots.map((x) => ({ meeting: meetingDate(x.meetingId), status: x.status, source: x.source })),
    attendance: r.attendance.map((x) => ({ meeting: meetingDate(x.meetingId), present: x.present, markedBy: x.source })),
    sponsoring: r.sponsoring.map((x) => ({ set: setName(x.setId), since: x.createdAt })),
  };
}

type RunRow = typeof meetingRuns.$inferSelect;

export const toRun = (r: RunRow): MeetingRun => ({
  meetingId: r.meetingId,
  setId: r.setId,
  status: r.status,
  stages: r.stages as Stage[],
  stage: r.stage,
  stageStartedAt: r.stageStartedAt,
  bids: r.bids.map((b) => ({ personId: b.personId, at: new Date(b.at) })),
  passed: r.passed,
  posted: r.posted ?? null,
  startedBy: r.startedBy,
  startedAt: r.startedAt,
  endedAt: r.endedAt,
  version: r.version,
});

/** A run's columns, from the whole of it or a change to it. */
export const runColumns = (c: RunChange) => ({
  ...(c.stages ? { stages: c.stages.map((s) => ({ ...s })) } : {}),
  ...(c.stage !== undefined ? { stage: c.stage } : {}),
  ...(c.stageStartedAt ? { stageStartedAt: c.stageStartedAt } : {}),
  ...(c.bids ? { bids: c.bids.map((b) => ({ personId: b.personId, at: b.at.getTime() })) } : {}),
  ...(c.passed ? { passed: [...c.passed] } : {}),
  ...(c.posted !== undefined ? { posted: c.posted } : {}),
});

export const toAttendance = (r: typeof attendance.$inferSelect): Attendance => ({ meetingId: r.meetingId, personId: r.personId, present: r.present, source: r.source });
