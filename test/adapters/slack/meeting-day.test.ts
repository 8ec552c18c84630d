/**
 * The meeting day in Slack, through real Bolt over real HTTP: the run-sheet is one
 * channel message that chat.update edits as the Next button (a signed block_actions)
 * moves it on; the heads-up is a DM; a sponsor's report arrives as two files in their
 * DM, a PNG and a CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../../support/slack/fake-api';
import { blockAction, newTriggerId, post, slashCommand } from '../../support/slack/sign';
import { SIGNING_SECRET, startSetwiseSlack, type SetwiseSlack } from '../../support/slack/setwise';

const USERS = {
  U0ALICE: { name: 'alice', displayName: 'Alice', tz: 'Europe/London' },
  U0BOB: { name: 'bob', displayName: 'Bob', tz: 'Europe/London' },
  U0CAROL: { name: 'carol', displayName: 'Carol', tz: 'Europe/London' },
  U0SAM: { name: 'sam', displayName: 'Sam', tz: 'Europe/London' },
};
const TEAM = 'T1';
const CHANNEL = { channelId: 'C0LEADERS', channelName: 'leaders' };

let fake: FakeSlack;
let slack: SetwiseSlack;
let n = 0;

const calls = (method: string) => fake.callsTo(method);
const textOf = (call: RecordedCall | undefined): string => JSON.stringify(call?.args ?? {});
async function reply(text: string, user = 'U0ALICE', where: { channelId: string; channelName: string } = CHANNEL): Promise<RecordedCall> {
  const before = calls('response_url').length;
  const body = slashCommand({ text, userId: user, userName: 'x', teamId: TEAM, responseUrl: fake.responseUrl(`m${++n}`), triggerId: newTriggerId(), ...where });
  expect((await post(slack.events, body, { secret: SIGNING_SECRET })).status).toBe(200);
  for (let waited = 0; calls('response_url').length <= before; waited += 20) {
    if (waited > 5000) throw new Error(`no answer to "${text}"`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return calls('response_url')[before]!;
}
const buttonsOf = (call: RecordedCall): { action_id: string; value: string; text: { text: string } }[] =>
  ((call.args.blocks ?? []) as { type: string; elements?: never[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
const sheets = () => calls('chat.postMessage').filter((c) => c.args.channel === 'C0LEADERS' && textOf(c).includes('meeting of Tue 5 Jan 2027'));
const edits = () => calls('chat.update').filter((c) => textOf(c).includes('meeting of Tue 5 Jan 2027'));

beforeAll(async () => {
  fake = await startFakeSlack({ users: USERS });
  slack = await startSetwiseSlack(fake, new Date('2027-01-04T09:00:00Z'));
  await reply('set create Northern Lights tz Europe/London');
  await reply('member add <@U0BOB|bob> <@U0CAROL|carol>');
  await reply('meeting add 2027-01-05 at 10:00');
  await slack.advanceTo(new Date('2027-01-05T09:50:00Z'));
});
afterAll(async () => {
  await slack.close();
  await fake.close();
});

describe('the meeting day in Slack', () => {
  it('posts one run-sheet and edits it in place as Next is pressed; a second press of the same Next changes nothing', async () => {
    fake.clear();
    await reply('meeting start');
    await expect.poll(() => sheets().length).toBe(1);
    const sheet = sheets()[0]!;
    const ts = (sheet.answer as { ts: string }).ts;
    expect(textOf(sheet)).toContain('Check-in');
    const next = buttonsOf(sheet).find((b) => b.action_id.startsWith('meeting.next'))!;
    expect(next.text.text).toBe('Next');

    const press = (button: { action_id: string; value: string }, user = 'U0ALICE') =>
      post(slack.events, blockAction({ actionId: button.action_id, value: button.value, userId: user, teamId: TEAM, responseUrl: fake.responseUrl(`b${++n}`), messageTs: ts, ...CHANNEL }), { secret: SIGNING_SECRET });
    expect((await press(next)).status).toBe(200);
    await expect.poll(() => edits().some((c) => textOf(c).includes('▶ Bids for time'))).toBe(true);
    expect((await press(next)).status).toBe(200); // the same button again: already moved on
    await expect.poll(() => calls('response_url').some((c) => textOf(c).includes('already moved on'))).toBe(true);

    // Bob presses Here on the sheet as it is now; every edit was of the one message.
    const latest = edits().at(-1)!;
    const here = buttonsOf(latest).find((b) => b.action_id.startsWith('meeting.here'))!;
    expect((await press(here, 'U0BOB')).status).toBe(200);
    await expect.poll(() => textOf(edits().at(-1)).includes('Here: <@U0ALICE> and <@U0BOB>')).toBe(true);
    expect(sheets()).toHaveLength(1);
    // Every edit is of the one message posted: the run-sheet's channel, and the ts Slack gave it.
    expect(edits().every((c) => c.args.channel === 'C0LEADERS' && c.args.ts === ts)).toBe(true);

    // The heads-up reaches Alice by DM, with a Next of its own.
    await reply('meeting next');
    await reply('meeting plan issue 10');
    await slack.advanceTo(new Date('2027-01-05T09:56:00Z'));
    const headsUp = calls('chat.postMessage').find((c) => c.args.channel === 'U0ALICE' && textOf(c).includes('minutes left for'));
    expect(headsUp).toBeDefined();
    expect(buttonsOf(headsUp!).map((b) => b.text.text)).toEqual(['Next']);
    await reply('meeting end');
    await expect.poll(() => calls('chat.postMessage').some((c) => c.args.channel === 'C0LEADERS' && textOf(c).includes('meeting summary'))).toBe(true);
    await expect.poll(() => textOf(edits().at(-1)).includes('Ended at')).toBe(true);
    expect(buttonsOf(edits().at(-1)!)).toEqual([]);
  });

  it('delivers a sponsor\'s report as a PNG and a CSV in their DM, with the figures as the message', async () => {
    await reply('sponsor add <@U0SAM|sam>');
    fake.clear();
    // From the DM there is no response_url to answer on: the files are the answer.
    const body = slashCommand({ text: 'report', userId: 'U0SAM', userName: 'sam', teamId: TEAM, responseUrl: fake.responseUrl('report'), triggerId: newTriggerId(), channelId: 'DU0SAM', channelName: 'directmessage' });
    expect((await post(slack.events, body, { secret: SIGNING_SECRET })).status).toBe(200);
    await expect.poll(() => calls('files.completeUploadExternal').length).toBe(2);
    expect(calls('files.completeUploadExternal').map((c) => c.args.channel_id)).toEqual(['DU0SAM', 'DU0SAM']);
    const uploads = [...fake.uploads.values()];
    const png = uploads.find((u) => u.filename === 'report-northern-lights.png')!;
    const csv = uploads.find((u) => u.filename === 'report-northern-lights.csv')!;
    expect(png.bytes!.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(csv.bytes!.toString()).toMatch(/^set,row,date,member,attended/);
    expect(csv.bytes!.toString()).toContain('Northern Lights,meeting,2027-01-05,,2,3,');
  });
});
