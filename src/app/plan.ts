import { SetwiseError } from '../domain/errors';
import { isEmptyPlan, planSet, type SetPlan } from '../domain/plan/set-plan';
import type { PlanSnapshot } from '../domain/plan/types';
import type { RotationChange } from '../domain/rotation/changes';
import { dayLabel } from '../messages/when';
import type { Committed } from '../ports/store';
import type { Deps } from './context';

/** What planning uses: no chat, no prompts. */
export type PlanDeps = Pick<Deps, 'store' | 'clock' | 'log'>;

/**
 * Reads before giving up. One writer always wins a race, so only the loser retries;
 * with the waits below it keeps trying through several seconds of sustained
 * contention (two processes changing one set as fast as they can, on a loaded
 * machine, on PostgreSQL), far more than people changing one set ever make.
 */
const ATTEMPTS = 40;

const REPLAN: RotationChange = { kind: 'replan' };

/** A random wait, doubling each time up to 200 ms, so writers that collided do not collide again in step. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 2 ** attempt)));

/** Lost every race for a set: the change was not made. */
class Contended extends SetwiseError {
  constructor() {
    super('conflict', 'That set is being changed by several people at once.', 'Please try again in a moment.');
  }
}

/**
 * Optimistic concurrency for one set: reads its snapshot, decides from it, and lets the
 * store commit only if the set is still at the snapshot's version; if another writer
 * got there first, reads again. A refusal (SetwiseError) from `decide` is final.
 */
export async function withSnapshot<T>(deps: PlanDeps, setId: number, decide: (snapshot: PlanSnapshot) => Promise<Committed<T>>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const snapshot = await deps.store.plans.snapshot(setId);
    if (!snapshot) throw new SetwiseError('not-found', 'That set no longer exists.');
    const done = await decide(snapshot);
    if (done.ok) return done.value;
    if (attempt === ATTEMPTS) throw new Contended();
    await pause(attempt);
  }
}

/**
 * Brings a set's rotation and nudges in line with its rows, applying `change` (a bid,
 * a swap...) on the way: called after every change to what the plan reads. The plan
 * is made by the domain from one snapshot and committed in one store call.
 */
export async function replan(deps: PlanDeps, setId: number, change: RotationChange = REPLAN): Promise<SetPlan> {
  let latest: SetPlan | undefined;
  try {
    return await withSnapshot(deps, setId, async (snapshot) => {
      const now = deps.clock.now();
      const plan = (latest = planSet(snapshot, now, change, (m) => dayLabel(m.localDate)));
      // Another writer's re-plan already covered this set's rows: nothing to write, nothing to race for.
      if (!snapshot.owed && isEmptyPlan(plan.write)) return { ok: true, value: plan };
      const done = await deps.store.plans.commit(setId, snapshot.version, plan.write, now);
      return done.ok ? { ok: true, value: plan } : done;
    });
  } catch (error) {
    // A plain re-plan that keeps losing is owed, not lost: the change it follows is
    // committed, and the scheduler's next tick (or the next change) makes the plan.
    if (error instanceof Contended && change.kind === 'replan' && latest) {
      deps.log.warn({ setId }, 'a re-plan kept losing races; the scheduler will finish it');
      return latest;
    }
    throw error;
  }
}

/** Re-plans each of several sets (a person's, after their zone changed); one failing does not stop the rest. */
export async function replanAll(deps: PlanDeps, setIds: readonly number[]): Promise<void> {
  const failed: unknown[] = [];
  for (const setId of setIds) await replan(deps, setId).catch((error: unknown) => failed.push(error));
  if (failed.length > 0) throw failed[0];
}

/**
 * Finishes re-plans a crash (or a lost race) left owed, so no stale nudge is sent:
 * the scheduler runs this before it claims. Returns how many sets it re-planned.
 */
export async function replanOwed(deps: PlanDeps, limit = 100): Promise<number> {
  let done = 0;
  for (const setId of await deps.store.plans.owed(limit)) {
    try {
      // One another process finished since the list was read costs a read, not a commit (see replan).
      await replan(deps, setId);
      done += 1;
    } catch (error) {
      deps.log.error({ err: error, setId }, 'could not re-plan a set; will try again next tick');
    }
  }
  return done;
}
