/** Presenting slots and absences, as the rotation needs them outside a re-plan. */
import type { SlotReason } from '../../domain/rotation/types';

export interface Absence {
  readonly personId: number;
  readonly from: string;
  readonly until: string;
  readonly createdBy: number;
}

export interface RotationRepo {
  /**
   * The planned presenters of one meeting, in order; with `settled`, also those the plan
   * has settled as presented (a meeting whose planned end has passed).
   */
  planned(meetingId: number, settled?: boolean): Promise<{ readonly personId: number; readonly userId: string; readonly name: string; readonly reason: SlotReason }[]>;
  /** Records that a presenter has been told about their slot: from now on it is sticky. */
  markNotified(meetingId: number, personId: number, now: Date): Promise<void>;
  /** Marks someone away for a period (the set's plan is then owed). */
  addAbsence(setId: number, absence: Absence, now: Date): Promise<void>;
}
