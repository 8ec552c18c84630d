import type { KnownBlock } from '@slack/types';
import { SETWISE } from './limits';
import { cutMarkup, splitMarkup } from './render-text';

/**
 * The blocks of one surface as they are laid out, against what the surface can still
 * take: a number of blocks and a total of text. Once something did not fit, the rest
 * is only counted (`omitted`, in lines), for the note that says the message was shortened.
 */
export class Layout {
  readonly blocks: KnownBlock[] = [];
  omitted = 0;

  constructor(
    public blocksLeft: number,
    public charsLeft: number,
  ) {}

  get full(): boolean {
    return this.omitted > 0;
  }

  /** True if one more block holding `chars` of text fits. */
  fits(chars: number): boolean {
    return !this.full && this.blocksLeft >= 1 && this.charsLeft >= chars;
  }

  add(block: KnownBlock, chars: number): void {
    this.blocks.push(block);
    this.blocksLeft -= 1;
    this.charsLeft -= chars;
  }

  /** `lines` that will not be shown; once any are, nothing more is added. */
  omit(lines: number): void {
    this.omitted += lines;
  }
}

/** Lines a reader would count: blank ones are spacing. */
const shown = (lines: readonly string[]): number => lines.filter((line) => line.trim() !== '').length;

/**
 * Lines of escaped mrkdwn in as few blocks of at most `max` as they fill, made by
 * `make`. A line longer than a block continues in the next one. When the surface is
 * full, what still fits is shown cut with "…" and the lines left are counted as omitted.
 */
export function pack(layout: Layout, lines: readonly string[], max: number, make: (text: string) => KnownBlock): void {
  if (layout.full) return layout.omit(shown(lines));
  let pending: string[] = [];
  let length = 0;
  const flush = () => {
    const text = pending.join('\n');
    if (text.trim() !== '') layout.add(make(text), length);
    pending = [];
    length = 0;
  };
  for (const [i, line] of lines.entries()) {
    // A blank line keeps its place between lines of a block, never starts one.
    const pieces = line.trim() === '' ? (pending.length > 0 ? [''] : []) : splitMarkup(line, max);
    for (const piece of pieces) {
      const joined = length + (pending.length > 0 ? 1 : 0) + piece.length;
      if (joined <= max && layout.charsLeft >= joined && (pending.length > 0 || layout.blocksLeft >= 1)) {
        pending.push(piece);
        length = joined;
        continue;
      }
      // A blank line that does not fit is where one block ends and the next begins.
      if (piece === '') continue;
      if (pending.length > 0 && layout.blocksLeft >= 2 && layout.charsLeft >= length + piece.length) {
        flush();
        pending = [piece];
        length = piece.length;
        continue;
      }
      // Out of room: show what fits of this piece, in the open block or else in a new one.
      const inPending = Math.min(max, layout.charsLeft) - length - 1;
      if (pending.length > 0 && inPending >= SETWISE.shortestCut) {
        pending.push(cutMarkup(piece, inPending));
        length += 1 + inPending;
        flush();
      } else {
        flush();
        const room = Math.min(max, layout.charsLeft);
        if (layout.blocksLeft >= 1 && room >= SETWISE.shortestCut) layout.add(make(cutMarkup(piece, room)), room);
      }
      return layout.omit(Math.max(1, shown(lines.slice(i))));
    }
  }
  flush();
}
