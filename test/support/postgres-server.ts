import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';

/**
 * A throwaway PostgreSQL server for the multi-instance tests: Debian's binaries, a data
 * folder in a temporary directory, a free port on 127.0.0.1, trust authentication, gone
 * when stopped. Root cannot run a server, so as root it runs as the postgres user.
 */
export interface ThrowawayServer {
  /** A postgres:// URL for a new, empty database on this server. */
  createDatabase(name: string): string;
  /** Stops the server as a crash or an outage would, keeping its data, then starts it again on the same port. */
  halt(): void;
  resume(): void;
  stop(): void;
}

/** Debian installs each major version under /usr/lib/postgresql/<major>/bin; take the newest. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = join(root, major, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

/** Why the multi-instance tests cannot run here, or undefined when they can. */
export function postgresSkipReason(): string | undefined {
  if (!findPostgresBin()) return "Debian's PostgreSQL binaries are not installed (apt-get install postgresql): skipping the multi-instance Postgres tests";
  if (process.getuid?.() === 0 && spawnSync('id', ['postgres']).status !== 0) return 'running as root with no postgres user to run the server as: skipping the multi-instance Postgres tests';
  return undefined;
}

export async function startThrowawayServer(): Promise<ThrowawayServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('no PostgreSQL binaries');
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    return execFileSync(cmd, argv as string[], { stdio: 'pipe', encoding: 'utf8' });
  };
  const dir = mkdtempSync(join(tmpdir(), 'setwise-pg-'));
  // The postgres user must be able to write its data folder and socket here.
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const startServer = () =>
    run('pg_ctl', [
      '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30',
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      'start',
    ]);
  startServer();
  const base = `postgres://postgres@127.0.0.1:${port}`;
  return {
    createDatabase(name) {
      run('psql', ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qc', `CREATE DATABASE ${name}`]);
      return `${base}/${name}`;
    },
    halt() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    },
    resume() {
      startServer();
    },
    stop() {
      try {
        if (existsSync(join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A fresh database `name` on the server of `templateUrl`, copied from that database
 * (migrated, or seeded, once): quicker than building it again. Any database of that
 * name is dropped first. Returns the copy's URL.
 */
export async function copyDatabase(templateUrl: string, name: string): Promise<string> {
  const at = (database: string) => templateUrl.replace(/\/[^/]+$/, `/${database}`);
  const admin = new pg.Client({ connectionString: at('postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${new URL(templateUrl).pathname.slice(1)}`);
  } finally {
    await admin.end();
  }
  return at(name);
}
