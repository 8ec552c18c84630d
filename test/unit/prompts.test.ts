import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { choosePrompt, PROMPT_KINDS, withThemes } from '../../src/domain/prompts';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary, PromptFileError } from '../../src/prompt-library';

const work = mkdtempSync(join(tmpdir(), 'setwise-prompts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function libraryWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(work, 'lib-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const refusal = (dir: string) => {
  try {
    loadPromptLibrary(dir);
  } catch (error) {
    if (error instanceof PromptFileError) return error.message.replace(`${dir}/`, '');
    throw error;
  }
  throw new Error('expected the library to be refused');
};

describe('the prompt library', () => {
  const library = loadPromptLibrary(DEFAULT_PROMPTS_DIR);
  const all = [...library.values()].flat();

  it('loads every file: at least 80 prompts across all six kinds, tagged', () => {
    expect(all.length).toBeGreaterThanOrEqual(80);
    for (const kind of PROMPT_KINDS) expect(library.get(kind)?.length, kind).toBeGreaterThanOrEqual(8);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    expect(all.every((p) => p.tags.level !== undefined)).toBe(true);
    const themes = new Set(all.flatMap((p) => p.tags.theme ?? []));
    expect([...themes].sort()).toEqual(['Connect', 'Drive', 'Feel', 'Inspire', 'Think']);
    expect(new Set(all.flatMap((p) => p.tags.capability ?? [])).size).toBe(6);
    expect(new Set(all.map((p) => p.tags.stage).filter(Boolean)).size).toBe(4);
  });

  it('gives a set every prompt of a kind once before any comes round again', () => {
    for (const kind of PROMPT_KINDS) {
      const prompts = library.get(kind)!;
      const uses = new Map<string, number>();
      const seen: string[] = [];
      for (let i = 0; i < prompts.length * 2; i++) {
        const p = choosePrompt(prompts, uses, 7)!;
        uses.set(p.id, (uses.get(p.id) ?? 0) + 1);
        seen.push(p.id);
      }
      const firstCycle = seen.slice(0, prompts.length);
      expect(new Set(firstCycle).size, kind).toBe(prompts.length);
      expect(new Set(seen.slice(prompts.length)).size, kind).toBe(prompts.length);
    }
  });

  it('keeps to a set\'s themes when any prompt fits them', () => {
    const reflection = library.get('reflection')!;
    expect(withThemes(reflection, ['Feel']).every((p) => p.tags.theme?.includes('Feel'))).toBe(true);
    expect(withThemes(reflection, [])).toHaveLength(reflection.length);
  });

  it('refuses a broken file with one line naming it and the problem', () => {
    const ok = "kind: checkin\nprompts:\n  - id: fine-one\n    text: 'A perfectly good question?'\n";
    expect(refusal(libraryWith({ 'a.yaml': ok, 'b.yaml': 'kind: checkin\nprompts:\n  - id: Bad Id\n    text: fine enough text\n' }))).toBe(
      'b.yaml: prompt 1 (Bad Id) id: ids are lower-case words joined by hyphens',
    );
    expect(refusal(libraryWith({ 'c.yaml': "kind: checkin\nprompts:\n  - id: x-one\n    text: 'fine enough text'\n    tags: { theme: [Courage] }\n" }))).toMatch(
      /^c\.yaml: prompt 1 \(x-one\) tags\.theme\.0: Invalid option: expected one of "Drive"\|"Think"\|"Feel"\|"Connect"\|"Inspire"$/,
    );
    expect(refusal(libraryWith({ 'd.yaml': 'kind: gossip\nprompts: []\n' }))).toMatch(/^d\.yaml: kind: /);
    expect(refusal(libraryWith({ 'e.yaml': 'kind: checkin\nprompts:\n  - id: x\n    text: a: b: c\n' }))).toMatch(/^e\.yaml: not valid YAML \(/);
    const dup = libraryWith({ 'f.yaml': ok, 'g.yaml': ok });
    expect(refusal(dup)).toBe(`g.yaml: prompt id "fine-one" is also used in ${dup}/f.yaml`);
    expect(refusal(libraryWith({ 'h.yaml': 'kind: checkin\nprompts: []\n' }))).toBe('h.yaml: prompts: has no prompts');
  });
});
