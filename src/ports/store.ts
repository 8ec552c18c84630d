import type { Platform } from '../domain/address';
import type { Meeting, Rezone, StoredRule } from '../domain/meetings';
import type { Occurrence, ScheduleRule } from '../domain/recurrence';
import type { NudgeKind, NudgeSettings } from '../domain/nudges/catalogue';
import type { Prompt, PromptKind } from '../domain/prompts';
import type { ChangeOutcome, RotationChange } from '../domain/rotation/changes';
import type { RotationMeeting, RotationSnapshot, SlotReason } from '../domain/rotation/types';
import type { LearningSet, Membership, Person, QuietHours, Role, Workspace } from '../domain/model';
import type { Identity } from './inbound';

export type NewSet = Pick<LearningSet, 'workspaceId' | 'name' | 'channelId' | 'channelLabel' | 'channel' | 'timeZone'>;

export type CreateSetResult =
  | { readonly ok: true; readonly set: LearningSet }
  | { readonly ok: false; readonly reason: 'channel-taken'; readonly existing: LearningSet };

/** Who was added; or the set's size and how many of those asked were new to it, when that is too many. */
export type AddResult = { readonly ok: true; readonly added: readonly number[] } | { readonly ok: false; readonly size: number; readonly joining: number };

export type LeaveResult = 'removed' | 'not-member' | 'last-facilitator';
export type RoleResult = 'changed' | 'unchanged' | 'not-member' | 'last-facilitator';

export interface WorkspaceRepo {
  ensure(platform: Platform, externalId: string): Promise<Workspace>;
}

export interface PersonRepo {
  /** Insert or refresh a person from their platform identity (name and DM address change). */
  upsert(workspaceId: number, identity: Identity, now: Date): Promise<Person>;
  /** Atomic: stores the zone and re-plans the person's nudges in each of their open sets. */
  setTimeZone(personId: number, zone: string, now: Date): Promise<void>;
  setQuietHours(personId: number, quiet: QuietHours | null, now: Date): Promise<void>;
  get(personId: number): Promise<Person | undefined>;
}

export interface SetRepo {
  /** Atomic: the set and its first facilitator, or the open set already bound to that channel. */
  create(input: NewSet, facilitatorId: number, now: Date): Promise<CreateSetResult>;
  get(setId: number): Promise<LearningSet | undefined>;
  findOpenByChannel(workspaceId: number, channelId: string): Promise<LearningSet | undefined>;
  listOpenForPerson(personId: number): Promise<LearningSet[]>;
  rename(setId: number, name: string, now: Date): Promise<void>;
  /** Atomic: stores the set's nudge choices and re-plans its nudges. */
  setNudges(setId: number, nudges: NudgeSettings, minAttendance: number, now: Date): Promise<void>;
  setPromptThemes(setId: number, themes: readonly string[], now: Date): Promise<void>;
  close(setId: number, now: Date): Promise<void>;
}

export interface MembershipRepo {
  /** Current members, facilitators first, then by when they joined. */
  list(setId: number): Promise<Membership[]>;
  find(setId: number, personId: number): Promise<Membership | undefined>;
  /**
   * Atomic: adds as members those not already in the set and returns who was added;
   * or, if that would take the set past `maxSize` people, adds no one and says how many it has.
   */
  add(setId: number, personIds: readonly number[], now: Date, maxSize: number): Promise<AddResult>;
  /** Atomic: refuses to remove the last facilitator. */
  remove(setId: number, personId: number, now: Date): Promise<LeaveResult>;
  /** Atomic: refuses to demote the last facilitator. */
  setRole(setId: number, personId: number, role: Role, now: Date): Promise<RoleResult>;
}

export interface ReplanResult {
  readonly rule: StoredRule;
  /** The set's meetings after the change, in order. */
  readonly meetings: readonly Meeting[];
  readonly created: number;
  readonly updated: number;
  readonly removed: number;
  /** Meetings the new rule left alone: held, cancelled, moved or added ones. */
  readonly kept: number;
}

export type ClashResult<T> = { readonly ok: true; readonly meeting: T } | { readonly ok: false; readonly clash: Meeting };

