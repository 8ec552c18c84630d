import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { SetRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { memberships, sets } from '../schema';
import { newSetColumns, toSet } from '../../store/rows';
import { serially, type Reader } from './tx';
import { planOwed } from './versions';

export function setRepo(db: PgDb): SetRepo {
  const openOnChannel = async (tx: Reader, workspaceId: number, channelId: string) => {
    // At most one: sets_open_channel is unique over open sets.
    const [row] = await tx
      .select()
      .from(sets)
      .where(and(eq(sets.workspaceId, workspaceId), eq(sets.channelId, channelId), eq(sets.status, 'open')))
      .limit(1);
    return row;
  };

  return {
    async create(input, facilitatorId, now) {
      return serially(db, async (tx) => {
        const existing = await openOnChannel(tx, input.workspaceId, input.channelId);
        if (existing) return { ok: false as const, reason: 'channel-taken' as const, existing: toSet(existing) };
        const row = (
          await tx
            .insert(sets)
            .values(newSetColumns(input, facilitatorId, now))
            .returning()
        )[0]!;
        await tx
          .insert(memberships)
          // A set adviser runs the process rather than presenting; `presenting on` opts them in.
          .values({ setId: row.id, personId: facilitatorId, role: 'facilitator', presenting: false, joinedAt: now });
        return { ok: true as const, set: toSet(row) };
      });
    },

    async get(setId) {
      const [row] = await db.select().from(sets).where(eq(sets.id, setId));
      return row && toSet(row);
    },

    async findOpenByChannel(workspaceId, channelId) {
      const row = await openOnChannel(db, workspaceId, channelId);
      return row && toSet(row);
    },

    async listOpenForPerson(personId) {
      const rows = await db
        .select({ set: sets })
        .from(memberships)
        .innerJoin(sets, eq(sets.id, memberships.setId))
        .where(and(eq(memberships.personId, personId), isNull(memberships.leftAt), eq(sets.status, 'open')))
        // Byte order, as SQLite's BINARY collation sorts, whatever the database's locale; then the older set first.
        .orderBy(asc(sql`${sets.name} COLLATE "C"`), asc(sets.id));
      return rows.map((r) => toSet(r.set));
    },

    async rename(setId, name, now) {
      await db.update(sets).set({ name, updatedAt: now }).where(eq(sets.id, setId));
    },

    async setNudges(setId, nudges, minAttendance, now) {
      await serially(db, async (tx) => {
        const [row] = await tx.select({ settings: sets.settings }).from(sets).where(eq(sets.id, setId));
        await tx
          .update(sets)
          .set({ settings: { ...(row?.settings ?? {}), nudges }, minAttendance, updatedAt: now })
          .where(eq(sets.id, setId));
        await planOwed(tx, [setId]);
      });
    },

    async setPresentersPerMeeting(setId, count, now) {
      await serially(db, async (tx) => {
        await tx.update(sets).set({ presentersPerMeeting: count, updatedAt: now }).where(eq(sets.id, setId));
        await planOwed(tx, [setId]);
      });
    },

    async setPromptThemes(setId, themes, now) {
      await serially(db, async (tx) => {
        const [row] = await tx.select({ settings: sets.settings }).from(sets).where(eq(sets.id, setId));
        await tx
          .update(sets)
          .set({ settings: { ...(row?.settings ?? {}), promptThemes: [...themes] }, updatedAt: now })
          .where(eq(sets.id, setId));
      });
    },

    async close(setId, now) {
      await serially(db, async (tx) => {
        await tx.update(sets).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(sets.id, setId));
        await planOwed(tx, [setId]); // a closed set sends nothing more
      });
    },
  };
}
