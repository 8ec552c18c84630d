/**
 * Two processes changing one set at the same moment, on any Store: the concurrency
 * test of test/e2e (SQLite, one file) and test/postgres (a real server).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { isEmptyPlan, planSet } from '../../src/domain/plan/set-plan';
import type { Store } from '../../src/ports/store';
import { createHarness } from './harness';
import { ROOT } from './process';
import type { StoreFactory } from './stores';

/** The children's clock: a plan depends on `now`, so the check uses the same one. */
const NOW = new Date('2027-01-04T09:00:00Z');
const ROUNDS = 40;

function run(env: Record<string, string>): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/change-child.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

/** What the set's plan would change if made now from its rows: nothing, when no update was lost. */
async function planFromRows(store: Store, setId: number) {
  const snapshot = (await store.plans.snapshot(setId))!;
  return { snapshot, plan: planSet(snapshot, NOW, { kind: 'replan' }, (m) => m.localDate) };
}

/**
 * Seeds a set in `where` (a file, or a server's database), lets a rules process and a
 * members process change it 40 times each at once, and checks, while they race and
 * after, that every current plan is the one its rows give and no change was lost.
 * `childEnv` tells the children which store to open.
 */
export async function raceTwoProcesses(factory: StoreFactory, where: string, dir: string, childEnv: Record<string, string>): Promise<void> {
  const seed = await createHarness(NOW, where, factory);
  await seed.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
  await seed.say('alice', '#leaders', 'member add @bob @carol @dave');
  await seed.say('alice', '#leaders', 'schedule every 4 weeks on friday at 16:00 from 2027-01-08 for 6 meetings');
  const setId = (await seed.store.sets.findOpenByChannel(1, 'C-leaders'))!.id;
  await seed.close();

  const log = join(dir, 'race.log');
  const go = join(dir, 'go');
  const children = ['rules', 'members'].map((role) => run({ ...childEnv, CHILD_DB: where, CHILD_LOG: log, CHILD_ROLE: role, CHILD_ROUNDS: String(ROUNDS), CHILD_GO: go }));
  await new Promise((r) => setTimeout(r, 1500)); // both started and waiting
  writeFileSync(go, '');

  // While they race, every snapshot whose plan is current must already be that plan.
  const opened = await factory.open(where);
  const { store } = opened;
  let exited = false;
  const codes = Promise.all(children).finally(() => (exited = true));
  let current = 0;
  while (!exited) {
    const { snapshot, plan } = await planFromRows(store, setId);
    if (!snapshot.owed) {
      current += 1;
      expect(plan.write).toEqual({ slots: { remove: [], update: [], insert: [] }, jobs: { insert: [], update: [], skip: [] } });
    }
    await new Promise((r) => setTimeout(r, 15));
  }
  expect(await codes).toEqual([0, 0]);

  const replies = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { role: string; text: string; reply: string; tone: string | null });
  expect(replies).toHaveLength(2 * ROUNDS);
  // No call failed: no internal error, and no change given up on after losing every race.
  expect(replies.filter((r) => r.tone === 'error')).toEqual([]);

  const { snapshot, plan } = await planFromRows(store, setId);
  expect(snapshot.owed).toBe(false);
  expect(isEmptyPlan(plan.write)).toBe(true);
  expect(await store.plans.owed(10)).toEqual([]);
  // The final rows are the last change of each process, none lost: the rules process
  // ended on its first rule (40 rounds, three rules), the members process with
  // everyone it added removed again.
  const scheduled = snapshot.meetings.filter((m) => m.status === 'scheduled');
  expect(scheduled.map((m) => `${m.localDate} ${m.localTime}`)).toEqual(
    Array.from({ length: 10 }, (_, i) => `${new Date(Date.UTC(2027, 0, 5 + 14 * i)).toISOString().slice(0, 10)} 10:00`),
  );
  const names = await Promise.all(snapshot.members.map(async (m) => (await store.people.get(m.personId))!.displayName));
  expect(names.sort()).toEqual(['alice', 'bob', 'carol', 'dave']);
  const pending = snapshot.jobs.filter((j) => j.status === 'pending');
  const members = new Set(snapshot.members.map((m) => m.personId));
  expect(pending.every((j) => j.personId === null || members.has(j.personId))).toBe(true);
  expect(pending.every((j) => j.meetingId !== null && snapshot.meetings.some((m) => m.id === j.meetingId && m.status === 'scheduled'))).toBe(true);
  expect(current).toBeGreaterThan(0);
  await opened.close();
}
