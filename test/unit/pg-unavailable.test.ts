/**
 * Which failures of PostgreSQL mean "the database is out of reach, try again shortly"
 * (StoreUnavailable) and which are faults to report: the server's errors as
 * node-postgres builds them, socket errors as Node builds them, each also wrapped as
 * drizzle wraps a failed query.
 */
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isUnreachable, reportingUnavailable } from '../../db/pg/store/unavailable';
import { StoreUnavailable, type Store } from '../../src/ports/store';

const serverError = (code: string, message = 'server said no') => Object.assign(new pg.DatabaseError(message, 0, 'error'), { code, severity: 'ERROR' });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
const wrapped = (cause: Error) => new DrizzleQueryError('select 1', [], cause);

describe('telling an unreachable PostgreSQL from a fault', () => {
  const unreachable: [string, Error][] = [
    ['connection failure 08006', serverError('08006')],
    ['cannot connect now 57P03', serverError('57P03')],
    ['admin shutdown 57P01', serverError('57P01')],
    ['too many connections 53300', serverError('53300')],
    ['read-only server after a failover 25006', serverError('25006')],
    ['refused', socketError('ECONNREFUSED')],
    ['reset', socketError('ECONNRESET')],
    ['broken pipe', socketError('EPIPE')],
    ['no Unix socket', socketError('ENOENT')],
    ['lost mid-query', new Error('Connection terminated unexpectedly')],
    ['no answer', new Error('Query read timeout')],
    ['no connection in time', new Error('timeout exceeded when trying to connect')],
  ];
  const faults: [string, Error][] = [
    ['a protocol violation 08P01', serverError('08P01')],
    ['a unique violation', serverError('23505')],
    ['a syntax error', serverError('42601')],
    ['a serialization failure (retried, not unreachable)', serverError('40001')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ];
  for (const [what, error] of unreachable) {
    it(`counts ${what} as unreachable, bare or wrapped`, () => {
      expect(isUnreachable(error)).toBe(true);
      expect(isUnreachable(wrapped(error))).toBe(true);
    });
  }
  for (const [what, error] of faults) {
    it(`reports ${what} as the fault it is`, () => {
      expect(isUnreachable(error)).toBe(false);
      expect(isUnreachable(wrapped(error))).toBe(false);
    });
  }

  it('turns only unreachability into StoreUnavailable, for every method a repository has, however it is made', async () => {
    class Jobs {
      async nextDue(): Promise<Date | undefined> {
        throw wrapped(socketError('ECONNREFUSED'));
      }
      async claim(): Promise<never[]> {
        throw serverError('23505');
      }
    }
    const store = reportingUnavailable({ jobs: new Jobs() } as unknown as Store);
    const failure = await store.jobs.nextDue().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreUnavailable);
    expect((failure as StoreUnavailable).cause).toBeInstanceOf(DrizzleQueryError);
    await expect(store.jobs.claim('me', new Date(), 1, 1)).rejects.toMatchObject({ code: '23505' });
  });
});
