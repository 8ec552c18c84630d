/** A person's private journal of reflections, some shared with a set. */
import type { JournalEntry } from '../../domain/records';

export interface ReflectionRepo {
  add(personId: number, setId: number | null, text: string, now: Date): Promise<JournalEntry>;
  list(personId: number): Promise<JournalEntry[]>;
  markShared(personId: number, number: number, now: Date): Promise<void>;
}
