/** What a person can take away (export) and have forgotten (erase). */
import type { PersonalData } from '../../domain/records';

export interface PrivacyRepo {
  /** Everything stored about a person. */
  export(personId: number): Promise<PersonalData>;
  /**
   * Atomic: deletes the person's own content (challenges, reflections, actions,
   * absences, answers), blanks their profile and takes them out of their sets. What a
   * set's history needs (that someone presented) stays, under an anonymous name.
   * Returns the sets they left, whose plans are then owed.
   */
  erase(personId: number, now: Date): Promise<number[]>;
}
