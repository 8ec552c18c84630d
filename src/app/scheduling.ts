import { Scheduler, type SchedulerOptions } from '../scheduler/runner';
import type { Deps } from './context';
import { deliverNudge, reportDeadNudge } from './nudges';
import { replanOwed } from './plan';

/** The scheduler that sends the nudge catalogue through the ChatPort. */
export function nudgeScheduler(deps: Deps, owner: string, options: Partial<SchedulerOptions> = {}): Scheduler {
  return new Scheduler({
    jobs: deps.store.jobs,
    clock: deps.clock,
    log: deps.log,
    owner,
    deliver: (job) => deliverNudge(deps, job),
    prepare: () => replanOwed(deps),
    onDead: (job, error) => reportDeadNudge(deps, job, error),
    ...options,
  });
}
