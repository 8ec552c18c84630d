import type { Person } from '../domain/model';

/** How the bot names a person in its copy; adapters may turn it into a real mention. */
export const who = (p: Pick<Person, 'displayName'>): string => `@${p.displayName}`;

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
