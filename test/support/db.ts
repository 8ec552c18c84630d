import { openDatabase, type SetwiseDatabase } from '../../db/client';

/** A fresh in-memory database with every migration applied, as production opens a file. */
export const openTestDatabase = (): SetwiseDatabase => openDatabase(':memory:');
