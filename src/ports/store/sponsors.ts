/** Programme sponsors: people who see a set's figures, never its content. */
import type { Person } from '../../domain/model';

export interface SponsorRepo {
  /** False when they sponsor the set already. */
  add(setId: number, personId: number, addedBy: number, now: Date): Promise<boolean>;
  /** False when they did not sponsor it. */
  remove(setId: number, personId: number): Promise<boolean>;
  /** The open sets a person sponsors. */
  setsOf(personId: number): Promise<number[]>;
  list(setId: number): Promise<Person[]>;
}
