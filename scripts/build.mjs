/**
 * The compiled build that `npm start` runs with plain node: Setwise's TypeScript, and
 * the small pure-JavaScript packages it always loads, bundled into dist/ by esbuild,
 * with each platform's adapter (and PostgreSQL's driver) a chunk of its own, loaded
 * only when asked for. Loading one file instead of some hundreds is most of what
 * makes start-up quick (docs/benchmarks.md). The platform SDKs, native modules and
 * the chart libraries stay in node_modules, loaded as they are.
 *
 * Types are checked by `npm run typecheck`, not here: this only strips them, in well
 * under a second. Plain JavaScript, so it needs nothing but esbuild; `npm ci` runs it
 * (the `prepare` script), and `npm run build` again after a change.
 */
import { readFileSync, renameSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist');

/** Loaded as they are: native code, packages that read their own files, and what only some runs need. */
export const EXTERNAL = ['better-sqlite3', '@resvg/resvg-js', '@expo-google-fonts/*', 'vega', 'vega-lite', '@slack/*', 'botbuilder', 'botbuilder-*', 'botframework-*', 'pg', 'pg-native', '@electric-sql/pglite', 'pino', 'node-cron'];

/**
 * A module that finds files beside itself (migrations, the prompt library) does so from
 * where its source is, not from the bundle: `import.meta.url` is made to name the source,
 * relative to the bundle's folder `outDir`.
 */
export const whereItsSourceIs = (outDir) => ({
  name: 'where-its-source-is',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes('node_modules')) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const source = JSON.stringify(relative(outDir, args.path));
      return { contents: text.replaceAll('import.meta.url', `new URL(${source}, import.meta.url).href`), loader: 'ts' };
    });
  },
});

/** Bundled CommonJS packages may call require(); ESM has none of its own. */
export const BANNER = { js: "import { createRequire as setwiseRequire } from 'node:module'; const require = setwiseRequire(import.meta.url);" };

// Run as a script (`npm run build`), not imported for its options.
if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

async function main() {
  const started = Date.now();
  // Built beside dist/ and swapped in whole, so a Setwise starting meanwhile finds the old
  // build or the new one, never half of one. (Same depth as dist/: the paths above hold.)
  const next = `${OUT}.${process.pid}`;
  await build({
    entryPoints: [join(ROOT, 'src/main.ts')],
    outdir: next,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    plugins: [whereItsSourceIs(OUT)],
    banner: BANNER,
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  writeFileSync(join(next, 'BUILT'), `${new Date().toISOString()}\n`);
  const old = `${OUT}.old.${process.pid}`;
  try {
    renameSync(OUT, old);
  } catch {
    // No build yet.
  }
  try {
    renameSync(next, OUT);
  } catch {
    // Another build swapped its own in first: the same sources, so the same build.
    rmSync(next, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  const files = readdirSync(OUT).filter((f) => f.endsWith('.js'));
  const size = files.reduce((sum, f) => sum + statSync(join(OUT, f)).size, 0);
  console.log(`built dist/ (${files.length} files, ${Math.round(size / 1024)} KB) in ${Date.now() - started} ms`);
}
