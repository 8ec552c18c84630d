import { and, eq, sql } from 'drizzle-orm';
import type { PromptKind } from '../../src/domain/prompts';
import type { PromptRepo } from '../../src/ports/store';
import type { Db } from '../client';
import { promptUses, prompts } from '../schema';

export function promptRepo(db: Db): PromptRepo {
  return {
    async uses(setId, kind) {
      const rows = db
        .select({ id: promptUses.promptId, n: sql<number>`count(*)` })
        .from(promptUses)
        .where(and(eq(promptUses.setId, setId), eq(promptUses.kind, kind)))
        .groupBy(promptUses.promptId)
        .all();
      return new Map(rows.map((r) => [r.id, r.n]));
    },

    async usedFor(setId, kind, meetingId) {
      return db
        .select({ id: promptUses.promptId })
        .from(promptUses)
        .where(and(eq(promptUses.setId, setId), eq(promptUses.kind, kind), eq(promptUses.meetingId, meetingId)))
        .get()?.id;
    },

    async recordUse(setId, kind, promptId, meetingId, now) {
      db.insert(promptUses).values({ setId, kind, promptId, meetingId, usedAt: now }).run();
    },

    async custom(setId, kind) {
      return db
        .select()
        .from(prompts)
        .where(and(eq(prompts.setId, setId), eq(prompts.kind, kind)))
        .all()
        .map((r) => ({ id: r.id, kind: r.kind as PromptKind, text: r.text, tags: {} }));
    },

    async addCustom(setId, kind, text, createdBy, now) {
      return db.transaction((tx) => {
        const n = tx.select({ n: sql<number>`count(*)` }).from(prompts).where(eq(prompts.setId, setId)).get()?.n ?? 0;
        const id = `set-${setId}-${n + 1}`;
        tx.insert(prompts).values({ id, kind, text, tags: [], origin: 'custom', setId, createdBy, createdAt: now }).run();
        return { id, kind, text, tags: {} };
      });
    },
  };
}
