import { createEvents, type EventAttributes } from 'ics';
import type { Meeting } from '../domain/schedule';
import type { LearningSet } from '../domain/model';
import { plural } from '../messages/format';
import type { Reply } from '../ports/inbound';
import { memberView } from './access';
import { privateReply, type Deps, type Turn } from './context';

/**
 * A UID that is stable for the meeting's whole life (moves included) and unique
 * across installations, so importing the file again updates instead of duplicating.
 */
export const meetingUid = (set: LearningSet, m: Meeting): string => `meeting-${m.id}.set-${set.id}.${set.createdAt.getTime()}@setwise`;

const fileName = (set: LearningSet) =>
  `${set.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'set'}.ics`;

/** The events of a set's calendar. Only the set's name and channel go in: nothing of its content. */
export function calendarEvents(set: LearningSet, meetings: readonly Meeting[]): EventAttributes[] {
  return meetings.map((m) => ({
    uid: meetingUid(set, m),
    sequence: m.sequence,
    title: `${set.name}: action learning set`,
    description: `A meeting of the action learning set ${set.name} (${set.channelLabel}), ${m.localTime} ${m.zone}.`,
    start: m.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: m.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    lastModified: m.updatedAt.getTime(),
    calName: set.name,
    productId: 'setwise',
  }));
}

/** The set's meetings as an iCalendar file, for its members. */
export async function calendar(deps: Deps, turn: Turn): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  const meetings = await deps.store.meetings.list(set.id);
  if (meetings.length === 0) {
    return privateReply({ text: `${set.name} has no meetings yet, so there is no calendar to give you.` });
  }
  const { error, value } = createEvents(calendarEvents(set, meetings), { productId: 'setwise', method: 'PUBLISH', calName: set.name });
  if (error || !value) throw error ?? new Error('the calendar could not be written');
  const cancelled = meetings.filter((m) => m.status === 'cancelled').length;
  return privateReply({
    text: `The calendar of ${set.name}: ${plural(meetings.length, 'meeting')}${cancelled ? `, ${cancelled} of them cancelled` : ''}. Import it into your calendar app; importing it again updates the same events.`,
    files: [{ name: fileName(set), mediaType: 'text/calendar', content: value }],
  });
}
