import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { PROMPT_KINDS, promptSchema, type Prompt, type PromptKind } from './domain/prompts';

/** A broken prompt file: one line naming the file and the problem. */
export class PromptFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromptFileError';
  }
}

const fileSchema = z.object({ kind: z.enum(PROMPT_KINDS), prompts: z.array(promptSchema).min(1, 'has no prompts') }).strict();

export type PromptLibrary = ReadonlyMap<PromptKind, readonly Prompt[]>;

/** The library shipped with Setwise. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../prompts', import.meta.url));

/** Reads and checks every `*.yaml` in `dir`; ids are unique across the library. */
export function loadPromptLibrary(dir: string): PromptLibrary {
  const library = new Map<PromptKind, Prompt[]>();
  const seen = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new PromptFileError(`${dir}: the prompt folder cannot be read`);
  }
  const files = names.filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  if (files.length === 0) throw new PromptFileError(`${dir}: no prompt files (*.yaml) found`);
  for (const name of files) {
    const path = join(dir, name);
    // prompts/checkin.yaml when it is under the working directory, else the full path.
    const rel = relative(process.cwd(), path);
    const shown = rel && !rel.startsWith('..') ? rel : path;
    let data: unknown;
    try {
      data = parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new PromptFileError(`${shown}: not valid YAML (${(error instanceof Error ? error.message : String(error)).split('\n')[0]})`);
    }
    const parsed = fileSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const [first, index, ...rest] = issue.path;
      const entries = (data as { prompts?: { id?: unknown }[] } | null)?.prompts;
      const where =
        first === 'prompts' && typeof index === 'number'
          ? `prompt ${index + 1}${typeof entries?.[index]?.id === 'string' ? ` (${entries[index].id})` : ''}${rest.length ? ` ${rest.join('.')}` : ''}`
          : issue.path.join('.') || 'the file';
      throw new PromptFileError(`${shown}: ${where}: ${issue.message}`);
    }
    for (const p of parsed.data.prompts) {
      const other = seen.get(p.id);
      if (other) throw new PromptFileError(`${shown}: prompt id "${p.id}" is also used in ${other}`);
      seen.set(p.id, shown);
      const list = library.get(parsed.data.kind) ?? [];
      list.push({ id: p.id, kind: parsed.data.kind, text: p.text, tags: p.tags });
      library.set(parsed.data.kind, list);
    }
  }
  return library;
}
