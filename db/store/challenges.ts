import { and, desc, eq } from 'drizzle-orm';
import type { ChallengeRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { challenges } from '../schema';

export function challengeRepo(db: Db): ChallengeRepo {
  const currentRow = (tx: Pick<Db, 'select'>, setId: number, personId: number) =>
    tx.select().from(challenges).where(and(eq(challenges.setId, setId), eq(challenges.personId, personId), eq(challenges.status, 'current'))).get();
  return {
    async hasCurrent(setId, personId) {
      return currentRow(db, setId, personId) !== undefined;
    },

    async current(setId, personId) {
      const row = currentRow(db, setId, personId);
      return row && { version: row.version, fields: row.fields, createdAt: row.createdAt };
    },

    async submit(setId, personId, fields, now) {
      return db.transaction(
        (tx) => {
          const last = tx.select({ version: challenges.version }).from(challenges).where(and(eq(challenges.setId, setId), eq(challenges.personId, personId))).orderBy(desc(challenges.version)).get();
          tx.update(challenges).set({ status: 'superseded' }).where(and(eq(challenges.setId, setId), eq(challenges.personId, personId), eq(challenges.status, 'current'))).run();
          const version = (last?.version ?? 0) + 1;
          tx.insert(challenges).values({ setId, personId, version, fields: { ...fields }, status: 'current', createdAt: now }).run();
          return { version, fields: { ...fields }, createdAt: now };
        },
        { behavior: 'immediate' },
      );
    },

    async withdraw(setId, personId) {
      const result = db.update(challenges).set({ status: 'withdrawn' }).where(and(eq(challenges.setId, setId), eq(challenges.personId, personId), eq(challenges.status, 'current'))).run();
      return result.changes > 0;
    },
  };
}
