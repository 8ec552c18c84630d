import { z } from 'zod';
import { offsetFromMinutes, offsetSchema } from './offset';

/** A set's nudge choices, stored in the set's settings. */
export const nudgeSettingsSchema = z.object({
  presenterNoticeBefore: offsetSchema(28).default({ days: 7 }),
  challengeReminder: z.boolean().default(false),
  challengeReminderBefore: offsetSchema(28).default({ days: 2 }),
  meetingReminderBefore: offsetSchema(28).default({ days: 1 }),
  reflectionAfter: offsetSchema(7).default({ minutes: 2 * 60 }),
  checkin: z.boolean().default(true),
  actionFollowUp: z.boolean().default(true),
});
export type NudgeSettings = z.infer<typeof nudgeSettingsSchema>;

/** The names settings had when every offset was a number of minutes. */
const LEGACY_MINUTES = {
  presenterNoticeMinutes: 'presenterNoticeBefore',
  challengeReminderMinutes: 'challengeReminderBefore',
  meetingReminderMinutes: 'meetingReminderBefore',
  reflectionMinutes: 'reflectionAfter',
} as const;

/** Settings as stored, with defaults filled; a damaged value falls back to the default. */
export function nudgeSettings(stored: unknown): NudgeSettings {
  const raw = (stored && typeof stored === 'object' && 'nudges' in stored ? (stored as { nudges: unknown }).nudges : {}) ?? {};
  const current: Record<string, unknown> = typeof raw === 'object' ? { ...(raw as Record<string, unknown>) } : {};
  for (const [old, now] of Object.entries(LEGACY_MINUTES)) {
    const minutes = current[old];
    delete current[old];
    if (current[now] === undefined && typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0) current[now] = offsetFromMinutes(minutes);
  }
  const parsed = nudgeSettingsSchema.safeParse(current);
  return parsed.success ? parsed.data : nudgeSettingsSchema.parse({});
}

