import { and, asc, eq } from 'drizzle-orm';
import type { JournalEntry } from '../../src/domain/records';
import type { ReflectionRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { reflections } from '../schema';
import type { Reader } from './tx';

const entries = (tx: Reader, personId: number): (JournalEntry & { readonly id: number })[] =>
  tx
    .select()
    .from(reflections)
    .where(eq(reflections.personId, personId))
    .orderBy(asc(reflections.id))
    .all()
    .map((r, i) => ({ id: r.id, number: i + 1, setId: r.setId, text: r.text, createdAt: r.createdAt, sharedAt: r.sharedAt }));

export function reflectionRepo(db: Db): ReflectionRepo {
  return {
    async add(personId, setId, text, now) {
      return db.transaction((tx) => {
        tx.insert(reflections).values({ personId, setId, text, createdAt: now }).run();
        const { id: _id, ...entry } = entries(tx, personId).at(-1)!;
        return entry;
      });
    },

    async list(personId) {
      return entries(db, personId).map(({ id: _id, ...entry }) => entry);
    },

    async markShared(personId, number, now) {
      const entry = entries(db, personId).find((e) => e.number === number);
      if (entry) db.update(reflections).set({ sharedAt: now }).where(and(eq(reflections.id, entry.id), eq(reflections.personId, personId))).run();
    },
  };
}
