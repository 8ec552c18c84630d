/**
 * For test files that need a real PostgreSQL server: why they cannot run here (said
 * once, when Debian's binaries are missing), and a throwaway server started before the
 * suite's own setup and stopped after everything else it set up has closed.
 */
import { afterAll, beforeAll } from 'vitest';
import { postgresSkipReason, startThrowawayServer, type ThrowawayServer } from './postgres-server';

export const noServer = postgresSkipReason();
if (noServer) console.warn(`\n  ${noServer}\n`);

/** Call inside a `describe.skipIf(noServer)`, before its own hooks; the getter gives the running server. */
export function useThrowawayServer(): () => ThrowawayServer {
  let server: ThrowawayServer | undefined;
  beforeAll(async () => {
    server = await startThrowawayServer();
  });
  // Registered first, so it runs last (vitest runs after-hooks as a stack).
  afterAll(() => server?.stop());
  return () => {
    if (!server) throw new Error('the throwaway PostgreSQL server has not started');
    return server;
  };
}
