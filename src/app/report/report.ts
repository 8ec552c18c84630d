/**
 * `report [set | programme]`: figures for facilitators and sponsors, counts only. The
 * store reads no content for it (see ports/store/reports.ts), so no challenge, action,
 * reflection or answer can reach a sponsor through it.
 */
import type { CommandOf } from '../../commands/grammar';
import { SetwiseError } from '../../domain/errors';
import type { LearningSet } from '../../domain/model';
import { isFacilitator } from '../../domain/permissions';
import { chartPoints, setReport, type MeetingFigures, type MemberFigures } from '../../domain/report';
import { localToday } from '../../domain/wall-time';
import { plural } from '../../messages/format';
import type { Block, Message } from '../../messages/model';
import { dayLabel } from '../../messages/when';
import type { Reply } from '../../ports/inbound';
import { findSetHere } from '../access';
import { privateReply, type Deps, type Turn } from '../context';
import { drawChart } from './chart';
import { reportCsv } from './csv';

/** The open sets the actor may see figures of: those they facilitate or sponsor. */
async function reportableSets(deps: Deps, turn: Turn): Promise<LearningSet[]> {
  const mine = await deps.store.sets.listOpenForPerson(turn.actor.id);
  const facilitated = [];
  for (const s of mine) if (isFacilitator(await deps.store.memberships.find(s.id, turn.actor.id))) facilitated.push(s);
  const sponsored = [];
  for (const id of await deps.store.sponsors.setsOf(turn.actor.id)) {
    const s = await deps.store.sets.get(id);
    if (s && s.workspaceId === turn.workspace.id && s.status === 'open') sponsored.push(s);
  }
  const byId = new Map([...facilitated, ...sponsored].map((s) => [s.id, s]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const NOT_ALLOWED = 'Reports are for the set\'s facilitators and its programme sponsors.';

/** Which sets `report` covers here: the channel's set, or in a private chat the only one the actor may see. */
async function setsFor(deps: Deps, turn: Turn, scope: 'set' | 'programme'): Promise<LearningSet[]> {
  const allowed = await reportableSets(deps, turn);
  if (scope === 'programme') {
    if (allowed.length === 0) throw new SetwiseError('not-allowed', `${NOT_ALLOWED} You facilitate or sponsor no set.`);
    return allowed;
  }
  if (turn.where.kind === 'channel') {
    const set = await findSetHere(deps, turn);
    if (!allowed.some((s) => s.id === set.id)) throw new SetwiseError('not-allowed', NOT_ALLOWED);
    return [set];
  }
  if (allowed.length === 1) return allowed;
  if (allowed.length === 0) throw new SetwiseError('not-allowed', `${NOT_ALLOWED} You facilitate or sponsor no set.`);
  throw new SetwiseError('conflict', `You can see ${allowed.length} sets' figures: ${allowed.map((s) => s.name).join(', ')}.`, 'Type `report programme` for all of them, or `report` in a set\'s channel.');
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'set';

function meetingLine(m: MeetingFigures): string {
  const came = m.attended === null ? 'attendance not recorded' : `${m.attended} there`;
  return `${dayLabel(m.date)}: ${came}, ${plural(m.presentations, 'presentation')}, ${plural(m.actions, 'action')} committed`;
}

const memberLine = (m: MemberFigures): string =>
  `${m.member}: ${plural(m.attended, 'meeting')} attended, ${plural(m.presented, 'turn')} presented, ${plural(m.actionsCommitted, 'action')} (${m.actionsDone} done), ${plural(m.reflections, 'reflection')}`;

export async function report(deps: Deps, turn: Turn, args: CommandOf<'report'>['args']): Promise<Reply> {
  const sets = await setsFor(deps, turn, args.scope);
  const now = deps.clock.now();
  const meetings: MeetingFigures[] = [];
  const members: MemberFigures[] = [];
  for (const set of sets) {
    const figures = await deps.store.reports.figures(set.id);
    if (!figures) continue;
    const r = setReport(figures, now);
    meetings.push(...r.meetings);
    members.push(...r.members);
  }
  const programme = args.scope === 'programme';
  const title = programme ? `Programme figures: ${plural(sets.length, 'set')}` : `${sets[0]!.name}: figures`;
  const by = programme ? 'month' : 'meeting';
  const chart = await drawChart(programme ? 'Attendance and actions by month' : `${sets[0]!.name}: attendance and actions`, chartPoints(meetings, by), by);
  const today = localToday(now, sets[0]!.timeZone);
  const name = programme ? 'programme' : slug(sets[0]!.name);
  const meetingLines = meetings.map((m) => (programme ? `${m.set}, ${meetingLine(m)}` : meetingLine(m)));
  const memberLines = members.map((m) => (programme ? `${m.set}, ${memberLine(m)}` : memberLine(m)));
  const note = 'Counts only: what members write stays with them and their set. Attendance is counted at meetings run on the run-sheet.';
  const blocks: Block[] = [
    { type: 'heading', text: title },
    { type: 'paragraph', text: meetings.length ? 'By meeting:' : 'No meetings held yet.' },
    ...(meetings.length ? [{ type: 'list' as const, items: meetingLines }] : []),
    { type: 'paragraph', text: 'By member:' },
    { type: 'list', items: memberLines },
    { type: 'context', text: `${note} As of ${dayLabel(today)}.` },
  ];
  const message: Message = {
    text: [title, ...(meetings.length ? ['By meeting:', ...meetingLines] : ['No meetings held yet.']), 'By member:', ...memberLines, note].join('\n'),
    blocks,
    files: [
      { name: `report-${name}.png`, mediaType: 'image/png', content: chart.png },
      { name: `report-${name}.csv`, mediaType: 'text/csv', content: reportCsv(meetings, members) },
    ],
  };
  return privateReply(message);
}
