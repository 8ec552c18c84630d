import { distance } from 'fastest-levenshtein';

/**
 * The candidates closest to what was typed, for "did you mean" hints. A typo is
 * at most a couple of edits away; anything further is a different word.
 */
export function closest(typed: string, candidates: readonly string[], max = 3): string[] {
  const needle = typed.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(needle.length / 3)));
  return candidates
    .map((c) => ({ c, d: distance(needle, c.toLowerCase()) }))
    .filter(({ c, d }) => d <= limit || (needle.length >= 3 && c.toLowerCase().startsWith(needle)))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map(({ c }) => c);
}
