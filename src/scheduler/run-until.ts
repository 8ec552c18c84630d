import type { MovableClock } from '../ports/clock';
import type { JobRepo } from '../ports/store';
import type { Scheduler, TickResult } from './runner';

/**
 * Moves a virtual clock to `target`, ticking at each moment a job falls due on the
 * way, as a minute-by-minute cron would, but without the empty minutes. The console's
 * `:advance` and the demo use it to play a month of nudges in seconds.
 */
export async function runUntil(scheduler: Scheduler, jobs: JobRepo, clock: MovableClock, target: Date, onTick?: (at: Date) => void): Promise<TickResult> {
  const total: TickResult = { claimed: 0, sent: 0, skipped: 0, deferred: 0, retried: 0, dead: 0, lapsed: 0 };
  for (;;) {
    const due = await jobs.nextDue();
    if (!due || due.getTime() > target.getTime()) break;
    clock.moveTo(due);
    onTick?.(clock.now());
    const result = await scheduler.tick();
    for (const key of Object.keys(total) as (keyof TickResult)[]) total[key] += result[key];
    if (result.claimed === 0 && due.getTime() <= clock.now().getTime()) {
      // Due but nothing claimable (another worker holds it, or its set's re-plan is
      // owed): step on a minute, as cron would, rather than spin; stop at the target.
      if (clock.now().getTime() >= target.getTime()) break;
      clock.moveTo(new Date(Math.min(clock.now().getTime() + 60_000, target.getTime())));
    }
  }
  clock.moveTo(target);
  return total;
}