export interface MeetingRepo {
  activeRule(setId: number): Promise<StoredRule | undefined>;
  /**
   * Atomic: supersedes the set's rule, re-plans its future rule-made meetings
   * (see `replan` in the domain) and records the programme's dates and zone.
   */
  replaceRule(setId: number, rule: ScheduleRule, planned: readonly Occurrence[], createdBy: number, now: Date): Promise<ReplanResult>;
  /** Every meeting of the set, in time order. */
  list(setId: number): Promise<Meeting[]>;
  get(meetingId: number): Promise<Meeting | undefined>;
  /** Atomic: refuses when another scheduled meeting is on the same local date. */
  add(setId: number, occurrence: Occurrence, now: Date): Promise<ClashResult<Meeting>>;
  /** Atomic: moves a meeting, remembering the date it was first planned on. */
  move(meetingId: number, to: Occurrence, now: Date): Promise<ClashResult<Meeting>>;
  cancel(meetingId: number, now: Date): Promise<Meeting>;
  /**
   * Atomic: moves the set, its rule and its upcoming meetings to another zone at the
   * same wall times (see `rezone` in the domain), then re-plans rotation and nudges;
   * or, when the domain refuses, changes nothing and says why.
   */
  rezone(setId: number, zone: string, now: Date): Promise<RezoneResult>;
}

/** The meetings given new instants, as they are now; or why nothing changed. */
export type RezoneResult = { readonly ok: true; readonly moved: readonly Meeting[] } | Extract<Rezone, { ok: false }>;

/** A nudge waiting in (or taken from) the outbox. */
export interface Job {
  readonly id: number;
  readonly kind: NudgeKind;
  readonly dedupeKey: string;
  readonly setId: number;
  readonly meetingId: number;
  readonly personId: number | null;
  readonly runAt: Date;
  readonly staleAt: Date | null;
  /** Tries so far, this one included. */
  readonly attempts: number;
}

/**
 * The outbox. Jobs are written by the Store calls that change what they are about;
 * the scheduler only claims and settles them. Settling takes the claimant's name, so
 * a worker whose lease ran out cannot overwrite the work of the one that reclaimed it.
 */
export interface JobRepo {
  /** Atomic: takes up to `limit` jobs that are due, or whose claimant's lease has run out. */
  claim(owner: string, now: Date, leaseMs: number, limit: number): Promise<Job[]>;
  complete(job: Job, owner: string, ref: unknown, now: Date): Promise<void>;
  skip(job: Job, owner: string, reason: string, now: Date): Promise<void>;
  /** Back to pending at `runAt`; `error` set for a retry, null for a wait (quiet hours) that is not a try. */
  reschedule(job: Job, owner: string, runAt: Date, error: string | null, now: Date): Promise<void>;
  /** Dead-lettered after the last try. */
  bury(job: Job, owner: string, error: string, now: Date): Promise<void>;
  /** When the next pending job is due, if any. */
  nextDue(): Promise<Date | undefined>;
}

export type RsvpAnswer = 'yes' | 'no' | 'maybe';

export interface Action {
  /** The person's own number for it in this set, as `actions` lists it. */
  readonly number: number;
  readonly text: string;
  readonly due: string | null;
  readonly status: 'open' | 'done' | 'dropped';
  readonly createdAt: Date;
}

export interface ActionRepo {
  add(setId: number, personId: number, text: string, due: string | null, now: Date): Promise<Action>;
  list(setId: number, personId: number): Promise<Action[]>;
  /** Closes the person's action `number`; false if they have none open with it. */
  close(setId: number, personId: number, number: number, status: 'done' | 'dropped', now: Date): Promise<boolean>;
}

export interface PromptRepo {
  /** How often the set has been given each prompt of a kind. */
  uses(setId: number, kind: PromptKind): Promise<Map<string, number>>;
  /** The prompt already chosen for this meeting, if any. */
  usedFor(setId: number, kind: PromptKind, meetingId: number): Promise<string | undefined>;
  recordUse(setId: number, kind: PromptKind, promptId: string, meetingId: number | null, now: Date): Promise<void>;
  /** A set's own prompts, added by its facilitators. */
  custom(setId: number, kind: PromptKind): Promise<Prompt[]>;
  addCustom(setId: number, kind: PromptKind, text: string, createdBy: number, now: Date): Promise<Prompt>;
}

