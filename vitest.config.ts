import { defineConfig } from 'vitest/config';
import { postgresSkipReason } from './test/support/postgres-server';

const noServer = postgresSkipReason();
if (noServer) console.warn(`\n  ${noServer} (and the contract suite on a real server)\n`);

const shared = {
  // e2e tests start real processes; give them room on a two-core machine.
  testTimeout: 60_000,
  hookTimeout: 90_000,
  // What follows an acknowledgement (a reply, an App Home) may take a while on a loaded machine.
  expect: { poll: { timeout: 10_000, interval: 20 } },
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'setwise', include: ['test/**/*.test.ts'], exclude: ['test/postgres/**'], sequence: { groupOrder: 0 } } },
      // The Postgres tests start a server and an in-process Postgres (PGlite): heavy for a
      // few seconds, so they run after the rest, never beside the timing-sensitive e2e tests.
      { test: { ...shared, name: 'postgres', include: ['test/postgres/**/*.test.ts'], sequence: { groupOrder: 1 } } },
      // The Store contract suite again, unchanged, on PostgreSQL (PGlite in process, from a
      // migrated snapshot made once a run by the global setup).
      {
        test: {
          ...shared,
          name: 'contract-postgres',
          include: ['test/integration/**/*.test.ts'],
          env: { SETWISE_TEST_STORE: 'pglite' },
          globalSetup: ['test/support/pglite-snapshot.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      // And on a real PostgreSQL server, where Debian's binaries are installed (CI installs
      // them): a throwaway server for the run, a database a worker, real concurrency.
      ...(noServer
        ? []
        : [
            {
              test: {
                ...shared,
                name: 'contract-server',
                include: ['test/integration/**/*.test.ts'],
                env: { SETWISE_TEST_STORE: 'postgres' },
                globalSetup: ['test/support/postgres-contract-setup.ts'],
                sequence: { groupOrder: 2 },
              },
            },
          ]),
    ],
  },
});
