import type { CommandOf } from '../commands/grammar';
import { SetwiseError } from '../domain/errors';
import type { LearningSet } from '../domain/model';
import { choosePrompt, withThemes, type Prompt, type PromptKind } from '../domain/prompts';
import type { Reply } from '../ports/inbound';
import { facilitatorView, mySetHere } from './access';
import { privateReply, publicReply, type Deps, type Turn } from './context';

/**
 * The set's next prompt of a kind: its chosen themes, its own prompts included, and
 * none again until the set has seen the rest. For a meeting, everyone gets the same one.
 */
export async function nextPrompt(deps: Deps, set: LearningSet, kind: PromptKind, meetingId: number | null): Promise<Prompt> {
  const all = [...(deps.prompts.get(kind) ?? []), ...(await deps.store.prompts.custom(set.id, kind))];
  if (meetingId !== null) {
    const chosen = await deps.store.prompts.usedFor(set.id, kind, meetingId);
    const known = all.find((p) => p.id === chosen);
    if (known) return known;
  }
  const prompt = choosePrompt(withThemes(all, set.promptThemes), await deps.store.prompts.uses(set.id, kind), set.id);
  if (!prompt) throw new Error(`the prompt library has no ${kind} prompts`);
  await deps.store.prompts.recordUse(set.id, kind, prompt.id, meetingId, deps.clock.now());
  return prompt;
}

/** A fresh reflection prompt, privately, now. */
export async function promptNow(deps: Deps, turn: Turn): Promise<Reply> {
  const mine = await mySetHere(deps, turn);
  const prompt = mine
    ? await nextPrompt(deps, mine, 'reflection', null)
    : choosePrompt(deps.prompts.get('reflection') ?? [], new Map(), turn.actor.id)!;
  return privateReply({ text: `${prompt.text} Write your thoughts privately with \`reflect <text>\`.` });
}

/** Adds one of the set's own prompts (facilitators). */
export async function addPrompt(deps: Deps, turn: Turn, args: CommandOf<'prompt add'>['args']): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'add prompts');
  const known = [...(deps.prompts.get(args.kind) ?? []), ...(await deps.store.prompts.custom(set.id, args.kind))];
  if (known.some((p) => p.text.toLowerCase() === args.text.toLowerCase())) throw new SetwiseError('conflict', 'That prompt is in the library already.');
  await deps.store.prompts.addCustom(set.id, args.kind, args.text, turn.actor.id, deps.clock.now());
  return publicReply({ tone: 'success', text: `Added to ${set.name}'s ${args.kind} prompts. It takes its turn with the rest.` });
}

/** Focuses the set's prompts on some leadership themes, or all (facilitators). */
export async function setPromptThemes(deps: Deps, turn: Turn, args: CommandOf<'prompt themes'>['args']): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'choose prompt themes');
  await deps.store.sets.setPromptThemes(set.id, args.themes, deps.clock.now());
  return publicReply({ tone: 'success', text: args.themes.length ? `${set.name}'s prompts now favour ${args.themes.join(', ')}.` : `${set.name}'s prompts now come from every theme.` });
}
