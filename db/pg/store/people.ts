import { and, eq, isNull } from 'drizzle-orm';
import type { PersonRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { memberships, people, sets } from '../schema';
import { newPersonColumns, refreshedPersonColumns, toPerson } from '../../store/rows';
import { serially, type Tx } from './tx';
import { planOwed } from './versions';

/** A person by their platform id in a workspace (the unique index people_workspace_user). */
const byUser = (workspaceId: number, userId: string) => and(eq(people.workspaceId, workspaceId), eq(people.platformUserId, userId));

/** The open sets a person is in: the plans that read their zone. */
async function openSetsOf(tx: Tx, personId: number): Promise<number[]> {
  const rows = await tx
    .select({ setId: memberships.setId })
    .from(memberships)
    .innerJoin(sets, eq(sets.id, memberships.setId))
    .where(and(eq(memberships.personId, personId), isNull(memberships.leftAt), eq(sets.status, 'open')));
  return rows.map((t) => t.setId);
}

/** As in ../../store/people.ts. */
export function personRepo(db: PgDb): PersonRepo {
  return {
    async upsert(workspaceId, identity, now) {
      return serially(db, async (tx) => {
        const [before] = await tx
          .select({ chosen: people.timeZone, reported: people.platformTimeZone })
          .from(people)
          .where(byUser(workspaceId, identity.userId))
          .limit(1);
        const row = (
          await tx
            .insert(people)
            .values(newPersonColumns(workspaceId, identity, now))
            .onConflictDoUpdate({
              target: [people.workspaceId, people.platformUserId],
              set: refreshedPersonColumns(identity, now),
            })
            .returning()
        )[0]!;
        // A new reported zone moves their private nudges unless they chose a zone of their own.
        if (before && !before.chosen && identity.timeZone && identity.timeZone !== before.reported) await planOwed(tx, await openSetsOf(tx, row.id));
        return toPerson(row);
      });
    },

    async setTimeZone(personId, zone, now) {
      return serially(db, async (tx) => {
        await tx.update(people).set({ timeZone: zone, updatedAt: now }).where(eq(people.id, personId));
        // Their private nudges count days in their zone: re-plan every set they are in.
        const setIds = await openSetsOf(tx, personId);
        await planOwed(tx, setIds);
        return setIds;
      });
    },

    async setQuietHours(personId, quiet, now) {
      await db
        .update(people)
        .set({ quietStart: quiet?.start ?? null, quietEnd: quiet?.end ?? null, updatedAt: now })
        .where(eq(people.id, personId));
    },

    async profile(workspaceId, userId) {
      const [row] = await db
        .select({ displayName: people.displayName, timeZone: people.platformTimeZone, checkedAt: people.profileCheckedAt })
        .from(people)
        .where(and(byUser(workspaceId, userId), isNull(people.erasedAt)))
        .limit(1);
      return row;
    },

    async profileChecked(workspaceId, userId, seen, now) {
      await db
        .update(people)
        .set({ profileCheckedAt: now })
        .where(
          and(
            byUser(workspaceId, userId),
            eq(people.displayName, seen.displayName),
            seen.timeZone === null ? isNull(people.platformTimeZone) : eq(people.platformTimeZone, seen.timeZone),
          ),
        );
    },

    async find(workspaceId, userId) {
      const [row] = await db.select().from(people).where(byUser(workspaceId, userId)).limit(1);
      return row && toPerson(row);
    },

    async get(personId) {
      const [row] = await db.select().from(people).where(eq(people.id, personId)).limit(1);
      return row && toPerson(row);
    },
  };
}
