/** Which prompts a set has been given, and the set's own. */
import type { Prompt, PromptKind } from '../../domain/prompts';

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
