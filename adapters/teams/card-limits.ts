/**
 * What Teams takes in one message, and where Setwise stays inside it on its own
 * judgement. Teams documents few hard numbers for Adaptive Cards: the message size
 * (about 28 KB, "Bot messages" in Teams' limits), six actions in a row (its host
 * config), card version 1.5 on every client. Lengths below are in UTF-16 code units;
 * the message size in UTF-8 bytes of the activity's JSON.
 */
export const TEAMS = {
  /** Teams refuses a bot's message past about 28 KB (413 RequestEntityTooLarge), counting the whole activity. */
  messageBytes: 28_000,
  /** Actions Teams shows in one row (its host config's maxActions); more are dropped from view. */
  actionsPerRow: 6,
} as const;

/**
 * The size renderActivity keeps every activity under. The connector adds its own
 * envelope to what the renderer gives it (conversation, from, recipient, service
 * URL, channelData, ids): under 1 KB with long names and channel ids. 2,000 bytes
 * below Teams' figure, read as 28,000 rather than 28,672, leaves room for that
 * envelope twice over.
 */
export const TEAMS_MAX_BYTES = TEAMS.messageBytes - 2_000;

/** Setwise's own limits for what it draws in a card. */
export const CARD = {
  /**
   * One TextBlock's text. Adaptive Cards set no limit, but one huge block renders
   * slowly and cannot be cut cleanly; 2,000 is what Slack allows a field, and a long
   * text simply continues in the next block.
   */
  blockText: 2000,
  /** A fact's title and value: longer ones are drawn as a label and text blocks, as a fact column would be unreadable. */
  factTitle: 100,
  factValue: 300,
  /** The plain-text fallback and notification summary. */
  fallbackText: 1000,
  /** A form's title, drawn as its heading. */
  formTitle: 300,
  /** A button's title: Teams truncates long ones in the row anyway. */
  actionTitle: 80,
  /** An input's label and placeholder. */
  inputLabel: 300,
  inputHint: 300,
  /** A value shown again in an input that states no maxLength. */
  inputValue: 5000,
  /** A field's error under its input. */
  fieldError: 300,
  /** Choices of one select: the first ones are shown, and its hint says so. */
  choices: 100,
  choiceTitle: 150,
  /** Shortest piece of text worth showing before an ellipsis when the budget runs out. */
  shortestCut: 20,
} as const;
