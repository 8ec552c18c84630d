/**
 * Block Kit's limits, as Slack's reference pages state them (docs.slack.dev,
 * "Reference: blocks", "block elements", "composition objects", "modal views").
 * Lengths are counted in UTF-16 code units, which is never fewer than the characters
 * Slack counts, so a text within these limits is within Slack's.
 */
export const SLACK = {
  /** Blocks in one message; in one modal or Home tab. */
  messageBlocks: 50,
  viewBlocks: 100,
  /** A section's text; each of its fields, and how many fields a section holds. */
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  /** A header block's plain_text. */
  headerText: 150,
  /** Elements of a context block. */
  contextElements: 10,
  /** Elements of an actions block. */
  actionsElements: 25,
  /** A button: its label, its value, and any action_id or block_id. */
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  /** A confirm dialog's title, text, and its two buttons. */
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** A modal's title, submit and close labels; its callback_id and private_metadata. */
  viewTitle: 24,
  viewButton: 24,
  callbackId: 255,
  privateMetadata: 3000,
  /** An input block's label and hint. */
  inputLabel: 2000,
  inputHint: 2000,
  /** plain_text_input's max_length can be at most this. */
  inputMaxLength: 3000,
  /**
   * A static select's options, each option's label and value. The option reference
   * gives a value 150 characters, @slack/types' own description 75: the lower one.
   */
  selectOptions: 100,
  optionText: 75,
  optionValue: 75,
} as const;

/**
 * Where Setwise stays inside Slack on its own judgement, below or beside the
 * documented limits.
 */
export const SETWISE = {
  /**
   * A context element's text. The text object allows 3000; context blocks are meant
   * for one-line notes, and 2000 matches the fields' limit, so a note is never the
   * element Slack refuses.
   */
  contextText: 2000,
  /**
   * All the text in one message's blocks. Slack refuses a message whose blocks hold
   * about 12,000 characters in total (`msg_blocks_too_long`), a limit it does not
   * document (slackapi/bolt-js#2509, #2867: refusals reported below 11,400). 8,000
   * keeps well clear of it, with room for what the blocks themselves weigh. The
   * same budget serves a Home tab, whose own total is not documented either.
   */
  textBudget: 8000,
  /**
   * The `text` posted alongside blocks: Slack truncates it past 40,000 characters,
   * but it is only a notification's preview and what a client without blocks shows,
   * so it is kept to a section's length.
   */
  fallbackText: 3000,
  /** A form's error message under its field: Slack states no limit; a sentence or two. */
  fieldError: 300,
  /** Shortest piece of text worth showing before an ellipsis when the budget runs out. */
  shortestCut: 20,
} as const;
