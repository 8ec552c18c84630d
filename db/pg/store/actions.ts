import { and, asc, eq } from 'drizzle-orm';
import type { Action } from '../../../src/domain/records';
import type { ActionRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { actions } from '../schema';
import { serially, type Reader } from './tx';

const mineInSet = async (tx: Reader, setId: number, personId: number): Promise<(Action & { readonly id: number })[]> =>
  (
    await tx
      .select()
      .from(actions)
      .where(and(eq(actions.setId, setId), eq(actions.personId, personId)))
      .orderBy(asc(actions.id))
  ).map((r, i) => ({ id: r.id, number: i + 1, text: r.text, due: r.dueDate, status: r.status, createdAt: r.createdAt }));

const strip = ({ id: _id, ...action }: Action & { id: number }): Action => action;

/** As in ../../store/actions.ts: an action's number is its place among the person's actions in the set. */
export function actionRepo(db: PgDb): ActionRepo {
  return {
    async add(setId, personId, text, due, now) {
      return serially(db, async (tx) => {
        await tx.insert(actions).values({ setId, personId, text, dueDate: due, createdAt: now });
        return strip((await mineInSet(tx, setId, personId)).at(-1)!);
      });
    },

    async list(setId, personId) {
      return (await mineInSet(db, setId, personId)).map(strip);
    },

    async close(setId, personId, number, status, now) {
      return serially(db, async (tx) => {
        const action = (await mineInSet(tx, setId, personId)).find((a) => a.number === number);
        if (!action || action.status !== 'open') return false;
        await tx.update(actions).set({ status, closedAt: now }).where(eq(actions.id, action.id));
        return true;
      });
    },
  };
}
