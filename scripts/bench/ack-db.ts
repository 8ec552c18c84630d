/**
 * B1's two databases (Slack's and Teams'), seeded through the core by ./ack-seed.ts.
 * Seeding 1,000 sets takes about a minute a platform, most of it the core's planning
 * and drizzle's query building, so a seeded file is kept in the system's temp folder
 * and reused while nothing that shapes its rows has changed (the sources in SHAPING,
 * and the day: meetings start two weeks out).
 * Each run works on a copy, connected to that run's fakes.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT, runNode } from './ack-processes';
import { checkSeeded, connect, type Platform, type Seeded } from './ack-seed';

const CACHE = join(tmpdir(), 'setwise-bench-b1');
/** What the seeding runs: the core and the store, and the adapters' readers of what comes in. */
const SHAPING = [
  'src',
  'db',
  'prompts',
  'adapters/slack/inbound.ts',
  'adapters/slack/address.ts',
  'adapters/teams/inbound.ts',
  'adapters/teams/address.ts',
  'test/support/teams/activities.ts',
  'scripts/bench/ack-seed.ts',
  'scripts/bench/ack-people.ts',
];

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((e) => (e.name === 'node_modules' ? [] : filesUnder(join(path, e.name))));
}

/** A digest of everything that decides what the seeding writes. */
function sourcesDigest(): string {
  const hash = createHash('sha256');
  for (const file of SHAPING.flatMap((p) => filesUnder(join(ROOT, p))).sort()) hash.update(relative(ROOT, file)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** A seed still being written (`<file>.<pid>`, and its log) by a process that is gone. */
function abandoned(name: string): boolean {
  const pid = /\.db\.(\d+)(-wal|-shm)?$/.exec(name)?.[1];
  if (!pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch {
    return true;
  }
}

export interface Database {
  readonly file: string;
  readonly seeded: Seeded;
  /** Whether this run seeded it (else it came from the cache). */
  readonly fresh: boolean;
  readonly references: number;
}

/** Seeds (or finds) both platforms' databases, side by side, and copies each into `dir` for this run. */
export async function prepareDatabases(sets: number, dir: string, serviceUrls: Record<Platform, string>): Promise<Record<Platform, Database>> {
  mkdirSync(CACHE, { recursive: true, mode: 0o700 });
  const sources = `${new Date().toISOString().slice(0, 10)}-${sourcesDigest()}`;
  const prepare = async (platform: Platform): Promise<Database> => {
    const cached = join(CACHE, `${platform}-${sources}-${sets}.db`);
    const fresh = !existsSync(cached);
    if (fresh) {
      // Seeds of other days or sources are of no more use (about 100 MB each), nor is what an interrupted run left.
      for (const old of readdirSync(CACHE)) if (old.startsWith(`${platform}-`) && (!old.includes(sources) || abandoned(old))) rmSync(join(CACHE, old), { force: true });
      const partial = `${cached}.${process.pid}`;
      try {
        const out = await runNode(['--import', 'tsx', join(ROOT, 'scripts/bench/ack-seed.ts'), platform, partial, String(sets)]);
        // Kept beside the file: the counts and the time it took to seed.
        writeFileSync(`${cached}.json`, out);
        renameSync(partial, cached);
      } finally {
        for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
      }
    }
    const seeded = JSON.parse(readFileSync(`${cached}.json`, 'utf8')) as Seeded;
    checkSeeded(seeded, sets);
    const file = join(dir, `${platform}.db`);
    copyFileSync(cached, file);
    const references = await connect(platform, file, sets, serviceUrls[platform]);
    return { file, seeded, fresh, references };
  };
  const [slack, teams] = await Promise.all([prepare('slack'), prepare('teams')]);
  return { slack, teams };
}
