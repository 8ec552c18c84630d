import type { Meeting } from '../../domain/schedule';
import type { LearningSet, Person } from '../../domain/model';
import type { Action, RsvpAnswer } from '../../domain/records';
import { listOf, plural, who } from '../format';
import { button } from '../interactions/buttons';
import type { Block, Button, Message } from '../model';
import { dayLabel, meetingTime } from '../when';
import { rsvpButtons } from './nudges';

/** One set as its member sees it on their overview. */
export interface SetOverview {
  readonly set: LearningSet;
  readonly next: Meeting | undefined;
  readonly presenters: readonly Pick<Person, 'platformUserId' | 'displayName'>[];
  readonly presenting: boolean;
  readonly challenge: string | undefined;
  readonly actions: readonly Action[];
  readonly answer: RsvpAnswer | undefined;
}

const ANSWERED: Record<RsvpAnswer, string> = { yes: 'You said you are coming.', no: 'You said you cannot come.', maybe: 'You said maybe.' };

function setBlocks(o: SetOverview, zone: string): { blocks: Block[]; actions: Button[] } {
  const { set, next } = o;
  const blocks: Block[] = [{ type: 'heading', text: set.name }];
  const actions: Button[] = [];
  if (next) {
    blocks.push({
      type: 'fields',
      fields: [
        { label: 'Next meeting', value: meetingTime(next, zone) },
        { label: 'Presenting', value: o.presenters.length ? listOf(o.presenters.map(who)) : 'nobody yet: a bid is welcome' },
        { label: 'Your answer', value: o.answer ? ANSWERED[o.answer] : 'Not yet given.' },
      ],
    });
    actions.push(...rsvpButtons(next.id));
    if (o.presenting) actions.push(button({ kind: 'challenge.open', meetingId: next.id }, o.challenge ? 'Update my challenge' : 'Write my challenge', o.challenge ? undefined : 'primary'));
  } else {
    blocks.push({ type: 'paragraph', text: 'No meeting is planned yet.' });
  }
  blocks.push({ type: 'paragraph', text: o.challenge ? `Your challenge: ${o.challenge}` : 'You have no challenge written up.' });
  blocks.push(
    o.actions.length
      ? { type: 'list', ordered: false, items: o.actions.map((a) => `${a.number}. ${a.text}${a.due ? ` (by ${dayLabel(a.due)})` : ''}`) }
      : { type: 'context', text: 'No open actions.' },
  );
  blocks.push({ type: 'divider' });
  return { blocks, actions };
}

/** A person's own overview: each of their sets, with its next meeting in their zone and what they owe it. */
export function overview(sets: readonly SetOverview[], zoneOf: (set: LearningSet) => string): Message {
  if (sets.length === 0) {
    return { text: 'You are not in a set yet. A facilitator can add you with `member add`, or start one in a channel with `set create <name>`.' };
  }
  const parts = sets.map((o) => setBlocks(o, zoneOf(o.set)));
  const text = sets
    .map((o) => `${o.set.name}: ${o.next ? `next meeting ${meetingTime(o.next, zoneOf(o.set))}` : 'no meeting planned'}; ${plural(o.actions.length, 'open action')}.`)
    .join('\n');
  return {
    text,
    blocks: [{ type: 'heading', text: 'Your action learning sets' }, ...parts.flatMap((p) => p.blocks), { type: 'context', text: 'Type `help` in a set channel for everything Setwise can do.' }],
    // Buttons only for a single set: with several, which meeting each button answers would be unclear.
    ...(sets.length === 1 && parts[0]!.actions.length ? { actions: parts[0]!.actions } : {}),
  };
}
