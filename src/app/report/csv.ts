/** A report as CSV (RFC 4180), safe to open in a spreadsheet. */
import type { MeetingFigures, MemberFigures } from '../../domain/report';

export const CSV_HEADER = ['set', 'row', 'date', 'member', 'attended', 'members', 'presentations', 'actions_committed', 'actions_done', 'reflections'] as const;

/**
 * One cell: quoted when it holds a comma, a quote or a line break; a name starting
 * with = + - @ (which a spreadsheet would run as a formula) is kept as text with a
 * leading apostrophe.
 */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row a held meeting, then one a member; blank where a column does not apply, or attendance was not recorded. */
export function reportCsv(meetings: readonly MeetingFigures[], members: readonly MemberFigures[]): string {
  const rows: (string | number | null)[][] = [
    [...CSV_HEADER],
    ...meetings.map((m) => [m.set, 'meeting', m.date, null, m.attended, m.members, m.presentations, m.actions, null, null]),
    ...members.map((m) => [m.set, 'member', null, m.member, m.attended, null, m.presented, m.actionsCommitted, m.actionsDone, m.reflections]),
  ];
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
