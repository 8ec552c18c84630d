import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { noServer, useThrowawayServer } from '../support/postgres-suite';
import { raceTwoProcesses } from '../support/race';
import { postgresStore } from '../support/stores';

const dir = mkdtempSync(join(tmpdir(), 'setwise-pg-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The concurrency test of test/e2e on a real server, where two instances' transactions
 * really do overlap: serializable isolation turns each lost race into a retry or a
 * refused commit, never a lost update.
 */
describe.skipIf(noServer)('two instances changing one set at the same moment on PostgreSQL', () => {
  const server = useThrowawayServer();

  it('leave a plan equal to the one the final rows give, with no lost update and no error', async () => {
    const url = server().createDatabase('race');
    process.env.SETWISE_TEST_DATABASE_URL = url;
    // The children reopen the seeded database as it is (a `file` given: not emptied).
    await raceTwoProcesses(postgresStore, 'as-seeded', dir, { SETWISE_TEST_STORE: 'postgres', SETWISE_TEST_DATABASE_URL: url });
  }, 180_000);
});
