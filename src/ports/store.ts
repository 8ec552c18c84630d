import type { Platform } from '../domain/address';
import type { LearningSet, Membership, Person, Role, Workspace } from '../domain/model';
import type { Identity } from './inbound';

export type NewSet = Pick<LearningSet, 'workspaceId' | 'name' | 'channelId' | 'channelLabel' | 'channel' | 'timeZone'>;

export type CreateSetResult =
  | { readonly ok: true; readonly set: LearningSet }
  | { readonly ok: false; readonly reason: 'channel-taken'; readonly existing: LearningSet };

export type LeaveResult = 'removed' | 'not-member' | 'last-facilitator';
export type RoleResult = 'changed' | 'unchanged' | 'not-member' | 'last-facilitator';

export interface WorkspaceRepo {
  ensure(platform: Platform, externalId: string): Promise<Workspace>;
}

export interface PersonRepo {
  /** Insert or refresh a person from their platform identity (name and DM address change). */
  upsert(workspaceId: number, identity: Identity, now: Date): Promise<Person>;
  setTimeZone(personId: number, zone: string, now: Date): Promise<void>;
}

export interface SetRepo {
  /** Atomic: the set and its first facilitator, or the open set already bound to that channel. */
  create(input: NewSet, facilitatorId: number, now: Date): Promise<CreateSetResult>;
  get(setId: number): Promise<LearningSet | undefined>;
  findOpenByChannel(workspaceId: number, channelId: string): Promise<LearningSet | undefined>;
  listOpenForPerson(personId: number): Promise<LearningSet[]>;
  rename(setId: number, name: string, now: Date): Promise<void>;
  close(setId: number, now: Date): Promise<void>;
}

export interface MembershipRepo {
  /** Current members, facilitators first, then by when they joined. */
  list(setId: number): Promise<Membership[]>;
  find(setId: number, personId: number): Promise<Membership | undefined>;
  /** Adds as members those not already in the set; returns who was added. */
  add(setId: number, personIds: readonly number[], now: Date): Promise<number[]>;
  /** Atomic: refuses to remove the last facilitator. */
  remove(setId: number, personId: number, now: Date): Promise<LeaveResult>;
  /** Atomic: refuses to demote the last facilitator. */
  setRole(setId: number, personId: number, role: Role): Promise<RoleResult>;
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
}
