/**
 * How long Setwise keeps what it needs only for a while, and the pruning that keeps a
 * database's size to what is current rather than to everything that ever happened.
 *
 * - Outbox jobs: deleted 30 days after they were sent (or skipped, or dead-lettered)
 *   and their moment had passed. Until then they answer "was this sent?" for an
 *   operator, and a re-plan sees them and does not plan them again; after it, no
 *   re-plan could want them (a nudge past its moment is never planned).
 * - Handled inbound event ids: deleted after 7 days. Slack and Teams redeliver within
 *   minutes; a week is far beyond any retry.
 */
import type { Deps } from './context';

const DAY = 86_400_000;

export const RETENTION = { jobsDays: 30, eventsDays: 7 } as const;

/** Rows deleted per table per pass: short transactions, so sends are never held up. */
const BATCH = 2_000;

/** How often a scheduler prunes. */
const EVERY_MS = 10 * 60_000;

/**
 * A pruner for a scheduler's ticks: at most once every ten minutes (by the injected
 * clock), a batch of each. A backlog (a first run on an old database) is cleared a
 * batch a pass.
 */
export function pruner(deps: Pick<Deps, 'store' | 'clock' | 'log'>): () => Promise<void> {
  let last = -Infinity;
  return async () => {
    const now = deps.clock.now().getTime();
    if (now - last < EVERY_MS) return;
    last = now;
    const jobs = await deps.store.jobs.prune(new Date(now - RETENTION.jobsDays * DAY), BATCH);
    const events = await deps.store.events.prune(new Date(now - RETENTION.eventsDays * DAY), BATCH);
    if (jobs + events > 0) deps.log.info({ jobs, events }, 'pruned what retention no longer keeps');
  };
}
