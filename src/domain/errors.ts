/**
 * Why the core refused a request. The code lets adapters and tests tell refusals
 * apart without reading copy; the message is the one line a person sees.
 */
export type ErrorCode =
  | 'bad-command' // the text did not match the grammar
  | 'unknown-command'
  | 'coming-soon' // in the grammar, not built yet
  | 'not-allowed' // the actor's role does not permit it
  | 'not-found'
  | 'conflict' // the request clashes with the current state
  | 'invalid'; // a value is out of range or malformed

export class SetwiseError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** One extra line a person can act on, e.g. an example of the right form. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'SetwiseError';
  }
}

