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
  };
}
