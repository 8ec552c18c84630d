/**
 * Conversation references written by several instances on one database: what is
 * stored is at most a few minutes behind the latest activity any of them saw.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { References } from '../../../adapters/teams/references';
import { ManualClock } from '../../../src/ports/clock';
import { sqliteStore, type OpenSqliteStore } from '../../support/stores';

let opened: OpenSqliteStore | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

const activity = (serviceUrl: string) => ({
  channelId: 'msteams',
  serviceUrl,
  conversation: { id: '19:c@thread.tacv2', conversationType: 'channel', tenantId: 't1' },
  recipient: { id: '28:bot' },
});

describe('conversation references kept by two instances', () => {
  it('stores the service URL an instance last saw again once its memo of what it wrote has run out', async () => {
    opened = await sqliteStore.open();
    const clock = new ManualClock(new Date('2027-01-04T09:00:00Z'));
    const [a, b] = [new References(opened.store, clock), new References(opened.store, clock)];
    await a.remember('t1', activity('https://smba.one/'));
    await b.remember('t1', activity('https://smba.two/'));
    // a saw "one" again within minutes of writing it: not rewritten on every message.
    await a.remember('t1', activity('https://smba.one/'));
    expect((await a.conversation('t1', '19:c@thread.tacv2'))?.serviceUrl).toBe('https://smba.two/');
    clock.set(new Date('2027-01-04T09:05:00Z'));
    await a.remember('t1', activity('https://smba.one/'));
    expect((await b.conversation('t1', '19:c@thread.tacv2'))?.serviceUrl).toBe('https://smba.one/');
  });
});
