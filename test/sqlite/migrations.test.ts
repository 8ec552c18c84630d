import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/process';

describe('migrations', () => {
  it('match the schema: nothing is left to generate', () => {
    // drizzle-kit wants a folder under the working directory; tmp/ is ignored by git.
    const out = join('tmp', `migrations-check-${process.pid}`);
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    cpSync(join(ROOT, 'db/migrations'), join(ROOT, out), { recursive: true });
    try {
      const run = spawnSync(join(ROOT, 'node_modules/.bin/drizzle-kit'), ['generate', '--dialect', 'sqlite', '--schema', './db/schema.ts', '--out', `./${out}`], { cwd: ROOT, encoding: 'utf8' });
      expect(run.stdout + run.stderr).toContain('No schema changes, nothing to migrate');
    } finally {
      rmSync(join(ROOT, out), { recursive: true, force: true });
    }
  });
});
