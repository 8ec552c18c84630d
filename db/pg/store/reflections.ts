import { and, asc, eq } from 'drizzle-orm';
import type { JournalEntry } from '../../../src/domain/records';
import type { ReflectionRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { reflections } from '../schema';
import { serially, type Reader } from './tx';

const entries = async (tx: Reader, personId: number): Promise<(JournalEntry & { readonly id: number })[]> =>
  (await tx.select().from(reflections).where(eq(reflections.personId, personId)).orderBy(asc(reflections.id))).map((r, i) => ({
    id: r.id,
    number: i + 1,
    setId: r.setId,
    text: r.text,
    createdAt: r.createdAt,
    sharedAt: r.sharedAt,
  }));

/** As in ../../store/reflections.ts: an entry's number is its place in the person's journal. */
export function reflectionRepo(db: PgDb): ReflectionRepo {
  return {
    async add(personId, setId, text, now) {
      return serially(db, async (tx) => {
        await tx.insert(reflections).values({ personId, setId, text, createdAt: now });
        const { id: _id, ...entry } = (await entries(tx, personId)).at(-1)!;
        return entry;
      });
    },

    async list(personId) {
      return (await entries(db, personId)).map(({ id: _id, ...entry }) => entry);
    },

    async markShared(personId, number, now) {
      const entry = (await entries(db, personId)).find((e) => e.number === number);
      if (entry) await db.update(reflections).set({ sharedAt: now }).where(and(eq(reflections.id, entry.id), eq(reflections.personId, personId)));
    },
  };
}
