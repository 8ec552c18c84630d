import { z } from 'zod';

export const PROMPT_KINDS = ['checkin', 'reflection', 'challenge-framing', 'action-review', 'process-review', 'programme-end'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

/** Seed 001's five leadership themes. */
export const THEMES = ['Drive', 'Think', 'Feel', 'Connect', 'Inspire'] as const;
/** Seed 002's leadership capabilities. */
export const CAPABILITIES = ['authentic-leadership', 'customer-focus', 'trusted-partnership', 'continuous-improvement', 'organisational-culture', 'resilience'] as const;

export const tagsSchema = z
  .object({
    /** Learning in a set runs on three levels: the problem, myself, learning to learn. */
    level: z.enum(['problem', 'myself', 'learning']).optional(),
    theme: z.array(z.enum(THEMES)).optional(),
    capability: z.array(z.enum(CAPABILITIES)).optional(),
    /** Seed 003's competency focuses. */
    focus: z.enum(['individual', 'team', 'external']).optional(),
    /** The reflection cycle: what happened, how I felt, what I make of it, what I'll do next. */
    stage: z.enum(['what-happened', 'how-i-felt', 'what-i-make-of-it', 'what-next']).optional(),
  })
  .strict();

export const promptSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens'),
    text: z.string().trim().min(10, 'is too short to be a prompt').max(500, 'is over 500 characters'),
    tags: tagsSchema.default({}),
  })
  .strict();

export type PromptTags = z.infer<typeof tagsSchema>;
export interface Prompt {
  readonly id: string;
  readonly kind: PromptKind;
  readonly text: string;
  readonly tags: PromptTags;
}

/**
 * The next prompt for a set: one it has seen least often, so no prompt comes round
 * again until the set has seen all the others of its kind. Ties are broken by a
 * hash of set and prompt, so sets meet the library in different orders.
 */
export function choosePrompt(candidates: readonly Prompt[], uses: ReadonlyMap<string, number>, setId: number): Prompt | undefined {
  const score = (p: Prompt) => uses.get(p.id) ?? 0;
  const spread = (p: Prompt) => {
    let h = setId * 2654435761;
    for (const c of p.id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
    return h >>> 0;
  };
  return [...candidates].sort((a, b) => score(a) - score(b) || spread(a) - spread(b) || a.id.localeCompare(b.id))[0];
}

/** Prompts of a kind that fit a set's chosen themes; with no themes, or none fitting, all of them. */
export function withThemes(prompts: readonly Prompt[], themes: readonly string[]): Prompt[] {
  if (themes.length === 0) return [...prompts];
  const fitting = prompts.filter((p) => p.tags.theme?.some((t) => themes.includes(t)));
  return fitting.length > 0 ? fitting : [...prompts];
}
