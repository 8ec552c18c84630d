/**
 * `npm run bench`: every benchmark of Setwise side by side in one run, each section in
 * a process of its own (scripts/bench/*.ts), then one table each, printed and written
 * into docs/benchmarks.md (between its `bench:begin` and `bench:end` marks) with the
 * machine, the versions and the command. `npm run bench -- --quick` is a two-minute
 * look: smaller and shorter, printed only, the document left alone.
 *
 * Not part of `npm test`: timings are measured here, never asserted in tests.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../test/support/process';
import { markdownTable, quick, type Section } from './bench/section';

const dir = mkdtempSync(join(tmpdir(), 'setwise-bench-run-'));
const started = performance.now();

/** Runs one section in its own process; its progress shows as it goes. */
function section(file: string, extra: string[] = []): Promise<Section> {
  const out = join(dir, `${file}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/bench', `${file}.ts`), ...(quick ? ['--quick'] : []), ...extra], { cwd: ROOT, env: { ...process.env, BENCH_OUT: out }, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(readFileSync(out, 'utf8')) as Section) : reject(new Error(`bench section ${file} failed (${code})`))));
  });
}

const versionOf = (pkg: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
const osName = () => readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)"?/m)?.[1] ?? 'Linux';
const postgres = () => {
  try {
    const bin = execFileSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1'], { encoding: 'utf8' }).trim();
    return execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim().replace(/^postgres \(PostgreSQL\) /, '');
  } catch {
    return 'not installed';
  }
};

try {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
  const results: Section[] = [];
  // Each section alone, but one: delivery mostly waits on the platforms' limits (four
  // minutes for 10,000 nudges at Teams' 50 a second), so the scheduler's scale run (one
  // process, one core) shares its minutes; that keeps the whole run under ten minutes.
  results.push(await section('startup'));
  results.push(await section('ack'));
  const [scale, delivery] = await Promise.all([section('scale'), section('delivery')]);
  results.push(scale!);
  results.push(await section('instances'));
  results.push(delivery!);
  if (!quick) {
    const install = await section('startup', ['--install-only']);
    results[0] = { ...results[0]!, rows: [...results[0]!.rows, ...install.rows] };
  }
  const minutes = (performance.now() - started) / 60_000;

  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 1024 ** 3)} GB; ${osName()} (Linux ${release()})`;
  const versions = `Node ${process.version}, npm ${execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim()}; @slack/bolt ${versionOf('@slack/bolt')}, botbuilder ${versionOf('botbuilder')}, better-sqlite3 ${versionOf('better-sqlite3')}, PostgreSQL ${postgres()}, autocannon ${versionOf('autocannon')}`;
  const body = results.map((s) => [`### ${s.id}: ${s.title}`, '', s.method, '', markdownTable(s.head, s.rows), '', ...s.notes.map((n) => `- ${n}`)].join('\n')).join('\n\n');
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const block = [
    '<!-- bench:begin: written by `npm run bench`; edit scripts/bench.ts, not this -->',
    '## One run of everything (`npm run bench`)',
    '',
    `Command: \`npm run bench\`, run ${when} UTC, ${minutes.toFixed(1)} minutes.`,
    `Machine: ${machine}.`,
    `Versions: ${versions}.`,
    '',
    body,
    '<!-- bench:end -->',
  ].join('\n');
  console.log(`\n${block}\n`);
  if (quick) {
    console.log('(--quick: docs/benchmarks.md left as it was)');
  } else {
    const doc = join(ROOT, 'docs/benchmarks.md');
    const text = readFileSync(doc, 'utf8');
    const marked = /<!-- bench:begin[\s\S]*?<!-- bench:end -->/;
    // The first time, the block goes after the introduction, before the focused benchmarks.
    writeFileSync(doc, marked.test(text) ? text.replace(marked, () => block) : text.replace(/\n## /, () => `\n${block}\n\n## `));
    console.log(`docs/benchmarks.md updated (${minutes.toFixed(1)} minutes)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
