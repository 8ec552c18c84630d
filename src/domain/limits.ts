/** Lengths people can type; kept well inside every platform's own limits. */
export const LIMITS = {
  setName: 80,
  commandText: 4000,
  membersPerCommand: 20,
  actionText: 500,
} as const;

/**
 * Practice guidance: fewer than 4 struggles, more than 8 is unwieldy. Setwise allows
 * up to 20 (facilitators included), room for a large cohort's set, and refuses more.
 */
export const SET_SIZE = { comfortableMin: 4, comfortableMax: 8, max: 20 } as const;

/** The dates Setwise works with: wide enough for any programme, narrow enough that no date is absurd. */
export const DATE_WINDOW = { first: '2000-01-01', last: '2099-12-31' } as const;
