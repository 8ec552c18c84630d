/**
 * `npm start`: Setwise's compiled build (dist/, made by ./build.mjs when `npm ci` runs),
 * with plain node. If a source file has changed since the build, it is built again
 * first (about half a second), so `npm start` always runs the code as it is.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = join(ROOT, 'dist', 'BUILT');

/** The newest change to a TypeScript source, in ms. */
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return Math.max(latest, newest(path));
    return entry.name.endsWith('.ts') ? Math.max(latest, statSync(path).mtimeMs) : latest;
  }, 0);

const built = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
if (built < Math.max(...['src', 'adapters', 'db'].map((d) => newest(join(ROOT, d))))) {
  const { execFileSync } = await import('node:child_process');
  // A process of its own, whose output goes to stderr: stdout is the console's chat.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: ['ignore', 2, 2] });
}
await import('../dist/main.js');
