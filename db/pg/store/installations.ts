import { and, eq } from 'drizzle-orm';
import type { InstallationRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { installations } from '../schema';

/** As in ../../store/installations.ts. */
export function installationRepo(db: PgDb): InstallationRepo {
  const key = (platform: 'console' | 'slack' | 'teams', installKey: string) => and(eq(installations.platform, platform), eq(installations.installKey, installKey));
  return {
    async save(platform, installKey, data, now) {
      await db
        .insert(installations)
        .values({ platform, installKey, data, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: [installations.platform, installations.installKey], set: { data, updatedAt: now } });
    },
    async find(platform, installKey) {
      const [row] = await db.select({ data: installations.data }).from(installations).where(key(platform, installKey)).limit(1);
      return row?.data;
    },
    async remove(platform, installKey) {
      await db.delete(installations).where(key(platform, installKey));
    },
  };
}
