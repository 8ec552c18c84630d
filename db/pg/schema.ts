/**
 * The PostgreSQL twin of ../schema.ts: the same tables, columns, keys and indexes, so
 * the same rows map to the same domain values (../store/rows.ts serves both stores).
 * Instants are timestamptz to the millisecond; JSON columns are json, not jsonb, so a
 * form's answers keep the order they were written in, as SQLite's text does.
 * Change both files together; test/postgres/schema.test.ts compares them.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, json, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Address } from '../../src/domain/address';

// Millisecond precision, as JavaScript's Date holds; with the zone, so the server's own zone never matters.
const instant = (name: string) => timestamp(name, { mode: 'date', withTimezone: true, precision: 3 });
const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();
const createdAt = () => instant('created_at').notNull();

export const workspaces = pgTable(
  'workspaces',
  {
    id: id(),
    platform: text('platform', { enum: ['console', 'slack', 'teams'] }).notNull(),
    externalId: text('external_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('workspaces_platform_external').on(t.platform, t.externalId)],
);

export const people = pgTable(
  'people',
  {
    id: id(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    platformUserId: text('platform_user_id').notNull(),
    displayName: text('display_name').notNull(),
    /** The zone the person chose (`me tz`); null until they do. */
    timeZone: text('time_zone'),
    /** The zone their platform reports (a Slack profile): used until they choose one. */
    platformTimeZone: text('platform_time_zone'),
    /** When the adapter last looked the person up on their platform (Slack's users.info): its cache of their profile. */
    profileCheckedAt: instant('profile_checked_at'),
    quietStart: text('quiet_start'), // HH:MM local
    quietEnd: text('quiet_end'),
    dmAddress: json('dm_address').$type<Address>(),
    erasedAt: instant('erased_at'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [uniqueIndex('people_workspace_user').on(t.workspaceId, t.platformUserId)],
);

export const sets = pgTable(
  'sets',
  {
    id: id(),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    channelId: text('channel_id').notNull(),
    channelLabel: text('channel_label').notNull(),
    channelAddress: json('channel_address').$type<Address>().notNull(),
    timeZone: text('time_zone').notNull(),
    presentersPerMeeting: integer('presenters_per_meeting').notNull().default(2),
    minAttendance: integer('min_attendance').notNull().default(3),
    programmeStart: text('programme_start'), // local date YYYY-MM-DD
    programmeEnd: text('programme_end'),
    /** Per-set choices (nudge timings, prompt themes, challenge reminder) as JSON. */
    settings: json('settings').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    createdBy: integer('created_by').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
    closedAt: instant('closed_at'),
    /** Bumped by every write to what the set's plan reads or holds; a plan commits only against the version it read. */
    version: integer('version').notNull().default(0),
    /** The version the current plan was made from; behind `version` while a re-plan is owed. */
    plannedVersion: integer('planned_version').notNull().default(0),
  },
  (t) => [
    // Sets whose re-plan a crash interrupted: the scheduler finds them without a scan.
    index('sets_replan_owed')
      .on(t.id)
      .where(sql`planned_version <> version`),
    // A channel hosts at most one open set; closed ones keep their history.
    uniqueIndex('sets_open_channel')
      .on(t.workspaceId, t.channelId)
      .where(sql`status = 'open'`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    setId: integer('set_id')
      .notNull()
      .references(() => sets.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role', { enum: ['facilitator', 'member'] }).notNull(),
    presenting: boolean('presenting').notNull().default(true),
    joinedAt: instant('joined_at').notNull(),
    leftAt: instant('left_at'),
  },
  (t) => [uniqueIndex('memberships_set_person').on(t.setId, t.personId), index('memberships_person').on(t.personId)],
);

export const scheduleRules = pgTable(
  'schedule_rules',
  {
    id: id(),
    setId: integer('set_id')
      .notNull()
      .references(() => sets.id),
    intervalWeeks: integer('interval_weeks').notNull(), // 0 for a monthly rule
    intervalMonths: integer('interval_months'), // monthly rules: every N months
    monthWeek: integer('month_week'), // monthly rules: the 1st-4th weekday of the month, or -1 for the last
    weekday: integer('weekday').notNull(), // 1 = Monday ... 7 = Sunday (ISO)
    localTime: text('local_time').notNull(), // HH:MM
    durationMinutes: integer('duration_minutes').notNull(),
    fromDate: text('from_date').notNull(),
    untilDate: text('until_date'),
    count: integer('count'),
    timeZone: text('time_zone').notNull(),
    createdBy: integer('created_by').references(() => people.id),
    createdAt: createdAt(),
    supersededAt: instant('superseded_at'),
  },
  (t) => [index('schedule_rules_set').on(t.setId)],
);

export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    setId: integer('set_id')
      .notNull()
      .references(() => sets.id),
    ruleId: integer('rule_id').references(() => scheduleRules.id),
    localDate: text('local_date').notNull(),
    localTime: text('local_time').notNull(),
    timeZone: text('time_zone').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    status: text('status', { enum: ['scheduled', 'cancelled', 'held'] })
      .notNull()
      .default('scheduled'),
    origin: text('origin', { enum: ['rule', 'added', 'moved'] }).notNull(),
    /** The wall time asked for, when it fell in a DST gap and was moved forward. */
    requestedLocalTime: text('requested_local_time'),
    movedFromDate: text('moved_from_date'),
    /** Bumped on every change, so calendar apps replace their copy of the event (RFC 5545 SEQUENCE). */
    sequence: integer('sequence').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('meetings_set_starts').on(t.setId, t.startsAt)],
);

