/**
 * The meeting day in Teams, over real HTTP through botbuilder: the run-sheet is one
 * card posted to the channel and replaced in place (updateActivity) as its Next is
 * pressed (an Action.Execute invoke); a sponsor's report arrives in their chat as two
 * file consent cards, and accepting each uploads that file, made afresh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_CONSENT } from '../../../adapters/teams/files';
import { startFakeConnector, type FakeConnector } from '../../support/teams/connector';
import { CHANNEL, TENANT, channelMessage, execute, personalMessage, teamsPerson } from '../../support/teams/activities';
import { startSetwiseTeams, type SetwiseTeams } from '../../support/teams/setwise';
import { buttonsOf, cardOf } from '../../support/teams/cards';

const alice = teamsPerson('Alice');
const bob = teamsPerson('Bob');
const sam = teamsPerson('Sam');
let fake: FakeConnector;
let setwise: SetwiseTeams;

const say = (from: typeof alice, text: string) => setwise.post(channelMessage({ serviceUrl: fake.url, from, text, people: [bob, sam] }));
const isSheet = (a: Record<string, unknown>) => JSON.stringify(a).includes('meeting of Tue 5 Jan 2027');

beforeAll(async () => {
  fake = await startFakeConnector();
  setwise = await startSetwiseTeams(new Date('2027-01-04T09:00:00Z'));
  await say(alice, 'set create Northern Lights tz Europe/London');
  await say(alice, 'member add @Bob');
  await say(alice, 'meeting add 2027-01-05 at 10:00');
  await setwise.advanceTo(new Date('2027-01-05T09:50:00Z'));
});
afterAll(async () => {
  await setwise.close();
  await fake.close();
});

describe('the meeting day in Teams', () => {
  it('posts one run-sheet card to the channel and updates that activity as Next and Here are pressed', async () => {
    expect((await say(alice, 'meeting start')).status).toBe(200);
    const posted = fake.sent.filter((s) => isSheet(s.activity));
    expect(posted).toHaveLength(1);
    const sheet = posted[0]!;
    expect(sheet.conversation.startsWith(CHANNEL)).toBe(true);

    const press = (from: typeof alice, data: unknown) => setwise.post(execute({ serviceUrl: fake.url, from, data, channel: CHANNEL, replyToId: sheet.id }));
    expect((await press(alice, buttonsOf(cardOf(sheet.activity)).get('Next'))).status).toBe(200);
    await expect.poll(() => fake.updated.filter((u) => isSheet(u.activity) && JSON.stringify(u.activity).includes('▶ Bids for time')).length).toBe(1);
    const latest = () => fake.updated.filter((u) => isSheet(u.activity)).at(-1)!;
    expect((await press(bob, buttonsOf(cardOf(latest().activity)).get('Here'))).status).toBe(200);
    await expect.poll(() => JSON.stringify(latest().activity)).toMatch(/Here: <at>Alice<\/at> and <at>Bob<\/at>/);
    // Every edit replaced the one card posted: same conversation, same activity id; nothing new posted.
    expect(fake.updated.filter((u) => isSheet(u.activity)).every((u) => u.id === sheet.id && u.conversation === sheet.conversation)).toBe(true);
    expect(fake.sent.filter((s) => isSheet(s.activity))).toHaveLength(1);

    await say(alice, 'meeting end');
    await expect.poll(() => fake.sent.some((s) => JSON.stringify(s.activity).includes('meeting summary'))).toBe(true);
    expect(buttonsOf(cardOf(latest().activity)).size).toBe(0);
  });

  it('offers a sponsor\'s report as two consent cards in their chat, and uploads each file once accepted', async () => {
    await say(alice, 'sponsor add @Sam');
    const ask = personalMessage({ serviceUrl: fake.url, from: sam, text: 'report' });
    expect((await setwise.post(ask)).status).toBe(200);
    type Consent = { contentType: string; name: string; content: { acceptContext: { offer: string }; sizeInBytes: number } };
    const consents = fake.to(ask.conversation.id).flatMap((s) => (s.activity.attachments as Consent[] | undefined) ?? []).filter((a) => a.contentType === FILE_CONSENT);
    expect(consents.map((c) => c.name)).toEqual(['report-northern-lights.png', 'report-northern-lights.csv']);
    for (const consent of consents) {
      const answer = {
        type: 'invoke',
        name: 'fileConsent/invoke',
        id: `consent-${consent.name}`,
        channelId: 'msteams',
        serviceUrl: fake.url,
        from: sam,
        recipient: { id: '28:bot-app-id', name: 'Setwise' },
        conversation: { id: `a:chat-with-${sam.id}`, conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
        value: { type: 'fileUpload', action: 'accept', context: { offer: consent.content.acceptContext.offer }, uploadInfo: { name: consent.name, uploadUrl: `${fake.url}upload/${consent.name}`, contentUrl: `https://onedrive.example/${consent.name}`, uniqueId: consent.name, fileType: consent.name.split('.').at(-1) } },
      };
      expect((await setwise.post(answer)).status).toBe(200);
    }
    expect(fake.uploads.map((u) => u.name)).toEqual(['report-northern-lights.png', 'report-northern-lights.csv']);
    expect(fake.uploads[0]!.body.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(fake.uploads[0]!.body.length).toBe(consents[0]!.content.sizeInBytes);
    expect(fake.uploads[1]!.body.toString('utf8')).toContain('Northern Lights,meeting,2027-01-05,,2,2,');
  });
});
