import { Scheduler, type SchedulerOptions } from '../scheduler/runner';
import type { Deps } from './context';
import { deliverNudge, reportDeadNudge } from './nudges';
import { replanOwed } from './plan';
import { pruner } from './retention';

/** The scheduler that sends the nudge catalogue through the ChatPort. */
export function nudgeScheduler(deps: Deps, owner: string, options: Partial<SchedulerOptions> = {}): Scheduler {
  const prune = pruner(deps);
  return new Scheduler({
    jobs: deps.store.jobs,
    clock: deps.clock,
    log: deps.log,
    owner,
    deliver: (job) => deliverNudge(deps, job),
    // Owed re-plans first, so no stale job is claimed; then what retention no longer keeps.
    prepare: async () => {
      await replanOwed(deps);
      await prune();
    },
    onDead: (job, error) => reportDeadNudge(deps, job, error),
    ...options,
  });
}
