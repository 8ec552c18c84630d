/** Facilitators' check-in questions, posted now or queued for a meeting. */
export interface CheckinRepo {
  /** Records a question posted now, or queues one for a meeting's start (replacing any queued). */
  add(setId: number, meetingId: number | null, text: string, mode: 'now' | 'next', createdBy: number, now: Date): Promise<void>;
  /** The question queued for a meeting, marking it posted. */
  takeQueued(setId: number, meetingId: number, now: Date): Promise<string | undefined>;
}
