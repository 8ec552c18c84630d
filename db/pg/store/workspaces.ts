import { and, eq } from 'drizzle-orm';
import type { Platform } from '../../../src/domain/address';
import type { WorkspaceRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { workspaces } from '../schema';

/** As in ../../store/workspaces.ts. */
export function workspaceRepo(db: PgDb): WorkspaceRepo {
  return {
    async ensure(platform: Platform, externalId: string) {
      const now = new Date();
      // A concurrent insert of the same key makes this one wait for it, then do nothing;
      // the select (a new statement, so a new snapshot) then sees the winner's row.
      await db.insert(workspaces).values({ platform, externalId, createdAt: now }).onConflictDoNothing();
      const [row] = await db
        .select()
        .from(workspaces)
        .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)))
        .limit(1);
      if (!row) throw new Error(`workspace ${platform}/${externalId} vanished after insert`);
      return { id: row.id, platform: row.platform, externalId: row.externalId };
    },
  };
}
