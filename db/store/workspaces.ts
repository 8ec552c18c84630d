import { and, eq } from 'drizzle-orm';
import type { Platform } from '../../src/domain/address';
import type { WorkspaceRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { workspaces } from '../schema';

export function workspaceRepo(db: Db): WorkspaceRepo {
  return {
    async ensure(platform: Platform, externalId: string) {
      const now = new Date();
      db.insert(workspaces).values({ platform, externalId, createdAt: now }).onConflictDoNothing().run();
      const row = db
        .select()
        .from(workspaces)
        .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)))
        .get();
      if (!row) throw new Error(`workspace ${platform}/${externalId} vanished after insert`);
      return { id: row.id, platform: row.platform, externalId: row.externalId };
    },
  };
}