export interface CheckinRepo {
  /** Records a question posted now, or queues one for a meeting's start (replacing any queued). */
  add(setId: number, meetingId: number | null, text: string, mode: 'now' | 'next', createdBy: number, now: Date): Promise<void>;
  /** The question queued for a meeting, marking it posted. */
  takeQueued(setId: number, meetingId: number, now: Date): Promise<string | undefined>;
}

export interface ChallengeVersion {
  readonly version: number;
  readonly fields: Readonly<Record<string, string>>;
  readonly createdAt: Date;
}

export interface ChallengeRepo {
  /** Whether the person has a current (not withdrawn) challenge in the set. */
  hasCurrent(setId: number, personId: number): Promise<boolean>;
  current(setId: number, personId: number): Promise<ChallengeVersion | undefined>;
  /** Atomic: saves a new version; the one before is kept, superseded. */
  submit(setId: number, personId: number, fields: Readonly<Record<string, string>>, now: Date): Promise<ChallengeVersion>;
  withdraw(setId: number, personId: number, now: Date): Promise<boolean>;
}

export interface JournalEntry {
  /** The person's own number for it, as `journal` lists it. */
  readonly number: number;
  readonly setId: number | null;
  readonly text: string;
  readonly createdAt: Date;
  readonly sharedAt: Date | null;
}

export interface ReflectionRepo {
  add(personId: number, setId: number | null, text: string, now: Date): Promise<JournalEntry>;
  list(personId: number): Promise<JournalEntry[]>;
  markShared(personId: number, number: number, now: Date): Promise<void>;
}

export interface PrivacyRepo {
  /** Everything stored about a person, as plain data. */
  export(personId: number): Promise<Record<string, unknown>>;
  /**
   * Atomic: deletes the person's own content (challenges, reflections, actions,
   * absences, answers), blanks their profile, takes them out of their sets, and
   * re-plans those sets. What a set's history needs (that someone presented) stays,
   * under an anonymous name.
   */
  erase(personId: number, now: Date): Promise<void>;
}

export interface RsvpRepo {
  /** Atomic: records the answer and re-plans the rotation and the set's nudges. */
  answer(meetingId: number, personId: number, answer: RsvpAnswer, now: Date): Promise<void>;
  forMeeting(meetingId: number): Promise<{ readonly personId: number; readonly answer: RsvpAnswer }[]>;
}

/** Changes to what the rotation reads, made in the same transaction as the re-plan. */
export interface RotationEffects {
  readonly absence?: { readonly personId: number; readonly from: string; readonly until: string; readonly createdBy: number };
  readonly presenting?: { readonly personId: number; readonly on: boolean };
  readonly presentersPerMeeting?: number;
}

export interface RotationRepo {
  /**
   * Atomic: applies the effects, then the change (see `applyChange` in the domain),
   * settles past meetings and re-plans the next ones (`planRotation`). A refusal
   * (SetwiseError) rolls everything back. Returns the set's rotation afterwards.
   */
  update(
    setId: number,
    now: Date,
    change: RotationChange,
    effects: RotationEffects,
    label: (m: RotationMeeting) => string,
  ): Promise<{ readonly outcome: ChangeOutcome; readonly snapshot: RotationSnapshot }>;
  /** The planned presenters of one meeting, in order. */
  planned(meetingId: number): Promise<{ readonly personId: number; readonly name: string; readonly reason: SlotReason }[]>;
  /** Records that a presenter has been told about their slot: from now on it is sticky. */
  markNotified(meetingId: number, personId: number, now: Date): Promise<void>;
}

/**
 * Repositories the core needs. Anything that must be atomic is one method here,
 * done synchronously inside the implementation: the core never holds a transaction.
 */
export interface Store {
  readonly workspaces: WorkspaceRepo;
  readonly people: PersonRepo;
  readonly sets: SetRepo;
  readonly memberships: MembershipRepo;
  readonly meetings: MeetingRepo;
  readonly rotation: RotationRepo;
  readonly jobs: JobRepo;
  readonly rsvps: RsvpRepo;
  readonly actions: ActionRepo;
  readonly challenges: ChallengeRepo;
  readonly prompts: PromptRepo;
  readonly checkins: CheckinRepo;
  readonly reflections: ReflectionRepo;
  readonly privacy: PrivacyRepo;
}
