/** The actions a member commits to in a set, numbered per person. */
import type { Action } from '../../domain/records';

export interface ActionRepo {
  add(setId: number, personId: number, text: string, due: string | null, now: Date): Promise<Action>;
  list(setId: number, personId: number): Promise<Action[]>;
  /** Closes the person's action `number`; false if they have none open with it. */
  close(setId: number, personId: number, number: number, status: 'done' | 'dropped', now: Date): Promise<boolean>;
}
