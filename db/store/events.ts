import { sql } from 'drizzle-orm';
import type { EventRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { processedEvents } from '../schema';

export function eventRepo(db: Db): EventRepo {
  return {
    async firstDelivery(platform, eventId, now) {
      // The primary key decides: a redelivery's insert is ignored and changes no row.
      const result = db.insert(processedEvents).values({ platform, eventId, receivedAt: now }).onConflictDoNothing().run();
      return result.changes === 1;
    },

    async prune(before, limit) {
      // Oldest first, a batch at a time, through the index on received_at.
      return db.delete(processedEvents).where(sql`rowid IN (SELECT rowid FROM ${processedEvents} WHERE ${processedEvents.receivedAt} < ${before.getTime()} LIMIT ${limit})`).run().changes;
    },
  };
}
