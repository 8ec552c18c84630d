import { sql } from 'drizzle-orm';
import type { EventRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { processedEvents } from '../schema';

/** As in ../../store/events.ts. */
export function eventRepo(db: PgDb): EventRepo {
  return {
    async firstDelivery(platform, eventId, now) {
      // The primary key decides: a redelivery's insert is ignored and returns no row.
      const inserted = await db
        .insert(processedEvents)
        .values({ platform, eventId, receivedAt: now })
        .onConflictDoNothing()
        .returning({ eventId: processedEvents.eventId });
      return inserted.length === 1;
    },

    async prune(before, limit) {
      const done = await db
        .delete(processedEvents)
        .where(sql`(${processedEvents.platform}, ${processedEvents.eventId}) IN (SELECT platform, event_id FROM ${processedEvents} WHERE ${processedEvents.receivedAt} < ${before.toISOString()} LIMIT ${limit})`)
        .returning({ eventId: processedEvents.eventId });
      return done.length;
    },
  };
}