export const presenterSlots = pgTable(
  'presenter_slots',
  {
    id: id(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    position: integer('position').notNull(),
    source: text('source', { enum: ['rotation', 'bid', 'swap', 'facilitator'] }).notNull(),
    status: text('status', { enum: ['planned', 'presented', 'absent', 'withdrawn'] })
      .notNull()
      .default('planned'),
    /** Why this person holds the slot, as JSON the copy renders (see SlotReason). */
    reason: json('reason').$type<Record<string, unknown>>().notNull(),
    notifiedAt: instant('notified_at'),
    /** A member's pending request to swap this slot with that person's; both must ask. */
    swapWith: integer('swap_with').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [uniqueIndex('presenter_slots_meeting_person').on(t.meetingId, t.personId)],
);

export const absences = pgTable(
  'absences',
  {
    id: id(),
    setId: integer('set_id')
      .notNull()
      .references(() => sets.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    fromDate: text('from_date').notNull(),
    untilDate: text('until_date').notNull(),
    reason: text('reason'),
    createdBy: integer('created_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index('absences_set_person').on(t.setId, t.personId)],
);

export const rsvps = pgTable(
  'rsvps',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    answer: text('answer', { enum: ['yes', 'no', 'maybe'] }).notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

export const challenges = pgTable(
  'challenges',
  {
    id: id(),
    setId: integer('set_id')
      .notNull()
      .references(() => sets.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    version: integer('version').notNull(),
    /** The form's answers by field id (challenge, why it matters, who is involved...). */
    fields: json('fields').$type<Record<string, string>>().notNull(),
    status: text('status', { enum: ['current', 'superseded', 'withdrawn'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('challenges_set_person_version').on(t.setId, t.personId, t.version)],
);

export const actions = pgTable(
  'actions',
  {
    id: id(),
    setId: integer('set_id')
      .notNull()
      .references(() => sets.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    meetingId: integer('meeting_id').references(() => meetings.id),
    text: text('text').notNull(),
    dueDate: text('due_date'),
    status: text('status', { enum: ['open', 'done', 'dropped'] })
      .notNull()
      .default('open'),
    createdAt: createdAt(),
    closedAt: instant('closed_at'),
  },
  (t) => [index('actions_set_person').on(t.setId, t.personId)],
);

export const checkinQuestions = pgTable(
  'checkin_questions',
  {
    id: id(),
    setId: integer('set_id')
      .notNull()
      .references(() => sets.id),
    meetingId: integer('meeting_id').references(() => meetings.id),
    promptId: text('prompt_id'),
    text: text('text').notNull(),
    mode: text('mode', { enum: ['now', 'next'] }).notNull(),
    postedAt: instant('posted_at'),
    createdBy: integer('created_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index('checkin_questions_set').on(t.setId)],
);

export const prompts = pgTable(
  'prompts',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    tags: json('tags').$type<string[]>().notNull().default([]),
    origin: text('origin', { enum: ['library', 'custom'] }).notNull(),
    /** Set of a facilitator's own prompt; null for the shared library. */
    setId: integer('set_id').references(() => sets.id),
    createdBy: integer('created_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index('prompts_kind').on(t.kind)],
);

export const promptUses = pgTable(
  'prompt_uses',
  {
    id: id(),
    setId: integer('set_id')
      .notNull()
      .references(() => sets.id),
    promptId: text('prompt_id').notNull(),
    kind: text('kind').notNull(),
    /** The meeting it was used for, so everyone at one meeting gets the same prompt. */
    meetingId: integer('meeting_id').references(() => meetings.id),
    usedAt: instant('used_at').notNull(),
  },
  (t) => [index('prompt_uses_set_kind').on(t.setId, t.kind)],
);

export const reflections = pgTable(
  'reflections',
  {
    id: id(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    setId: integer('set_id').references(() => sets.id),
    meetingId: integer('meeting_id').references(() => meetings.id),
    promptId: text('prompt_id'),
    text: text('text').notNull(),
    sharedAt: instant('shared_at'),
    createdAt: createdAt(),
  },
  (t) => [index('reflections_person').on(t.personId)],
);

/**
 * A meeting run live on its run-sheet: the stages with their time boxes, the one now
 * running, bids taken on the day, and the posted message edited as it moves on.
 */
export const meetingRuns = pgTable(
  'meeting_runs',
  {
    meetingId: integer('meeting_id')
      .primaryKey()
      .references(() => meetings.id),
    setId: integer('set_id')
      .notNull()
      .references(() => sets.id),
    status: text('status', { enum: ['running', 'ended'] }).notNull(),
    /** The stages in order, each {kind, minutes, presenterId?}. */
    stages: json('stages').$type<{ kind: string; minutes: number; presenterId?: number }[]>().notNull(),
    stage: integer('stage').notNull(),
    stageStartedAt: instant('stage_started_at').notNull(),
    /** Bids for time made on the day: [{personId, at (epoch ms)}]. */
    bids: json('bids').$type<{ personId: number; at: number }[]>().notNull(),
    /** Planned presenters who gave their place up on the day. */
    passed: json('passed').$type<number[]>().notNull(),
    /** The run-sheet message as the chat posted it (address and the platform's ref), to edit it. */
    posted: json('posted').$type<unknown>(),
    startedBy: integer('started_by')
      .notNull()
      .references(() => people.id),
    startedAt: instant('started_at').notNull(),
    endedAt: instant('ended_at'),
    version: integer('version').notNull().default(0),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('meeting_runs_set').on(t.setId)],
);

/** Who was at a meeting run on its run-sheet: pre-filled from RSVPs, then corrected. */
export const attendance = pgTable(
  'attendance',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    present: boolean('present').notNull(),
    source: text('source', { enum: ['rsvp', 'self', 'facilitator'] }).notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/** A programme sponsor of a set: sees its figures, never its content. Not a membership, so no member's view reaches them. */
export const sponsors = pgTable(
  'sponsors',
  {
    setId: integer('set_id')
      .notNull()
      .references(() => sets.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    addedBy: integer('added_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.setId, t.personId] }), index('sponsors_person').on(t.personId)],
);

/** The durable outbox: every nudge is a row, deduplicated by its key. */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    setId: integer('set_id').references(() => sets.id),
    runAt: instant('run_at').notNull(),
    /** After this a nudge is no use (a reminder once its meeting has started): skipped, not sent late. */
    staleAt: instant('stale_at'),
    payload: json('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'claimed', 'done', 'skipped', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    leaseUntil: instant('lease_until'),
    claimedBy: text('claimed_by'),
    lastError: text('last_error'),
    /** The platform's reference to the sent message, to update it later. */
    resultRef: json('result_ref'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('jobs_dedupe_key').on(t.dedupeKey),
    index('jobs_due').on(t.status, t.runAt),
    index('jobs_lease').on(t.status, t.leaseUntil),
    index('jobs_set').on(t.setId, t.status),
  ],
);

/** Inbound event ids already handled, so a platform's redelivery is a no-op. */
export const processedEvents = pgTable(
  'processed_events',
  {
    platform: text('platform').notNull(),
    eventId: text('event_id').notNull(),
    receivedAt: instant('received_at').notNull(),
  },
  // Pruned by age (see src/app/retention.ts): found by the index, not a scan.
  (t) => [primaryKey({ columns: [t.platform, t.eventId] }), index('processed_events_received').on(t.receivedAt)],
);

/**
 * A platform's installation of the app into one workspace (Slack OAuth), with its
 * tokens: read on every request from that workspace, so nothing lives only in memory.
 */
export const installations = pgTable(
  'installations',
  {
    platform: text('platform', { enum: ['console', 'slack', 'teams'] }).notNull(),
    /** The workspace (Slack team) or organisation (Slack Enterprise Grid) it was made for. */
    installKey: text('install_key').notNull(),
    data: json('data').$type<unknown>().notNull(),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.installKey] })],
);
