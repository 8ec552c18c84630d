import type { Logger } from '../ports/logger';

/**
 * Runs ticks so that a busy or unreachable database never stops Setwise: a tick that
 * finds it busy (another process writing for longer than the wait allows) or cannot
 * reach it (a server restarting) gives way to the next one, which catches up on
 * everything due. The first such tick of a spell is logged, and the tick that gets
 * through again; other failures are logged every time.
 */
export function guardedTick(tick: () => Promise<unknown>, log: Logger, isUnavailable: (error: unknown) => boolean): () => Promise<void> {
  let busySince: Date | undefined;
  return async () => {
    try {
      await tick();
      if (busySince) {
        log.info({ busySince }, 'database answering again: nudges due meanwhile are being sent');
        busySince = undefined;
      }
    } catch (error) {
      if (!isUnavailable(error)) {
        log.error({ err: error }, 'tick failed');
        return;
      }
      if (!busySince) {
        busySince = new Date();
        log.warn({ err: error }, 'database busy or unreachable: the next tick will try again');
      }
    }
  };
}
