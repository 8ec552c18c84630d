/** Reading the Adaptive Cards the bot sent: the card of an activity, its texts, its buttons. */

export type Card = { body: { type: string; text?: string; id?: string; [k: string]: unknown }[]; actions?: { type: string; title?: string; data?: unknown; card?: Card }[]; msteams?: { entities?: { text: string; mentioned: { id: string } }[] } };

export const cardOf = (activity: Record<string, unknown>): Card => ((activity.attachments as { contentType: string; content: Card }[] | undefined) ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')!.content;
/** Every text a card shows, in order, including inside containers and shown cards. */
export function textsOf(card: Card): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      if (typeof o.title === 'string') out.push(o.title);
      if (typeof o.label === 'string') out.push(o.label);
      for (const [k, v] of Object.entries(o)) if (k !== 'msteams' && typeof v === 'object') walk(v);
    }
  };
  walk(card.body);
  walk(card.actions);
  return out.join('\n');
}
export const sentText = (s: { activity: Record<string, unknown> }) => textsOf(cardOf(s.activity));

/** Every Action.Execute's data in a card, by its title. */
export function buttonsOf(card: Card): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute' && typeof o.title === 'string') found.set(o.title, o.data);
      for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
    }
  };
  walk(card);
  return found;
}
