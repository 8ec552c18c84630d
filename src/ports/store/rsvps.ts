/** Who said they will come to a meeting. */
import type { RsvpAnswer } from '../../domain/records';

export interface RsvpRepo {
  /** Records the answer; returns the meeting's set, whose plan is then owed (a "no" frees a slot). */
  answer(meetingId: number, personId: number, answer: RsvpAnswer, now: Date): Promise<number | undefined>;
  forMeeting(meetingId: number): Promise<{ readonly personId: number; readonly answer: RsvpAnswer }[]>;
}
