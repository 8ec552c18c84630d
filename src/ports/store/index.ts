/**
 * The Store port: the repositories the core needs, one file each. A store reads and
 * writes rows; every rule about what a change implies is the core's. Where a write
 * must be atomic it is one method here; the core never holds a transaction. A set's
 * re-plan is read-then-commit with a version check (see ./plans.ts and
 * docs/architecture.md), so no transaction needs to span the planning in between.
 */
import type { ActionRepo } from './actions';
import type { ChallengeRepo } from './challenges';
import type { CheckinRepo } from './checkins';
import type { EventRepo } from './events';
import type { InstallationRepo } from './installations';
import type { JobRepo } from './jobs';
import type { MeetingRepo } from './meetings';
import type { MembershipRepo } from './memberships';
import type { PersonRepo } from './people';
import type { PlanRepo } from './plans';
import type { PrivacyRepo } from './privacy';
import type { PromptRepo } from './prompts';
import type { ReflectionRepo } from './reflections';
import type { RotationRepo } from './rotation';
import type { ReportRepo } from './reports';
import type { RsvpRepo } from './rsvps';
import type { MeetingRunRepo } from './runs';
import type { SetRepo } from './sets';
import type { SponsorRepo } from './sponsors';
import type { WorkspaceRepo } from './workspaces';

export type * from './actions';
export type * from './challenges';
export type * from './checkins';
export type * from './events';
export type * from './installations';
export type * from './jobs';
export type * from './meetings';
export type * from './memberships';
export type * from './people';
export type * from './plans';
export type * from './privacy';
export type * from './prompts';
export type * from './reflections';
export type * from './rotation';
export type * from './reports';
export type * from './rsvps';
export type * from './runs';
export type * from './sets';
export type * from './sponsors';
export type * from './workspaces';

export interface Store {
  readonly workspaces: WorkspaceRepo;
  readonly people: PersonRepo;
  readonly sets: SetRepo;
  readonly memberships: MembershipRepo;
  readonly meetings: MeetingRepo;
  readonly plans: PlanRepo;
  readonly rotation: RotationRepo;
  readonly jobs: JobRepo;
  readonly rsvps: RsvpRepo;
  readonly actions: ActionRepo;
  readonly challenges: ChallengeRepo;
  readonly prompts: PromptRepo;
  readonly checkins: CheckinRepo;
  readonly reflections: ReflectionRepo;
  readonly privacy: PrivacyRepo;
  readonly events: EventRepo;
  readonly installations: InstallationRepo;
  readonly runs: MeetingRunRepo;
  readonly sponsors: SponsorRepo;
  readonly reports: ReportRepo;
}

export { StoreUnavailable } from './unavailable';
