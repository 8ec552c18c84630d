/**
 * What the adapters keep through the Store port: installations (Slack's tokens, Teams'
 * conversation references and file offers) and the ids of inbound events already
 * handled. Run on every Store, so several instances on one database can rely on them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2027-01-04T09:00:00Z'));
});
afterEach(() => h.close());

const at = (minutes: number) => new Date(Date.UTC(2027, 0, 4, 9, minutes));

describe('installations', () => {
  it('keep what an adapter saved, as it saved it, per platform and key; a second save replaces the first', async () => {
    const install = { team: { id: 'T1', name: 'Nörthern «Lights»' }, bot: { token: 'xoxb-1', scopes: ['chat:write', 'commands'] }, enterprise: null, isEnterpriseInstall: false, installedAt: 1_700_000_000_000 };
    await h.store.installations.save('slack', 'team:T1', install, at(0));
    expect(await h.store.installations.find('slack', 'team:T1')).toEqual(install);
    expect(await h.store.installations.find('teams', 'team:T1')).toBeUndefined();
    expect(await h.store.installations.find('slack', 'team:T2')).toBeUndefined();

    const renewed = { ...install, bot: { token: 'xoxb-2', scopes: ['chat:write'] } };
    await h.store.installations.save('slack', 'team:T1', renewed, at(1));
    expect(await h.store.installations.find('slack', 'team:T1')).toEqual(renewed);
    expect((await h.rows()).filter((r) => r.table === 'installations')).toHaveLength(1);

    await h.store.installations.save('teams', 'team:T1', [{ offer: 1 }], at(2));
    await h.store.installations.remove('slack', 'team:T1');
    expect(await h.store.installations.find('slack', 'team:T1')).toBeUndefined();
    expect(await h.store.installations.find('teams', 'team:T1')).toEqual([{ offer: 1 }]);
    await h.store.installations.remove('slack', 'team:T1'); // removing what is gone is no error
  });

  it('answer saves racing for one key with one row holding one of them whole', async () => {
    const saves = Array.from({ length: 12 }, (_, i) => h.store.installations.save('teams', 'conversation:c1', { serviceUrl: `https://smba.example/${i}/`, n: i }, at(i)));
    await Promise.all(saves);
    const kept = (await h.store.installations.find('teams', 'conversation:c1')) as { serviceUrl: string; n: number };
    expect(kept.serviceUrl).toBe(`https://smba.example/${kept.n}/`);
    expect((await h.rows()).filter((r) => r.table === 'installations')).toHaveLength(1);
  });
});

describe('inbound events already handled', () => {
  it('are first once per platform and id, also when deliveries race', async () => {
    expect(await h.store.events.firstDelivery('slack', 'Ev1', at(0))).toBe(true);
    expect(await h.store.events.firstDelivery('slack', 'Ev1', at(1))).toBe(false);
    expect(await h.store.events.firstDelivery('teams', 'Ev1', at(1))).toBe(true);
    const racing = await Promise.all(Array.from({ length: 10 }, () => h.store.events.firstDelivery('slack', 'Ev2', at(2))));
    expect(racing.filter(Boolean)).toHaveLength(1);
  });

  it('make the core answer a redelivered request once', async () => {
    const incoming = {
      platform: 'console' as const,
      workspaceId: 'W1',
      eventId: 'Ev-set-create',
      actor: { userId: 'U-alice', displayName: 'alice' },
      where: { kind: 'channel' as const, id: 'C-leaders', label: '#leaders', address: { platform: 'console' as const, kind: 'channel' as const, ref: { channel: 'leaders' } } },
      payload: { type: 'command' as const, text: 'set create Northern Lights', mentions: [] },
    };
    const [first, again] = await Promise.all([h.core.handle(incoming), h.core.handle(incoming)]);
    const created = [first, again].filter((r) => r.message.text.includes('Created the action learning set'));
    expect(created).toHaveLength(1);
    expect((await h.rows()).filter((r) => r.table === 'sets')).toHaveLength(1);
  });
});
