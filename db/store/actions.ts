import { and, asc, eq } from 'drizzle-orm';
import type { Action } from '../../src/domain/records';
import type { ActionRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { actions } from '../schema';
import type { Reader } from './tx';

const mineInSet = (tx: Reader, setId: number, personId: number): (Action & { readonly id: number })[] =>
  tx
    .select()
    .from(actions)
    .where(and(eq(actions.setId, setId), eq(actions.personId, personId)))
    .orderBy(asc(actions.id))
    .all()
    .map((r, i) => ({ id: r.id, number: i + 1, text: r.text, due: r.dueDate, status: r.status, createdAt: r.createdAt }));

const strip = ({ id: _id, ...action }: Action & { id: number }): Action => action;

export function actionRepo(db: Db): ActionRepo {
  return {
    async add(setId, personId, text, due, now) {
      return db.transaction((tx) => {
        tx.insert(actions).values({ setId, personId, text, dueDate: due, createdAt: now }).run();
        return strip(mineInSet(tx, setId, personId).at(-1)!);
      });
    },

    async list(setId, personId) {
      return mineInSet(db, setId, personId).map(strip);
    },

    async close(setId, personId, number, status, now) {
      return db.transaction((tx) => {
        const action = mineInSet(tx, setId, personId).find((a) => a.number === number);
        if (!action || action.status !== 'open') return false;
        tx.update(actions).set({ status, closedAt: now }).where(eq(actions.id, action.id)).run();
        return true;
      });
    },
  };
}
