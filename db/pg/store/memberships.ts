import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { leavesNoFacilitator } from '../../../src/domain/permissions';
import type { MembershipRepo } from '../../../src/ports/store';
import type { PgDb } from '../client';
import { memberships, people } from '../schema';
import { toMembership } from '../../store/rows';
import { serially, type Reader } from './tx';
import { planOwed } from './versions';

// Facilitators first, then in the order people joined: the order `set info` shows.
const activeMembers = async (tx: Reader, setId: number) =>
  (
    await tx
      .select({ m: memberships, p: people })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(and(eq(memberships.setId, setId), isNull(memberships.leftAt)))
      .orderBy(sql`${memberships.role} = 'facilitator' DESC`, asc(memberships.joinedAt), asc(memberships.id))
  ).map((r) => toMembership(r.m, r.p));

export function membershipRepo(db: PgDb): MembershipRepo {
  return {
    async list(setId) {
      return activeMembers(db, setId);
    },

    async find(setId, personId) {
      const [row] = await db
        .select({ m: memberships, p: people })
        .from(memberships)
        .innerJoin(people, eq(people.id, memberships.personId))
        .where(and(eq(memberships.setId, setId), eq(memberships.personId, personId), isNull(memberships.leftAt)))
        .limit(1);
      return row && toMembership(row.m, row.p);
    },

    async add(setId, personIds, now, maxSize) {
      return serially(db, async (tx) => {
        const current = await tx
          .select({ personId: memberships.personId })
          .from(memberships)
          .where(and(eq(memberships.setId, setId), isNull(memberships.leftAt)));
        const inSet = new Set(current.map((m) => m.personId));
        const joining = [...new Set(personIds)].filter((id) => !inSet.has(id));
        if (current.length + joining.length > maxSize) return { ok: false as const, size: current.length, joining: joining.length };
        const added: number[] = [];
        for (const personId of joining) {
          const [existing] = await tx
            .select()
            .from(memberships)
            .where(and(eq(memberships.setId, setId), eq(memberships.personId, personId)))
            .limit(1);
          if (existing) {
            // Someone rejoining starts again as a member; their history stays attached.
            await tx.update(memberships).set({ leftAt: null, role: 'member', joinedAt: now }).where(eq(memberships.id, existing.id));
          } else {
            await tx.insert(memberships).values({ setId, personId, role: 'member', joinedAt: now });
          }
          added.push(personId);
        }
        if (added.length > 0) await planOwed(tx, [setId]);
        return { ok: true as const, added };
      });
    },

    async remove(setId, personId, now) {
      return serially(db, async (tx) => {
        const members = await activeMembers(tx, setId);
        if (!members.some((m) => m.person.id === personId)) return 'not-member' as const;
        if (leavesNoFacilitator(members, personId, 'gone')) return 'last-facilitator' as const;
        await tx
          .update(memberships)
          .set({ leftAt: now })
          .where(and(eq(memberships.setId, setId), eq(memberships.personId, personId)));
        await planOwed(tx, [setId]);
        return 'removed' as const;
      });
    },

    async setRole(setId, personId, role) {
      return serially(db, async (tx) => {
        const members = await activeMembers(tx, setId);
        const current = members.find((m) => m.person.id === personId);
        if (!current) return 'not-member' as const;
        if (current.role === role) return 'unchanged' as const;
        if (leavesNoFacilitator(members, personId, role)) return 'last-facilitator' as const;
        await tx
          .update(memberships)
          .set({ role })
          .where(and(eq(memberships.setId, setId), eq(memberships.personId, personId)));
        await planOwed(tx, [setId]); // facilitators are who hear of low attendance
        return 'changed' as const;
      });
    },

    async setPresenting(setId, personId, on) {
      await serially(db, async (tx) => {
        await tx
          .update(memberships)
          .set({ presenting: on })
          .where(and(eq(memberships.setId, setId), eq(memberships.personId, personId), isNull(memberships.leftAt)));
        await planOwed(tx, [setId]);
      });
    },
  };
}
