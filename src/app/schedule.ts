import { withRunsKept } from './meeting-day/runs';
import { DateTime } from 'luxon';
import type { CommandOf } from '../commands/grammar';
import { SetwiseError } from '../domain/errors';
import { programmeEnd, ruleChanges } from '../domain/meetings';
import { DEFAULT_DURATION_MINUTES, lastDate, occurrences } from '../domain/recurrence';
import type { PlanSnapshot } from '../domain/plan/types';
import type { Occurrence, ScheduleRule } from '../domain/schedule';
import { localToday } from '../domain/wall-time';
import * as copy from '../messages/copy/meetings';
import { dayLabel } from '../messages/when';
import type { Reply } from '../ports/inbound';
import { facilitatorView, memberView } from './access';
import { privateReply, publicReply, viewerZone, type Deps, type Turn } from './context';
import { replan, withSnapshot, type PlanDeps } from './plan';

/**
 * Sets the set's recurring meetings (facilitators). Future meetings of the old rule
 * are re-planned; dates of the new rule before today are not planned, and the reply
 * says so.
 */
export async function setSchedule(deps: Deps, turn: Turn, args: CommandOf<'schedule'>['args']): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'change the schedule');
  const now = deps.clock.now();
  // The zone and length left unsaid are the set's as the snapshot reads them, so a
  // `set tz` that lands meanwhile is either seen or makes this re-read, never undone.
  const { stored, changes, made } = await applyRule(deps, set.id, turn.actor.id, (snapshot) => {
    const zone = args.tz ?? snapshot.set.timeZone;
    const today = localToday(now, zone);
    const rule: ScheduleRule = {
      cadence: args.cadence,
      weekday: args.weekday,
      localTime: args.time,
      durationMinutes: args.durationMinutes ?? snapshot.rule?.durationMinutes ?? DEFAULT_DURATION_MINUTES,
      from: args.from ?? today,
      until: args.until ?? null,
      count: args.count ?? null,
      zone,
    };
    const { upcoming: planned, past } = occurrences(rule, now);
    if (planned.length === 0) {
      if (past.count > 0) {
        throw new SetwiseError('invalid', `Every date of that schedule is already past (the last is ${dayLabel(past.last!)}), so there is nothing to plan.`, `Plan from today on, e.g. \`from ${nextDay(today)}\`${rule.until ? ' with a later `until`' : ''}.`);
      }
      throw new SetwiseError('invalid', `That schedule gives no meetings between ${dayLabel(rule.from)} and ${dayLabel(lastDate(rule, today))}.`, 'Widen the dates, or meet more often.');
    }
    return { rule, planned, past, zoneBefore: snapshot.set.timeZone };
  });
  const meetings = await deps.store.meetings.list(set.id);
  const upcoming = meetings.filter((m) => m.status === 'scheduled' && m.startsAt.getTime() > now.getTime());
  deps.log.info({ setId: set.id, created: changes.insert.length, updated: changes.update.length, removed: changes.remove.length }, 'schedule set');
  return publicReply(
    copy.scheduled({
      set: { ...set, timeZone: made.rule.zone },
      rule: stored,
      upcoming,
      kept: changes.kept.length,
      past: made.past,
      zoneChanged: made.rule.zone !== made.zoneBefore,
      end: programmeEnd(stored, meetings),
    }),
  );
}

/**
 * Makes a rule the set's. `make` works it out (and its occurrences) from the set as
 * read; the meetings it changes are stored only if no one changed the set meanwhile,
 * else it is all worked out again. Then the rotation and nudges follow.
 */
export async function applyRule<T extends { readonly rule: ScheduleRule; readonly planned: readonly Occurrence[] }>(deps: PlanDeps, setId: number, createdBy: number, make: (snapshot: PlanSnapshot) => T) {
  const now = deps.clock.now();
  const applied = await withSnapshot(deps, setId, async (snapshot) => {
    const made = make(snapshot);
    const changes = ruleChanges(withRunsKept(snapshot), made.planned, now);
    const done = await deps.store.meetings.replaceRule(setId, snapshot.version, made.rule, changes, createdBy, now);
    return done.ok ? { ok: true as const, value: { stored: done.value, changes, made } } : done;
  });
  await replan(deps, setId);
  return applied;
}

const nextDay = (date: string) => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;

/** Shows the set's rule, its next meeting and when the programme ends. */
export async function showSchedule(deps: Deps, turn: Turn): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  const now = deps.clock.now().getTime();
  const rule = await deps.store.meetings.activeRule(set.id);
  const meetings = await deps.store.meetings.list(set.id);
  const next = meetings.find((m) => m.status === 'scheduled' && m.startsAt.getTime() > now);
  return privateReply(copy.scheduleShown(set, rule, next, programmeEnd(rule, meetings), viewerZone(turn, set.timeZone)));
}
