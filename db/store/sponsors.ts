import { and, asc, eq } from 'drizzle-orm';
import type { SponsorRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { people, sets, sponsors } from '../schema';
import { toPerson } from './rows';

export function sponsorRepo(db: Db): SponsorRepo {
  return {
    async add(setId, personId, addedBy, now) {
      return db.insert(sponsors).values({ setId, personId, addedBy, createdAt: now }).onConflictDoNothing().run().changes === 1;
    },

    async remove(setId, personId) {
      return db.delete(sponsors).where(and(eq(sponsors.setId, setId), eq(sponsors.personId, personId))).run().changes === 1;
    },

    async setsOf(personId) {
      return db
        .select({ id: sponsors.setId })
        .from(sponsors)
        .innerJoin(sets, eq(sets.id, sponsors.setId))
        .where(and(eq(sponsors.personId, personId), eq(sets.status, 'open')))
        .orderBy(asc(sponsors.setId))
        .all()
        .map((r) => r.id);
    },

    async list(setId) {
      return db.select({ p: people }).from(sponsors).innerJoin(people, eq(people.id, sponsors.personId)).where(eq(sponsors.setId, setId)).orderBy(asc(sponsors.personId)).all().map((r) => toPerson(r.p));
    },
  };
}
