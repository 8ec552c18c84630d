import type { Db } from '../client';

/** A drizzle transaction on better-sqlite3 (synchronous: it cannot span an await). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Reader = Pick<Db, 'select'>;
