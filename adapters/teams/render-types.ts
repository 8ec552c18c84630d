/**
 * The shapes the Teams renderer produces: plain JSON, so the renderer needs no
 * botbuilder or adaptivecards package at run time.
 */

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export interface CardOptions {
  /** A form shown again with a message on each field that needs another look (nothing was saved). */
  readonly fieldErrors?: Readonly<Record<string, string>>;
  /** What the person had typed, by field id, shown again instead of the fields' initial values. */
  readonly values?: Readonly<Record<string, string>>;
}

/** How Teams links `<at>Name</at>` in a card's text to the person it notifies. */
export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

export type AdaptiveCardJson = {
  type: 'AdaptiveCard';
  version: '1.5';
  body: unknown[];
  actions?: unknown[];
  fallbackText: string;
  msteams?: { width: 'Full'; entities?: MentionEntity[] };
  [k: string]: unknown;
};

/** A Teams message activity body: no `text`, because Teams would show it above the card. */
export interface CardMessage {
  type: 'message';
  summary: string;
  attachments: [{ contentType: typeof ADAPTIVE_CARD; content: AdaptiveCardJson }];
}

/** Any element of a card's body or actions, as JSON. */
export type Json = { [k: string]: unknown };
