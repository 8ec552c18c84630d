import { and, eq, isNull } from 'drizzle-orm';
import type { PersonRepo } from '../../src/ports/store';
import type { Db } from '../client';
import type { Tx } from './tx';
import { memberships, people, sets } from '../schema';
import { newPersonColumns, refreshedPersonColumns, toPerson } from './rows';
import { planOwed } from './versions';

/** A person by their platform id in a workspace (the unique index people_workspace_user). */
const byUser = (workspaceId: number, userId: string) => and(eq(people.workspaceId, workspaceId), eq(people.platformUserId, userId));

/** The open sets a person is in: the plans that read their zone. */
function openSetsOf(tx: Tx, personId: number): number[] {
  return tx
    .select({ setId: memberships.setId })
    .from(memberships)
    .innerJoin(sets, eq(sets.id, memberships.setId))
    .where(and(eq(memberships.personId, personId), isNull(memberships.leftAt), eq(sets.status, 'open')))
    .all()
    .map((t) => t.setId);
}

export function personRepo(db: Db): PersonRepo {
  return {
    async upsert(workspaceId, identity, now) {
      return db.transaction(
        (tx) => {
          const before = tx
            .select({ chosen: people.timeZone, reported: people.platformTimeZone })
            .from(people)
            .where(byUser(workspaceId, identity.userId))
            .get();
          const row = tx
            .insert(people)
            .values(newPersonColumns(workspaceId, identity, now))
            .onConflictDoUpdate({
              target: [people.workspaceId, people.platformUserId],
              set: refreshedPersonColumns(identity, now),
            })
            .returning()
            .get();
          // A new reported zone moves their private nudges unless they chose a zone of their own.
          if (before && !before.chosen && identity.timeZone && identity.timeZone !== before.reported) planOwed(tx, openSetsOf(tx, row.id));
          return toPerson(row);
        },
        { behavior: 'immediate' },
      );
    },

    async setTimeZone(personId, zone, now) {
      return db.transaction(
        (tx) => {
          tx.update(people).set({ timeZone: zone, updatedAt: now }).where(eq(people.id, personId)).run();
          // Their private nudges count days in their zone: re-plan every set they are in.
          const setIds = openSetsOf(tx, personId);
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

    async profile(workspaceId, userId) {
      const row = db
        .select({ displayName: people.displayName, timeZone: people.platformTimeZone, checkedAt: people.profileCheckedAt })
        .from(people)
        .where(and(byUser(workspaceId, userId), isNull(people.erasedAt)))
        .get();
      return row;
    },

    async profileChecked(workspaceId, userId, seen, now) {
      db.update(people)
        .set({ profileCheckedAt: now })
        .where(
          and(
            byUser(workspaceId, userId),
            eq(people.displayName, seen.displayName),
            seen.timeZone === null ? isNull(people.platformTimeZone) : eq(people.platformTimeZone, seen.timeZone),
          ),
        )
        .run();
    },

    async find(workspaceId, userId) {
      const row = db
        .select()
        .from(people)
        .where(byUser(workspaceId, userId))
        .get();
      return row && toPerson(row);
    },

    async get(personId) {
      const row = db.select().from(people).where(eq(people.id, personId)).get();
      return row && toPerson(row);
    },
  };
}
