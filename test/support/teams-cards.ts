/**
 * What Teams would refuse or show wrongly in a card Setwise renders: the card parsed
 * by the adaptivecards package (Microsoft's renderer library) in Node, every
 * parse and validation event counted as a problem, errors and warnings alike; plus
 * Teams' own rules: version 1.5, the message size, mentions that match their entities
 * exactly, and buttons that carry data Setwise reads back.
 */
import { createRequire } from 'node:module';
import { readCardData } from '../../adapters/teams/card-data';
import { activityBytes, renderActivity, TEAMS_MAX_BYTES, type AdaptiveCardJson, type CardMessage } from '../../adapters/teams/render';

interface AcEvent {
  readonly message: string;
}
interface AcModule {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: AcEvent[] } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): AcEvent };
}

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AcModule;

/** Every text in a card, including shown cards' and inputs' values. */
function strings(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => strings(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'msteams') continue;
      if (typeof v === 'string') out.push(v);
      else strings(v, out);
    }
  }
  return out;
}

function executes(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => executes(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute') out.push(o);
    for (const v of Object.values(o)) executes(v, out);
  }
  return out;
}

export function cardProblems(card: AdaptiveCardJson | Record<string, unknown>): string[] {
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  if (card.version !== '1.5') problems.push(`version ${String(card.version)}, not 1.5`);
  const texts = strings({ body: card.body, actions: card.actions });
  const entities = ((card.msteams as { entities?: { text: string; mentioned: { id: string } }[] } | undefined)?.entities ?? []);
  for (const tag of texts.join('\n').match(/<at>[^<]*<\/at>/g) ?? []) if (!entities.some((e) => e.text === tag)) problems.push(`mention ${tag} has no entity`);
  for (const e of entities) if (!texts.some((t) => t.includes(e.text))) problems.push(`entity ${e.text} is not in the card`);
  const seen = new Set<string>();
  for (const e of entities) {
    if (seen.has(e.text)) problems.push(`two entities for ${e.text}`);
    seen.add(e.text);
  }
  for (const action of executes(card)) if (!readCardData(action.data)) problems.push(`a button Setwise cannot read back: ${JSON.stringify(action.data)}`);
  return problems;
}

/** Problems of a whole activity: its card's, and its size. */
export function activityProblems(activity: CardMessage): string[] {
  const size = activityBytes(activity);
  return [...cardProblems(activity.attachments[0].content), ...(size > TEAMS_MAX_BYTES ? [`${size} bytes, over ${TEAMS_MAX_BYTES}`] : [])];
}

export { renderActivity };
