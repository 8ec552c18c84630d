import { and, asc, eq, isNull } from 'drizzle-orm';
import type { SetRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { memberships, sets } from '../schema';
import { newSetColumns, toSet } from './rows';
import { planOwed } from './versions';

export function setRepo(db: Db): SetRepo {
  const openOnChannel = (tx: Pick<Db, 'select'>, workspaceId: number, channelId: string) =>
    tx
      .select()
      .from(sets)
      .where(and(eq(sets.workspaceId, workspaceId), eq(sets.channelId, channelId), eq(sets.status, 'open')))
      .get();

  return {
    async create(input, facilitatorId, now) {
      return db.transaction(
        (tx) => {
          const existing = openOnChannel(tx, input.workspaceId, input.channelId);
          if (existing) return { ok: false as const, reason: 'channel-taken' as const, existing: toSet(existing) };
          const row = tx
            .insert(sets)
            .values(newSetColumns(input, facilitatorId, now))
            .returning()
            .get();
          tx.insert(memberships)
            // A set adviser runs the process rather than presenting; `presenting on` opts them in.
            .values({ setId: row.id, personId: facilitatorId, role: 'facilitator', presenting: false, joinedAt: now })
            .run();
          return { ok: true as const, set: toSet(row) };
        },
        { behavior: 'immediate' },
      );
    },

    async get(setId) {
      const row = db.select().from(sets).where(eq(sets.id, setId)).get();
      return row && toSet(row);
    },

    async findOpenByChannel(workspaceId, channelId) {
      const row = openOnChannel(db, workspaceId, channelId);
      return row && toSet(row);
    },

    async listOpenForPerson(personId) {
      return db
        .select({ set: sets })
        .from(memberships)
        .innerJoin(sets, eq(sets.id, memberships.setId))
        .where(and(eq(memberships.personId, personId), isNull(memberships.leftAt), eq(sets.status, 'open')))
        .orderBy(asc(sets.name))
        .all()
        .map((r) => toSet(r.set));
    },

    async rename(setId, name, now) {
      db.update(sets).set({ name, updatedAt: now }).where(eq(sets.id, setId)).run();
    },

    async setNudges(setId, nudges, minAttendance, now) {
      db.transaction(
        (tx) => {
          const row = tx.select({ settings: sets.settings }).from(sets).where(eq(sets.id, setId)).get();
          tx.update(sets)
            .set({ settings: { ...(row?.settings ?? {}), nudges }, minAttendance, updatedAt: now })
            .where(eq(sets.id, setId))
            .run();
          planOwed(tx, [setId]);
        },
        { behavior: 'immediate' },
      );
    },

    async setPresentersPerMeeting(setId, count, now) {
      db.transaction(
        (tx) => {
          tx.update(sets).set({ presentersPerMeeting: count, updatedAt: now }).where(eq(sets.id, setId)).run();
          planOwed(tx, [setId]);
        },
        { behavior: 'immediate' },
      );
    },

    async setPromptThemes(setId, themes, now) {
      db.transaction(
        (tx) => {
          const row = tx.select({ settings: sets.settings }).from(sets).where(eq(sets.id, setId)).get();
          tx.update(sets).set({ settings: { ...(row?.settings ?? {}), promptThemes: [...themes] }, updatedAt: now }).where(eq(sets.id, setId)).run();
        },
        { behavior: 'immediate' },
      );
    },

    async close(setId, now) {
      db.transaction(
        (tx) => {
          tx.update(sets).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(sets.id, setId)).run();
          planOwed(tx, [setId]); // a closed set sends nothing more
        },
        { behavior: 'immediate' },
      );
    },
  };
}
