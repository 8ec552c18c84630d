/**
 * The store could not be reached just now (a database server restarting or failing
 * over, no connection to be had): a Store throws this instead of the driver's error,
 * so the core can tell a person to try again shortly and the scheduler can wait for
 * the next tick, neither knowing which database is behind the port. What was due is
 * still due: the outbox is in the database, so nothing is lost meanwhile.
 */
export class StoreUnavailable extends Error {
  constructor(options?: { cause?: unknown }) {
    super('the database cannot be reached just now', options);
    this.name = 'StoreUnavailable';
  }
}
