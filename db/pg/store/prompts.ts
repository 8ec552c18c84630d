import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { PromptKind } from '../../../src/domain/prompts';
import type { PromptRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { promptUses, prompts } from '../schema';
import { serially } from './tx';

/**
 * As in ../../store/prompts.ts. Where SQLite returns rows in rowid (insertion) order
 * without being asked, Postgres promises no order: the queries here ask for it.
 */
export function promptRepo(db: PgDb): PromptRepo {
  return {
    async uses(setId, kind) {
      // drizzle's count() is a number; a bare count(*) would come back as a bigint's string.
      const rows = await db
        .select({ id: promptUses.promptId, n: count() })
        .from(promptUses)
        .where(and(eq(promptUses.setId, setId), eq(promptUses.kind, kind)))
        .groupBy(promptUses.promptId);
      return new Map(rows.map((r) => [r.id, r.n]));
    },

    async usedFor(setId, kind, meetingId) {
      const [row] = await db
        .select({ id: promptUses.promptId })
        .from(promptUses)
        .where(and(eq(promptUses.setId, setId), eq(promptUses.kind, kind), eq(promptUses.meetingId, meetingId)))
        .orderBy(asc(promptUses.id))
        .limit(1);
      return row?.id;
    },

    async recordUse(setId, kind, promptId, meetingId, now) {
      await db.insert(promptUses).values({ setId, kind, promptId, meetingId, usedAt: now });
    },

    async custom(setId, kind) {
      // In the order they were added: ids are `set-<setId>-<n>`, so by length, then text, is by n.
      const rows = await db
        .select()
        .from(prompts)
        .where(and(eq(prompts.setId, setId), eq(prompts.kind, kind)))
        .orderBy(sql`length(${prompts.id})`, asc(prompts.id));
      return rows.map((r) => ({ id: r.id, kind: r.kind as PromptKind, text: r.text, tags: {} }));
    },

    async addCustom(setId, kind, text, createdBy, now) {
      return serially(db, async (tx) => {
        const [row] = await tx.select({ n: count() }).from(prompts).where(eq(prompts.setId, setId)).limit(1);
        const id = `set-${setId}-${(row?.n ?? 0) + 1}`;
        await tx.insert(prompts).values({ id, kind, text, tags: [], origin: 'custom', setId, createdBy, createdAt: now });
        return { id, kind, text, tags: {} };
      });
    },
  };
}
