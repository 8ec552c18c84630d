import { and, eq, isNull } from 'drizzle-orm';
import type { PersonRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { memberships, people, sets } from '../schema';
import { toPerson } from './rows';
import { planOwed } from './versions';

export function personRepo(db: Db): PersonRepo {
  return {
    async upsert(workspaceId, identity, now) {
      // Platforms are the source of truth for names and DM addresses: refresh them on every visit.
      const row = db
        .insert(people)
        .values({
          workspaceId,
          platformUserId: identity.userId,
          displayName: identity.displayName,
          dmAddress: identity.dm ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [people.workspaceId, people.platformUserId],
          set: {
            displayName: identity.displayName,
            ...(identity.dm ? { dmAddress: identity.dm } : {}),
            updatedAt: now,
          },
        })
        .returning()
        .get();
      return toPerson(row);
    },

    async setTimeZone(personId, zone, now) {
      return db.transaction(
        (tx) => {
          tx.update(people).set({ timeZone: zone, updatedAt: now }).where(eq(people.id, personId)).run();
          // Their private nudges count days in their zone: re-plan every set they are in.
          const theirs = tx
            .select({ setId: memberships.setId })
            .from(memberships)
            .innerJoin(sets, eq(sets.id, memberships.setId))
            .where(and(eq(memberships.personId, personId), isNull(memberships.leftAt), eq(sets.status, 'open')))
            .all();
          const setIds = theirs.map((t) => t.setId);
          planOwed(tx, setIds);
          return setIds;
        },
        { behavior: 'immediate' },
      );
    },

    async setQuietHours(personId, quiet, now) {
      db.update(people)
        .set({ quietStart: quiet?.start ?? null, quietEnd: quiet?.end ?? null, updatedAt: now })
        .where(eq(people.id, personId))
        .run();
    },

    async get(personId) {
      const row = db.select().from(people).where(eq(people.id, personId)).get();
      return row && toPerson(row);
    },
  };
}
