import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { postgresSkipReason, startThrowawayServer, type ThrowawayServer } from '../support/postgres-server';
import { raceTwoProcesses } from '../support/race';
import { postgresStore } from '../support/stores';

const skip = postgresSkipReason();
if (skip) console.warn(`\n  ${skip}\n`);

const dir = mkdtempSync(join(tmpdir(), 'setwise-pg-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The concurrency test of test/e2e on a real server, where two instances' transactions
 * really do overlap: serializable isolation turns each lost race into a retry or a
 * refused commit, never a lost update.
 */
describe.skipIf(skip)('two instances changing one set at the same moment on PostgreSQL', () => {
  let server: ThrowawayServer;
  beforeAll(async () => {
    server = await startThrowawayServer();
  });
  afterAll(() => server?.stop());

  it('leave a plan equal to the one the final rows give, with no lost update and no error', async () => {
    const url = server.createDatabase('race');
    process.env.SETWISE_TEST_DATABASE_URL = url;
    // The children reopen the seeded database as it is (a `file` given: not emptied).
    await raceTwoProcesses(postgresStore, 'as-seeded', dir, { SETWISE_TEST_STORE: 'postgres', SETWISE_TEST_DATABASE_URL: url });
  }, 180_000);
});
