import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/process';

/**
 * The dependency rule is only worth its place in `npm test` if it fails on a
 * violation: run the project's own rules over small trees shaped like this one.
 */
const work = mkdtempSync(join(tmpdir(), 'setwise-layers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cruise(files: Record<string, string>): { code: number | null; output: string } {
  const dir = mkdtempSync(join(work, 'tree-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  copyFileSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const run = spawnSync(join(ROOT, 'node_modules/.bin/depcruise'), ['src', 'adapters', 'db', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { code: run.status, output: run.stdout + run.stderr };
}

const clean = {
  'src/domain/model.ts': 'export type Id = number;\n',
  'src/domain/nudges/catalogue.ts': "import type { Id } from '../model';\nexport const planNudges = (id: Id): Id[] => [id];\n",
  'src/messages/copy/sets.ts': "import type { Id } from '../../domain/model';\nexport const named = (id: Id) => `set ${id}`;\n",
  'src/ports/store.ts': "import type { Id } from '../domain/model';\nexport interface Store { get(id: Id): Promise<void> }\n",
  'src/ports/inbound.ts': 'export interface Core { handle(text: string): Promise<string> }\n',
  'src/app/sets.ts': "import type { Store } from '../ports/store';\nimport { planNudges } from '../domain/nudges/catalogue';\nimport { named } from '../messages/copy/sets';\nexport const use = (s: Store) => s.get(planNudges(1)[0]!).then(() => named(1));\n",
  'db/store.ts': "import Database from 'better-sqlite3';\nimport type { Store } from '../src/ports/store';\nimport type { Id } from '../src/domain/model';\nexport const open = (id: Id): Store | Database.Database => new Database(`:memory:${id}`);\n",
  'adapters/console/run.ts': "import type { Core } from '../../src/ports/inbound';\nexport const run = (core: Core) => core.handle('help');\n",
  'src/main.ts': "import { open } from '../db/store';\nimport { run } from '../adapters/console/run';\nimport { use } from './app/sets';\nexport { open, run, use };\n",
};

describe('the layer rules', () => {
  it('pass a tree that keeps the dependency rule', () => {
    const result = cruise(clean);
    expect(result.output).toContain('no dependency violations found');
    expect(result.code).toBe(0);
  });

  it('fail when src/app imports better-sqlite3', () => {
    const result = cruise({ ...clean, 'src/app/sets.ts': "import Database from 'better-sqlite3';\nexport const db = new Database(':memory:');\n" });
    expect(result.output).toMatch(/error core-has-no-platform-libraries: src\/app\/sets\.ts → \S*node_modules\/better-sqlite3\//);
    expect(result.code).not.toBe(0);
  });

  it('fail when the core reaches into db/ or an adapter, or db/ into the use cases', () => {
    const result = cruise({
      ...clean,
      'src/app/sets.ts': "import { open } from '../../db/store';\nexport const x = open;\n",
      'src/commands/parse.ts': "import { run } from '../../adapters/console/run';\nexport const y = run;\n",
      'db/other.ts': "import { use } from '../src/app/sets';\nexport const z = use;\n",
    });
    expect(result.output).toContain('core-stays-platform-free: src/app/sets.ts → db/store.ts');
    expect(result.output).toContain('core-stays-platform-free: src/commands/parse.ts → adapters/console/run.ts');
    expect(result.output).toContain('db-sees-ports-and-domain-only: db/other.ts → src/app/sets.ts');
  });

  it('fail when db/ imports a planning module of the domain: re-planning is the core\'s', () => {
    const result = cruise({
      ...clean,
      'db/replan.ts': "import { planNudges } from '../src/domain/nudges/catalogue';\nexport const replan = () => planNudges(1);\n",
    });
    expect(result.output).toContain('error db-does-not-plan: db/replan.ts → src/domain/nudges/catalogue.ts');
    expect(result.code).not.toBe(0);
  });

  it('fail when messages reach a port, or an adapter reaches past the ports', () => {
    const result = cruise({
      ...clean,
      'src/messages/copy/sets.ts': "import type { Store } from '../../ports/store';\nexport const named = (s: Store | number) => `set ${String(s)}`;\n",
      'adapters/console/run.ts': "import { use } from '../../src/app/sets';\nexport const run = use;\n",
    });
    expect(result.output).toContain('error messages-do-not-see-ports: src/messages/copy/sets.ts → src/ports/store.ts');
    expect(result.output).toContain('error adapters-talk-through-ports: adapters/console/run.ts → src/app/sets.ts');
    expect(result.code).not.toBe(0);
  });
});

describe('the Store contract suite', () => {
  it('reaches the store only through the Store port, so it runs unchanged against every store', () => {
    const dir = join(ROOT, 'test/integration');
    const files = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/from '(\.\.\/)+db\/|better-sqlite3|drizzle-orm|sqlite_master|\.database\b/);
    }
  });
});
