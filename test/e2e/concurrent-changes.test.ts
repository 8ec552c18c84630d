import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { raceTwoProcesses } from '../support/race';
import { sqliteStore } from '../support/stores';

const dir = mkdtempSync(join(tmpdir(), 'setwise-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('two processes changing one set at the same moment', () => {
  it('leave a plan equal to the one the final rows give, with no lost update and no error', async () => {
    const file = join(dir, 'race.db');
    await raceTwoProcesses(sqliteStore, file, dir, { SETWISE_TEST_STORE: 'sqlite' });
    expect(existsSync(file)).toBe(true);
  }, 120_000);
});
