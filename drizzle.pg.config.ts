import { defineConfig } from 'drizzle-kit';

/** PostgreSQL's migrations: `npm run db:generate:pg`, committed beside the schema. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/pg/schema.ts',
  out: './db/pg/migrations',
});
