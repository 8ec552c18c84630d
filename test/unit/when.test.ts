import { describe, expect, it } from 'vitest';
import { dayLabel, lengthLabel, meetingTime } from '../../src/messages/when';

const meeting = { startsAt: new Date('2027-01-05T10:00:00Z'), endsAt: new Date('2027-01-05T13:00:00Z'), zone: 'Europe/London' };

describe('times as people read them', () => {
  it('writes a meeting in the set\'s zone, or in the viewer\'s with the set\'s alongside', () => {
    expect(meetingTime(meeting, 'Europe/London')).toBe('Tue 5 Jan 2027, 10:00–13:00 Europe/London');
    expect(meetingTime(meeting, 'America/New_York')).toBe('Tue 5 Jan 2027, 05:00–08:00 America/New_York (10:00 Europe/London)');
  });

  it('names the set\'s day when it differs from the viewer\'s, and an end on another day', () => {
    expect(meetingTime(meeting, 'Pacific/Auckland')).toBe('Tue 5 Jan 2027, 23:00–Wed 6 Jan, 02:00 Pacific/Auckland (10:00 Europe/London)');
    expect(meetingTime({ ...meeting, startsAt: new Date('2027-01-05T22:00:00Z'), endsAt: new Date('2027-01-06T01:00:00Z') }, 'Australia/Sydney')).toBe(
      'Wed 6 Jan 2027, 09:00–12:00 Australia/Sydney (Tue 5 Jan, 22:00 Europe/London)',
    );
  });

  it('labels days and lengths', () => {
    expect(dayLabel('2027-09-07')).toBe('Tue 7 Sep 2027');
    expect([lengthLabel(180), lengthLabel(90), lengthLabel(45), lengthLabel(750)]).toEqual(['3h', '1h30m', '45m', '12h30m']);
  });
});
