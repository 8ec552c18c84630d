/**
 * What people type, made safe to store and show again: control characters (a
 * terminal's ESC and BEL, NUL...) are removed, and so are the bidirectional
 * embedding, override and isolate controls, which can make stored text display as
 * something else (a name that reads backwards, a reflection that hides a line). The
 * Unicode bidi algorithm orders right-to-left scripts without them. Names lose
 * zero-width characters too, so two names that look the same are the same.
 */

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const ZERO_WIDTH = /[\u200b-\u200f\u2060\u180e\ufeff]/g;
// Without the `g` flag, so `test` keeps no position between calls.
const UNSAFE = new RegExp(`${CONTROLS.source}|${BIDI_CONTROLS.source}`);

/** Free text that may run over several lines (a reflection, a challenge): keeps newlines and tabs. */
export const cleanText = (raw: string): string => raw.replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(BIDI_CONTROLS, '');

/** A single-line value (a field, a button's value): line breaks and tabs become spaces. */
export const cleanLine = (raw: string): string => cleanText(raw).replace(/[\n\t]/g, ' ');

/** A person's display name: one line, no invisible characters, single-spaced. */
export const cleanName = (raw: string): string => cleanLine(raw).replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();

/** Without bidi controls and zero-width characters: for names people must be able to tell apart. */
export const withoutInvisibles = (raw: string): string => raw.replace(BIDI_CONTROLS, '').replace(ZERO_WIDTH, '');

/** True if `text` still holds a character that should never be shown: what the fuzz tests look for. */
export const hasUnsafeCharacters = (text: string): boolean => UNSAFE.test(text);
