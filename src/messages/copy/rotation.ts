import type { Meeting } from '../../domain/schedule';
import type { LearningSet } from '../../domain/model';
import type { Slot, SlotReason } from '../../domain/rotation/types';
import type { Block, Message } from '../model';
import { dayLabel, meetingTime } from '../when';
import { who } from '../format';

/** A slot's reason in plain words: "not presented yet this cycle (last on Tue 5 Jan 2027)". */
export function reasonLabel(reason: SlotReason): string {
  switch (reason.kind) {
    case 'not-presented-yet':
      return 'not presented yet';
    case 'not-this-cycle':
      return `not presented yet this cycle (last on ${dayLabel(reason.last)})`;
    case 'least-recent':
      return `longest since presenting (last on ${dayLabel(reason.last)})`;
    case 'missed-turn':
      return `missed their turn on ${dayLabel(reason.on)} (${reason.why})`;
    case 'bid':
      return `bid on ${dayLabel(reason.on)}`;
    case 'swap':
      return `swapped with @${reason.with}`;
    case 'withdrew':
      return 'withdrew';
    case 'away':
      return 'away';
    case 'said-no':
      return 'said they cannot come';
    case 'not-there':
      return 'was not there';
    case 'opted-out':
      return 'opted out of presenting';
  }
}

export interface RotationRow {
  readonly meeting: Meeting;
  /** `userId` is the presenter's platform id, to name them as a mention; without it, by name. */
  readonly presenters: readonly (Slot & { readonly name: string; readonly userId?: string })[];
}

/** The next meetings' presenters, each with the reason, in the viewer's zone. */
export function rotationView(set: LearningSet, rows: readonly RotationRow[], places: number, viewerZone: string, lead?: string): Message {
  if (rows.length === 0) {
    return { text: [lead, `${set.name} has no upcoming meetings, so nobody is due to present.`].filter(Boolean).join(' ') };
  }
  const blocks: Block[] = lead ? [{ type: 'paragraph', text: lead }] : [{ type: 'heading', text: `Who presents next in ${set.name}` }];
  const lines: string[] = [lead ?? `Who presents next in ${set.name}:`];
  for (const { meeting, presenters } of rows) {
    const when = meetingTime(meeting, viewerZone);
    const named = (p: RotationRow['presenters'][number]) => (p.userId ? who({ platformUserId: p.userId, displayName: p.name }) : `@${p.name}`);
    const items = presenters.map((p) => `${named(p)}: ${reasonLabel(p.reason)}${p.notifiedAt ? ' (told)' : ''}`);
    const open = places - presenters.length;
    const note = open > 0 ? [`${open === 1 ? 'One place' : `${open} places`} open: nobody else can present that day.`] : [];
    blocks.push({ type: 'paragraph', text: when }, { type: 'list', items, ordered: true }, ...note.map((text) => ({ type: 'context' as const, text })));
    lines.push(when, ...items.map((item, i) => `  ${i + 1}. ${item}`), ...note.map((n) => `  ${n}`));
  }
  return { text: lines.join('\n'), blocks };
}
