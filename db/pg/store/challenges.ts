import { and, desc, eq } from 'drizzle-orm';
import type { ChallengeRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { challenges } from '../schema';
import { serially, type Reader } from './tx';

/** As in ../../store/challenges.ts. */
export function challengeRepo(db: PgDb): ChallengeRepo {
  const currentRow = async (tx: Reader, setId: number, personId: number) => {
    const [row] = await tx
      .select()
      .from(challenges)
      .where(and(eq(challenges.setId, setId), eq(challenges.personId, personId), eq(challenges.status, 'current')))
      .limit(1);
    return row;
  };
  return {
    async hasCurrent(setId, personId) {
      return (await currentRow(db, setId, personId)) !== undefined;
    },

    async current(setId, personId) {
      const row = await currentRow(db, setId, personId);
      return row && { version: row.version, fields: row.fields, createdAt: row.createdAt };
    },

    async submit(setId, personId, fields, now) {
      return serially(db, async (tx) => {
        const [last] = await tx
          .select({ version: challenges.version })
          .from(challenges)
          .where(and(eq(challenges.setId, setId), eq(challenges.personId, personId)))
          .orderBy(desc(challenges.version))
          .limit(1);
        await tx
          .update(challenges)
          .set({ status: 'superseded' })
          .where(and(eq(challenges.setId, setId), eq(challenges.personId, personId), eq(challenges.status, 'current')));
        const version = (last?.version ?? 0) + 1;
        await tx.insert(challenges).values({ setId, personId, version, fields: { ...fields }, status: 'current', createdAt: now });
        return { version, fields: { ...fields }, createdAt: now };
      });
    },

    async withdraw(setId, personId) {
      const withdrawn = await db
        .update(challenges)
        .set({ status: 'withdrawn' })
        .where(and(eq(challenges.setId, setId), eq(challenges.personId, personId), eq(challenges.status, 'current')))
        .returning({ id: challenges.id });
      return withdrawn.length > 0;
    },
  };
}
