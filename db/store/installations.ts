import { and, eq } from 'drizzle-orm';
import type { InstallationRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { installations } from '../schema';

export function installationRepo(db: Db): InstallationRepo {
  const key = (platform: 'console' | 'slack' | 'teams', installKey: string) => and(eq(installations.platform, platform), eq(installations.installKey, installKey));
  return {
    async save(platform, installKey, data, now) {
      db.insert(installations)
        .values({ platform, installKey, data, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: [installations.platform, installations.installKey], set: { data, updatedAt: now } })
        .run();
    },
    async find(platform, installKey) {
      return db.select({ data: installations.data }).from(installations).where(key(platform, installKey)).get()?.data;
    },
    async remove(platform, installKey) {
      db.delete(installations).where(key(platform, installKey)).run();
    },
  };
}
