/**
 * vitest globalSetup for the contract suite on a real PostgreSQL server: one
 * throwaway server for the run, with a migrated template database; each test worker
 * makes its own database from the template (../support/stores.ts, `postgresStore`),
 * so workers never see each other's rows.
 */
import { openPostgres } from '../../db/pg/client';
import { startThrowawayServer } from './postgres-server';

export default async function setup(): Promise<() => void> {
  const server = await startThrowawayServer();
  const url = server.createDatabase('contract_template');
  await (await openPostgres(url, { max: 1 })).close(); // migrated once; copies start migrated
  // Inherited by the workers, which start after this.
  process.env.SETWISE_TEST_PG_TEMPLATE = url;
  return () => server.stop();
}
