/**
 * A large organisation's database for the scale benchmark (B2), written straight
 * into a SQLite file for speed: sets of eight with a year of four-weekly meetings,
 * the first two meetings' presenters, and every nudge of the catalogue planned by the
 * real planner (planNudges) for the year, as `schedule` would leave them. Sets meet
 * on days spread over four weeks, so a moment finds a slice of them due.
 */
import type Database from 'better-sqlite3';
import { planNudges } from '../../src/domain/nudges/catalogue';
import { nudgeSettings } from '../../src/domain/nudges/settings';

export const MEMBERS = 8;
const MEETINGS = 13; // every four weeks for a year
const DAY = 86_400_000;
/** The programme's first meeting; "now" for the planner is a month before. */
export const FIRST_MEETING = Date.parse('2027-01-05T10:00:00Z');
export const PLANNED_AT = new Date(FIRST_MEETING - 30 * DAY);

export interface Seeded {
  readonly sets: number;
  readonly people: number;
  readonly jobs: number;
  /** Time spent planning (the planner's own work), and writing the rows, in ms. */
  readonly planMs: number;
  readonly writeMs: number;
}

/** Adds `sets` sets (numbered from `from`) with their people, meetings and a year of nudges. */
export function seedSets(sqlite: Database.Database, from: number, sets: number): Seeded {
  const c = PLANNED_AT.getTime();
  const ins = {
    person: sqlite.prepare('INSERT INTO people (workspace_id, platform_user_id, display_name, dm_address, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?)'),
    set: sqlite.prepare("INSERT INTO sets (workspace_id, name, channel_id, channel_label, channel_address, time_zone, created_at, updated_at) VALUES (1, ?, ?, ?, ?, 'Europe/London', ?, ?)"),
    member: sqlite.prepare('INSERT INTO memberships (set_id, person_id, role, joined_at) VALUES (?, ?, ?, ?)'),
    meeting: sqlite.prepare("INSERT INTO meetings (set_id, local_date, local_time, time_zone, starts_at, ends_at, origin, created_at, updated_at) VALUES (?, ?, '10:00', 'Europe/London', ?, ?, 'rule', ?, ?)"),
    slot: sqlite.prepare("INSERT INTO presenter_slots (meeting_id, person_id, position, source, status, reason, created_at, updated_at) VALUES (?, ?, ?, 'rotation', 'planned', '{\"kind\":\"not-presented-yet\"}', ?, ?)"),
    job: sqlite.prepare("INSERT INTO jobs (kind, dedupe_key, set_id, run_at, stale_at, payload, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)"),
  };
  if (!sqlite.prepare('SELECT 1 FROM workspaces WHERE id = 1').get()) sqlite.prepare("INSERT INTO workspaces (platform, external_id, created_at) VALUES ('slack', 'T1', ?)").run(c);
  let jobs = 0;
  let planMs = 0;
  const started = performance.now();
  sqlite.transaction(() => {
    for (let s = from; s < from + sets; s++) {
      const address = JSON.stringify({ platform: 'slack', kind: 'channel', ref: { team: 'T1', channel: `C${s}` } });
      const setId = Number(ins.set.run(`Set ${s}`, `C${s}`, `#set-${s}`, address, c, c).lastInsertRowid);
      const members: number[] = [];
      for (let m = 0; m < MEMBERS; m++) {
        const dm = JSON.stringify({ platform: 'slack', kind: 'user', ref: { team: 'T1', user: `U${s}X${m}` } });
        const id = Number(ins.person.run(`U${s}X${m}`, `p${s}-${m}`, dm, c, c).lastInsertRowid);
        ins.member.run(setId, id, m === 0 ? 'facilitator' : 'member', c);
        members.push(id);
      }
      const first = FIRST_MEETING + (s % 28) * DAY;
      const meetings = Array.from({ length: MEETINGS }, (_, i) => {
        const startsAt = new Date(first + i * 28 * DAY);
        const endsAt = new Date(startsAt.getTime() + 3 * 3_600_000);
        const id = Number(ins.meeting.run(setId, startsAt.toISOString().slice(0, 10), startsAt.getTime(), endsAt.getTime(), c, c).lastInsertRowid);
        return { id, startsAt, endsAt, status: 'scheduled' as const };
      });
      const presenters = new Map<number, number[]>();
      meetings.slice(0, 2).forEach((m, i) => {
        const pair = [members[1 + 2 * i]!, members[2 + 2 * i]!];
        pair.forEach((p, k) => ins.slot.run(m.id, p, k + 1, c, c));
        presenters.set(m.id, pair);
      });
      const t = performance.now();
      const planned = planNudges({ now: PLANNED_AT, settings: nudgeSettings({}), zone: 'Europe/London', zones: new Map(), minAttendance: 3, meetings, memberIds: members, facilitatorIds: [members[0]!], finalMeetingId: meetings.at(-1)!.id, presenters, declined: new Map() });
      planMs += performance.now() - t;
      for (const n of planned) {
        ins.job.run(n.kind, n.dedupeKey, setId, n.runAt.getTime(), n.staleAt.getTime(), JSON.stringify({ meetingId: n.meetingId, personId: n.personId }), c, c);
        jobs++;
      }
    }
  })();
  return { sets, people: sets * MEMBERS, jobs, planMs, writeMs: performance.now() - started - planMs };
}

/** The moment at which `count` pending jobs are due (the count-th earliest). */
export const momentWhenDue = (sqlite: Database.Database, count: number): number =>
  sqlite.prepare("SELECT run_at FROM jobs WHERE status = 'pending' ORDER BY run_at LIMIT 1 OFFSET ?").pluck().get(count - 1) as number;
