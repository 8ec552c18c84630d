/**
 * Files in Teams: the privacy export and the calendar arrive in the person's own chat
 * as a file consent card; accepting it makes the file afresh, as that person, and
 * uploads it where Teams says; declining, an unknown offer and an erased person's
 * old offer upload nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_CONSENT, FILE_INFO } from '../../../adapters/teams/files';
import { startFakeConnector, type FakeConnector, type SentActivity } from '../../support/teams/connector';
import { CHANNEL, TENANT, channelMessage, personalMessage, teamsPerson } from '../../support/teams/activities';
import { startSetwiseTeams, type SetwiseTeams } from '../../support/teams/setwise';

const alice = teamsPerson('Alice');
const mallory = teamsPerson('Mallory');
let fake: FakeConnector | undefined;
let setwise: SetwiseTeams | undefined;
afterEach(async () => {
  await setwise?.close();
  await fake?.close();
  setwise = fake = undefined;
});

type Attachment = { contentType: string; name?: string; contentUrl?: string; content?: { acceptContext?: { offer: string }; sizeInBytes?: number } };
const consentIn = (sent: readonly SentActivity[]): Attachment | undefined =>
  sent.flatMap((s) => (s.activity.attachments as Attachment[] | undefined) ?? []).find((a) => a.contentType === FILE_CONSENT);

function consentAnswer(serviceUrl: string, from: { id: string; name: string }, action: 'accept' | 'decline', offer: string, file = 'export.json') {
  return {
    type: 'invoke',
    name: 'fileConsent/invoke',
    id: `consent-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl,
    from,
    recipient: { id: '28:bot-app-id', name: 'Setwise' },
    conversation: { id: `a:chat-with-${from.id}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    value: { type: 'fileUpload', action, context: { offer }, ...(action === 'accept' ? { uploadInfo: { name: file, uploadUrl: `${serviceUrl}upload/${file}`, contentUrl: `https://onedrive.example/${file}`, uniqueId: 'u-1', fileType: 'json' } } : {}) },
  };
}

describe('files in Teams', () => {
  it('offers the privacy export by consent card and uploads it, made afresh, once accepted', async () => {
    fake = await startFakeConnector();
    setwise = await startSetwiseTeams(new Date('2027-01-04T09:00:00Z'));
    const serviceUrl = fake.url;
    const ask = personalMessage({ serviceUrl, from: alice, text: 'privacy export' });
    expect((await setwise.post(ask)).status).toBe(200);
    const consent = consentIn(fake.to(ask.conversation.id))!;
    expect(consent).toBeDefined();
    expect(consent.name).toMatch(/\.json$/);
    expect(JSON.stringify(consent)).not.toContain('Alice'); // the card holds no content, only the offer
    const offer = consent.content!.acceptContext!.offer;

    // Someone else cannot take Alice's offer.
    expect((await setwise.post(consentAnswer(serviceUrl, mallory, 'accept', offer))).status).toBe(200);
    expect(fake.uploads).toHaveLength(0);

    expect((await setwise.post(consentAnswer(serviceUrl, alice, 'accept', offer))).status).toBe(200);
    expect(fake.uploads).toHaveLength(1);
    const exported = JSON.parse(fake.uploads[0]!.body.toString('utf8')) as Record<string, unknown>;
    expect(JSON.stringify(exported)).toContain('Alice');
    expect(fake.uploads[0]!.headers['content-range']).toBe(`bytes 0-${fake.uploads[0]!.body.length - 1}/${fake.uploads[0]!.body.length}`);
    const info = fake.to(ask.conversation.id).flatMap((s) => (s.activity.attachments as Attachment[] | undefined) ?? []).find((a) => a.contentType === FILE_INFO);
    expect(info).toMatchObject({ contentUrl: 'https://onedrive.example/export.json', name: 'export.json' });

    // An offer is used once.
    await setwise.post(consentAnswer(serviceUrl, alice, 'accept', offer));
    expect(fake.uploads).toHaveLength(1);
  });

  it('sends the calendar asked for in a channel to the person\'s chat, says so in the thread, and a declined offer uploads nothing', async () => {
    fake = await startFakeConnector();
    setwise = await startSetwiseTeams(new Date('2027-01-04T09:00:00Z'));
    const serviceUrl = fake.url;
    await setwise.post(personalMessage({ serviceUrl, from: alice, text: 'help' }));
    await setwise.post(channelMessage({ serviceUrl, from: alice, text: 'set create Leaders tz Europe/London' }));
    await setwise.post(channelMessage({ serviceUrl, from: alice, text: 'schedule every 2 weeks on tuesday at 10:00 from 2027-01-19 for 3 meetings' }));
    await setwise.post(channelMessage({ serviceUrl, from: alice, text: 'calendar' }));
    expect(fake.to(CHANNEL).some((s) => JSON.stringify(s.activity).includes('sent') && JSON.stringify(s.activity).includes('.ics'))).toBe(true);
    expect(consentIn(fake.to(CHANNEL))).toBeUndefined();
    const consent = consentIn(fake.to(`a:chat-with-${alice.id}`))!;
    expect(consent.name).toMatch(/\.ics$/);
    await setwise.post(consentAnswer(serviceUrl, alice, 'decline', consent.content!.acceptContext!.offer));
    await setwise.post(consentAnswer(serviceUrl, alice, 'accept', consent.content!.acceptContext!.offer, 'leaders.ics'));
    expect(fake.uploads).toHaveLength(0);
  });

  it('forgets the offers of a person who erases their data', async () => {
    fake = await startFakeConnector();
    setwise = await startSetwiseTeams(new Date('2027-01-04T09:00:00Z'));
    const serviceUrl = fake.url;
    const ask = personalMessage({ serviceUrl, from: alice, text: 'privacy export' });
    await setwise.post(ask);
    const offer = consentIn(fake.to(ask.conversation.id))!.content!.acceptContext!.offer;
    await setwise.post(personalMessage({ serviceUrl, from: alice, text: 'privacy erase confirm' }));
    expect(JSON.stringify(fake.to(ask.conversation.id).at(-1)!.activity)).toMatch(/OneDrive/);
    await setwise.post(consentAnswer(serviceUrl, alice, 'accept', offer));
    expect(fake.uploads).toHaveLength(0);
  });
});
