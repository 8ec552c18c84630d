import { openDatabase } from '../../db/client';
import { createSqliteStore } from '../../db/store';
import { applyRule } from '../../src/app/schedule';
import { occurrences } from '../../src/domain/recurrence';
import { ManualClock } from '../../src/ports/clock';
import { silentLogger } from '../../src/ports/logger';
import type { Address } from '../../src/ports/chat';
import type { Store } from '../../src/ports/store';

/** Where the fan-out's people and channel live: the console unless a platform is named. */
export interface FanOutPlace {
  readonly platform: 'console' | 'slack' | 'teams';
  readonly workspace: string;
  readonly userId: (name: string) => string;
  readonly dm: (userId: string) => Address;
  readonly channel: Address;
}

const onConsole: FanOutPlace = {
  platform: 'console',
  workspace: 'crash',
  userId: (name) => name,
  dm: (user) => ({ platform: 'console', kind: 'user', ref: { user } }),
  channel: { platform: 'console', kind: 'channel', ref: { channel: 'c' } },
};

/** A Teams tenant's fan-out: a person's nudge opens their chat through the tenant's stored reference. */
export const onTeams = (tenant: string, channel: string): FanOutPlace => ({
  platform: 'teams',
  workspace: tenant,
  userId: (name) => `29:${name}-aad`,
  dm: (user) => ({ platform: 'teams', kind: 'user', ref: { tenant, user } }),
  channel: { platform: 'teams', kind: 'channel', ref: { tenant, conversation: channel } },
});

/** A Slack workspace's fan-out: DMs go to each user id, as the Slack adapter addresses them. */
export const onSlack = (team: string, channel: string): FanOutPlace => ({
  platform: 'slack',
  workspace: team,
  userId: (name) => `U0${name.toUpperCase()}`,
  dm: (user) => ({ platform: 'slack', kind: 'user', ref: { team, user } }),
  channel: { platform: 'slack', kind: 'channel', ref: { team, channel } },
});

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
export async function seedFanOutIn(store: Store, size: number, place: FanOutPlace = onConsole): Promise<{ dueAt: Date; expected: number }> {
  const now = new Date('2027-01-01T00:00:00Z');
  const ws = await store.workspaces.ensure(place.platform, place.workspace);
  const person = (name: string) => store.people.upsert(ws.id, { userId: place.userId(name), displayName: name, dm: place.dm(place.userId(name)) }, now);
  const lead = await person('lead');
  const { channel, conversation } = place.channel.ref as { channel?: string; conversation?: string };
  const channelId = channel ?? conversation ?? 'c';
  const made = await store.sets.create({ workspaceId: ws.id, name: 'Fan-out', channelId, channelLabel: `#${channelId}`, channel: place.channel, timeZone: 'Europe/London' }, lead.id, now);
  if (!made.ok) throw new Error('could not seed');
  const ids: number[] = [];
  for (let i = 0; i < size; i++) ids.push((await person(`m${i}`)).id);
  // A crowd far past a set's size, on purpose: this seeds a fan-out, not a set people run.
  await store.memberships.add(made.set.id, ids, now, Number.MAX_SAFE_INTEGER);
  const rule = { cadence: { kind: 'weekly' as const, everyWeeks: 4 }, weekday: 2, localTime: '10:00', durationMinutes: 180, from: '2027-03-02', until: null, count: 1, zone: 'Europe/London' };
  await applyRule({ store, clock: new ManualClock(now), log: silentLogger }, made.set.id, lead.id, () => ({ rule, planned: occurrences(rule, now).upcoming }));
  // RSVP reminders to everyone (the lead too), the channel reminder, two presenter notices.
  return { dueAt: new Date('2027-03-01T22:00:00Z'), expected: size + 1 + 1 + 2 };
}
