/**
 * The programme of the meetings issue: every 4 weeks on Tuesday at 10:00 London,
 * 5 Jan to 30 Jun 2027. Seven meetings: GMT until the clocks change on 28 Mar,
 * then BST, so 09:00 UTC.
 */
export const LONDON_SCHEDULE = 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 until 2027-06-30 tz Europe/London';

/** [local date, local time, UTC instant] of each meeting. */
export const LONDON_MEETINGS: readonly (readonly [string, string, string])[] = [
  ['2027-01-05', '10:00', '2027-01-05T10:00:00.000Z'],
  ['2027-02-02', '10:00', '2027-02-02T10:00:00.000Z'],
  ['2027-03-02', '10:00', '2027-03-02T10:00:00.000Z'],
  ['2027-03-30', '10:00', '2027-03-30T09:00:00.000Z'],
  ['2027-04-27', '10:00', '2027-04-27T09:00:00.000Z'],
  ['2027-05-25', '10:00', '2027-05-25T09:00:00.000Z'],
  ['2027-06-22', '10:00', '2027-06-22T09:00:00.000Z'],
];
