import type { Meeting, StoredRule } from '../../src/domain/schedule';
import type { MonthWeek } from '../../src/domain/schedule';
import { nudgeSettings } from '../../src/domain/nudges/settings';
import type { LearningSet, Membership, Person } from '../../src/domain/model';
import type { meetings, memberships, people, scheduleRules, sets } from '../schema';

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
