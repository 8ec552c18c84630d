import { openDatabase } from '../../db/client';
import { createSqliteStore } from '../../db/store';
import { applyRule } from '../../src/app/schedule';
import { occurrences } from '../../src/domain/recurrence';
import { ManualClock } from '../../src/ports/clock';
import { silentLogger } from '../../src/ports/logger';
import type { Store } from '../../src/ports/store';

/**
 * A file database holding one set of `size` members with one meeting on
 * 2027-03-02 10:00 London: a day before it, `size` private RSVP reminders, the
 * channel reminder and the presenters' notices are all due at once.
 */
export async function seedFanOut(file: string, size: number): Promise<{ dueAt: Date; expected: number }> {
  const database = openDatabase(file);
  try {
    return await seedFanOutIn(createSqliteStore(database.db), size);
  } finally {
    database.close();
  }
}

/** The same fan-out, in any Store. */
export async function seedFanOutIn(store: Store, size: number): Promise<{ dueAt: Date; expected: number }> {
  const now = new Date('2027-01-01T00:00:00Z');
  const ws = await store.workspaces.ensure('console', 'crash');
  const lead = await store.people.upsert(ws.id, { userId: 'lead', displayName: 'lead', dm: { platform: 'console', kind: 'user', ref: { user: 'lead' } } }, now);
  const made = await store.sets.create({ workspaceId: ws.id, name: 'Fan-out', channelId: 'c', channelLabel: '#c', channel: { platform: 'console', kind: 'channel', ref: { channel: 'c' } }, timeZone: 'Europe/London' }, lead.id, now);
  if (!made.ok) throw new Error('could not seed');
  const ids: number[] = [];
  for (let i = 0; i < size; i++) {
    const p = await store.people.upsert(ws.id, { userId: `m${i}`, displayName: `m${i}`, dm: { platform: 'console', kind: 'user', ref: { user: `m${i}` } } }, now);
    ids.push(p.id);
  }
  // A crowd far past a set's size, on purpose: this seeds a fan-out, not a set people run.
  await store.memberships.add(made.set.id, ids, now, Number.MAX_SAFE_INTEGER);
  const rule = { cadence: { kind: 'weekly' as const, everyWeeks: 4 }, weekday: 2, localTime: '10:00', durationMinutes: 180, from: '2027-03-02', until: null, count: 1, zone: 'Europe/London' };
  await applyRule({ store, clock: new ManualClock(now), log: silentLogger }, made.set.id, lead.id, () => ({ rule, planned: occurrences(rule, now).upcoming }));
  // RSVP reminders to everyone (the lead too), the channel reminder, two presenter notices.
  return { dueAt: new Date('2027-03-01T22:00:00Z'), expected: size + 1 + 1 + 2 };
}
