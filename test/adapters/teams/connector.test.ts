/**
 * Sending through the Bot Framework connector: Teams' "slow down" and its other
 * transient answers reach the outbox as one failure each (the connector client does
 * not retry on its own, holding the queue), with the wait Teams asked for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sendTo, TeamsChat } from '../../../adapters/teams/chat';
import { connectorFailure, createAdapter } from '../../../adapters/teams/connector';
import { References } from '../../../adapters/teams/references';
import { channelAddress, userAddress } from '../../../adapters/teams/address';
import { RateLimited } from '../../../src/ports/chat';
import { ManualClock } from '../../../src/ports/clock';
import { silentLogger } from '../../../src/ports/logger';
import { sqliteStore, type OpenSqliteStore } from '../../support/stores';
import { startFakeConnector, type FakeConnector } from '../../support/teams/connector';

let fake: FakeConnector | undefined;
let opened: OpenSqliteStore | undefined;
afterEach(async () => {
  await fake?.close();
  opened?.close();
  fake = opened = undefined;
});

async function connect() {
  fake = await startFakeConnector();
  opened = await sqliteStore.open();
  const clock = new ManualClock(new Date('2027-01-04T09:00:00Z'));
  const references = new References(opened.store, clock);
  const reference = { channelId: 'msteams', serviceUrl: fake.url, conversation: { id: '19:c@thread.tacv2', conversationType: 'channel', tenantId: 't1' }, bot: { id: '28:bot' } };
  await references.remember('t1', { ...reference, recipient: reference.bot });
  return { fake, link: { adapter: createAdapter({}), appId: '', references, log: silentLogger }, reference };
}

describe('the Teams connector, for the outbox', () => {
  it('turns a 429 into RateLimited with Retry-After, after one request', async () => {
    const { fake, link, reference } = await connect();
    fake.fail(1, 429, 7);
    const failed = await sendTo(link, reference, { type: 'message', text: 'hello' }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(RateLimited);
    expect((failed as RateLimited).retryAfterSeconds).toBe(7);
    expect(fake.calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
    // The next try goes through.
    expect(await sendTo(link, reference, { type: 'message', text: 'hello' })).toMatch(/^m\d+$/);
  });

  it('fails a 502 or 504 once, without the client retrying, so the outbox backs off', async () => {
    const { fake, link, reference } = await connect();
    for (const status of [502, 504, 412]) {
      fake.fail(1, status);
      const failed = await sendTo(link, reference, { type: 'message', text: 'x' }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(Error);
      expect((failed as Error).message).toContain(String(status));
    }
    expect(fake.calls.filter((c) => c.startsWith('POST'))).toHaveLength(3);
  });

  it('reads Retry-After as seconds or as a date, and knows a plain failure from a slow-down', () => {
    const withHeader = (status: number, value?: string) => ({ statusCode: status, response: { headers: { get: (n: string) => (n === 'retry-after' ? value : undefined) } } });
    expect(connectorFailure(withHeader(429, '3'))).toEqual(new RateLimited(3));
    expect(connectorFailure(withHeader(429))).toEqual(new RateLimited(1));
    expect((connectorFailure(withHeader(503, new Date(Date.now() + 10_000).toUTCString())) as RateLimited).retryAfterSeconds).toBeGreaterThan(8);
    expect(connectorFailure(withHeader(403))).not.toBeInstanceOf(RateLimited);
  });

  it('posts to a channel and edits the post through the stored reference; a person it cannot reach yet is said so', async () => {
    const { fake, link } = await connect();
    const chat = new TeamsChat(link);
    const posted = await chat.post(channelAddress('t1', '19:c@thread.tacv2'), { text: 'So far: 1 yes' });
    await chat.update(posted, { text: 'So far: 2 yes' });
    expect(fake.sent).toHaveLength(1);
    expect(fake.updated).toMatchObject([{ conversation: '19:c@thread.tacv2', id: fake.sent[0]!.id }]);
    await expect(chat.post(channelAddress('t2', '19:other@thread.tacv2'), { text: 'x' })).rejects.toThrow(/no way to reach/);
    await expect(chat.post(userAddress('t2', '29:someone'), { text: 'x' })).rejects.toThrow(/no way to reach/);
  });
});
