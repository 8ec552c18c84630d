/**
 * An in-process Postgres (PGlite) with Setwise's migrations applied, made once and kept
 * as a data-folder snapshot: creating a PGlite database takes seconds and a lot of
 * memory, loading a snapshot well under one. The snapshot is named after the committed
 * migrations, so a new migration makes a new one. vitest's globalSetup makes it before
 * the workers start (see vitest.config.ts); a run without it makes it on first use.
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgMigrationsFolder } from '../../db/pg/client';
import * as schema from '../../db/pg/schema';

function snapshotPath(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(pgMigrationsFolder).filter((f) => f.endsWith('.sql')).sort()) hash.update(file).update(readFileSync(join(pgMigrationsFolder, file)));
  return join(tmpdir(), `setwise-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

async function makeSnapshot(path: string): Promise<void> {
  const pglite = new PGlite();
  try {
    await migrate(drizzle(pglite, { schema }), { migrationsFolder: pgMigrationsFolder });
    const dump = await pglite.dumpDataDir('none');
    // Written aside and renamed: a worker never reads half a snapshot.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  } finally {
    await pglite.close();
  }
}

/** A migrated, empty PGlite, from the snapshot (made first if need be). */
export async function migratedPglite(): Promise<PGlite> {
  const path = snapshotPath();
  if (!existsSync(path)) await makeSnapshot(path);
  return new PGlite({ loadDataDir: new Blob([readFileSync(path)]) });
}

/** vitest globalSetup: the snapshot, before any worker wants it. */
export default async function setup(): Promise<void> {
  const path = snapshotPath();
  if (!existsSync(path)) await makeSnapshot(path);
}
