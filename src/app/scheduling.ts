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
    // Owed re-plans first, so no stale job is claimed.
    prepare: () => replanOwed(deps),
    // Once what was due is sent: what retention no longer keeps.
    tidy: prune,
    onDead: (job, error) => reportDeadNudge(deps, job, error),
    ...options,
  });
}
