/** Sets and their settings. Writes to what a set's plan reads mark the plan as owed. */
import type { LearningSet } from '../../domain/model';
import type { NudgeSettings } from '../../domain/nudges/settings';

export type NewSet = Pick<LearningSet, 'workspaceId' | 'name' | 'channelId' | 'channelLabel' | 'channel' | 'timeZone'>;

export type CreateSetResult =
  | { readonly ok: true; readonly set: LearningSet }
  | { readonly ok: false; readonly reason: 'channel-taken'; readonly existing: LearningSet };

export interface SetRepo {
  /** Atomic: the set and its first facilitator, or the open set already bound to that channel. */
  create(input: NewSet, facilitatorId: number, now: Date): Promise<CreateSetResult>;
  get(setId: number): Promise<LearningSet | undefined>;
  findOpenByChannel(workspaceId: number, channelId: string): Promise<LearningSet | undefined>;
  listOpenForPerson(personId: number): Promise<LearningSet[]>;
  rename(setId: number, name: string, now: Date): Promise<void>;
  /** Stores the set's nudge choices (its plan is then owed). */
  setNudges(setId: number, nudges: NudgeSettings, minAttendance: number, now: Date): Promise<void>;
  /** Stores how many present at each meeting (its plan is then owed). */
  setPresentersPerMeeting(setId: number, count: number, now: Date): Promise<void>;
  setPromptThemes(setId: number, themes: readonly string[], now: Date): Promise<void>;
  /** Closes the set (its plan is then owed: a closed set sends nothing more). */
  close(setId: number, now: Date): Promise<void>;
}
