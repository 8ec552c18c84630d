import { and, asc, eq } from 'drizzle-orm';
import type { SponsorRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { people, sets, sponsors } from '../schema';
import { toPerson } from '../../store/rows';

export function sponsorRepo(db: PgDb): SponsorRepo {
  return {
    async add(setId, personId, addedBy, now) {
      return (await db.insert(sponsors).values({ setId, personId, addedBy, createdAt: now }).onConflictDoNothing().returning({ setId: sponsors.setId })).length === 1;
    },

    async remove(setId, personId) {
      return (await db.delete(sponsors).where(and(eq(sponsors.setId, setId), eq(sponsors.personId, personId))).returning({ setId: sponsors.setId })).length === 1;
    },

    async setsOf(personId) {
      const rows = await db
        .select({ id: sponsors.setId })
        .from(sponsors)
        .innerJoin(sets, eq(sets.id, sponsors.setId))
        .where(and(eq(sponsors.personId, personId), eq(sets.status, 'open')))
        .orderBy(asc(sponsors.setId));
      return rows.map((r) => r.id);
    },

    async list(setId) {
      const rows = await db.select({ p: people }).from(sponsors).innerJoin(people, eq(people.id, sponsors.personId)).where(eq(sponsors.setId, setId)).orderBy(asc(sponsors.personId));
      return rows.map((r) => toPerson(r.p));
    },
  };
}
