/** People, as their platform knows them, with the zone and quiet hours they chose. */
import type { Person, QuietHours } from '../../domain/model';
import type { Identity } from '../inbound';

export interface PersonRepo {
  /** Insert or refresh a person from their platform identity (name and DM address change). */
  upsert(workspaceId: number, identity: Identity, now: Date): Promise<Person>;
  /** Stores the zone; returns the open sets they are in, whose plans now owe a re-plan. */
  setTimeZone(personId: number, zone: string, now: Date): Promise<number[]>;
  setQuietHours(personId: number, quiet: QuietHours | null, now: Date): Promise<void>;
  get(personId: number): Promise<Person | undefined>;
  /** The person with that platform id in the workspace, if stored: a lookup that never creates one. */
  find(workspaceId: number, userId: string): Promise<Person | undefined>;
  /**
   * What the platform last told of a person (name, reported zone) and when an
   * adapter last looked them up: adapters cache profile lookups here.
   */
  profile(workspaceId: number, userId: string): Promise<PlatformProfile | undefined>;
  /**
   * Notes that the adapter has just looked the person up and found `seen`: only if the
   * stored name and reported zone already match it (a no-op for anyone else).
   */
  profileChecked(workspaceId: number, userId: string, seen: { readonly displayName: string; readonly timeZone: string | null }, now: Date): Promise<void>;
}

export interface PlatformProfile {
  readonly displayName: string;
  readonly timeZone: string | null;
  /** Null until an adapter has looked them up. */
  readonly checkedAt: Date | null;
}
