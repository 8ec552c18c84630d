/**
 * Reading Teams activities: the bot's mention taken out of a command, people's
 * mentions turned into the core's Mentions with their Teams ids, HTML entities read
 * as the characters typed, and where a message came from.
 */
import { describe, expect, it } from 'vitest';
import { readCardData } from '../../../adapters/teams/card-data';
import { readCommand, whereOf, actorOf } from '../../../adapters/teams/inbound';

const TENANT = 't-1';
const bot = { id: '28:bot', name: 'Setwise' };
const mention = (id: string, name: string) => ({ type: 'mention', text: `<at>${name}</at>`, mentioned: { id, name } });
const channel = { id: '19:c@thread.tacv2;messageid=17', conversationType: 'channel', tenantId: TENANT };

describe('reading a Teams command', () => {
  it('removes the bot\'s mention and turns each person\'s mention into a token with their id', () => {
    const read = readCommand({
      recipient: bot,
      conversation: channel,
      text: '<at>Setwise</at> member add <at>Bob Smith</at> <at>Carol</at>\n',
      entities: [mention(bot.id, 'Setwise'), mention('29:bob', 'Bob Smith'), mention('29:carol', 'Carol')],
    });
    expect(read.text).toBe('member add @Bob_Smith @Carol');
    expect(read.mentions.map((m) => [m.token, m.identity.userId, m.identity.displayName])).toEqual([
      ['@Bob_Smith', '29:bob', 'Bob Smith'],
      ['@Carol', '29:carol', 'Carol'],
    ]);
    expect(read.mentions[0]!.identity.dm).toEqual({ platform: 'teams', kind: 'user', ref: { tenant: TENANT, user: '29:bob' } });
  });

  it('gives two people of one name tokens of their own', () => {
    const read = readCommand({
      recipient: bot,
      conversation: channel,
      text: 'swap <at>Sam</at> <at>Sam Two</at>',
      entities: [mention('29:sam1', 'Sam'), { type: 'mention', text: '<at>Sam Two</at>', mentioned: { id: '29:sam2', name: 'Sam' } }],
    });
    expect(read.mentions.map((m) => m.token)).toEqual(['@Sam', '@Sam_2']);
    expect(read.text).toBe('swap @Sam @Sam_2');
  });

  it('reads entities as the characters typed, and markup with no mention entity as its text', () => {
    const read = readCommand({ recipient: bot, conversation: channel, text: '<at>Setwise</at> action add Q&amp;A &lt;draft&gt; with <at>Nobody</at>&nbsp;by 2027-02-01', entities: [mention(bot.id, 'Setwise')] });
    expect(read.text).toBe('action add Q&A <draft> with Nobody by 2027-02-01');
    expect(read.mentions).toEqual([]);
  });

  it('ignores malformed mention entities rather than failing', () => {
    const read = readCommand({ recipient: bot, conversation: channel, text: 'help', entities: [{ type: 'mention' }, { type: 'mention', text: '', mentioned: { id: 5 } }, { type: 'clientInfo' }] });
    expect(read).toEqual({ text: 'help', mentions: [] });
  });
});

describe('where an activity came from', () => {
  it('is the channel (not the thread) for a channel message, a group chat as a channel, and the person\'s own chat for a personal one', () => {
    expect(whereOf({ conversation: channel, channelData: { channel: { name: 'leaders' } } })).toEqual({
      kind: 'channel',
      id: '19:c@thread.tacv2',
      label: '#leaders',
      address: { platform: 'teams', kind: 'channel', ref: { tenant: TENANT, conversation: '19:c@thread.tacv2' } },
    });
    expect(whereOf({ conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', tenantId: TENANT } }).kind).toBe('channel');
    expect(whereOf({ from: { id: '29:al' }, conversation: { id: 'a:1', conversationType: 'personal', tenantId: TENANT } })).toMatchObject({ kind: 'dm', address: { kind: 'user', ref: { tenant: TENANT, user: '29:al' } } });
  });

  it('takes the person\'s zone from their Teams client', () => {
    expect(actorOf({ from: { id: '29:al', name: 'Al' }, conversation: channel, localTimezone: 'Asia/Kolkata' }).timeZone).toBe('Asia/Kolkata');
    expect(actorOf({ from: { id: '29:al', name: 'Al' }, conversation: channel, entities: [{ type: 'clientInfo', timezone: 'Europe/Paris' }] }).timeZone).toBe('Europe/Paris');
  });
});

describe('what a card sends back', () => {
  it('is read as a button press or a form with its fields, and anything else is refused', () => {
    expect(readCardData({ setwise: 'button', id: 'rsvp', value: '{"m":1}' })).toEqual({ type: 'action', actionId: 'rsvp', value: '{"m":1}' });
    expect(readCardData({ setwise: 'form', form: 'challenge:1', 'field.title': 'T', 'field.n': 3, other: 'x', 'field.o': { a: 1 } })).toEqual({ type: 'form', formId: 'challenge:1', values: { title: 'T', n: '3' } });
    for (const bad of [null, 'x', {}, { setwise: 'button' }, { setwise: 'form', form: '' }, { setwise: 'button', id: 'x'.repeat(201), value: '' }]) expect(readCardData(bad)).toBeUndefined();
  });
});
