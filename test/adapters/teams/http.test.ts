/**
 * The Teams adapter over real HTTP: Bot Framework activities posted to /api/messages,
 * through botbuilder's CloudAdapter, with the bot's replies captured on a local
 * connector (the activities' serviceUrl). Commands by mention in a channel and plain
 * text in the personal chat, people's mentions, a card's form submitted (good and
 * bad, by Action.Execute and Action.Submit), members added, the app installed, a
 * retried activity, and requests refused before anything is read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inputIdOf } from '../../../adapters/teams/card-data';
import { startFakeConnector, type FakeConnector } from '../../support/teams/connector';
import { BOT, CHANNEL, TEAM, TENANT, channelMessage, execute, installed, membersAdded, personalMessage, submit, teamsPerson } from '../../support/teams/activities';
import { startSetwiseTeams, type SetwiseTeams } from '../../support/teams/setwise';
import { buttonsOf, cardOf, sentText, textsOf, type Card } from '../../support/teams/cards';

const START = new Date('2027-01-04T09:00:00Z');
const alice = teamsPerson('Alice');
const bob = teamsPerson('Bob');
const carol = teamsPerson('Carol');

let fake: FakeConnector | undefined;
let setwise: SetwiseTeams | undefined;
afterEach(async () => {
  await setwise?.close();
  await fake?.close();
  setwise = fake = undefined;
});

async function begin(overrides: Parameters<typeof startSetwiseTeams>[1] = {}) {
  fake = await startFakeConnector();
  setwise = await startSetwiseTeams(START, overrides);
  return { fake, setwise, serviceUrl: fake.url };
}

describe('Setwise on Teams, over HTTP', () => {
  it('answers /healthz and refuses what is not an activity before reading it', async () => {
    const { setwise } = await begin();
    const health = await fetch(`${setwise.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', adapter: 'teams' });
    expect((await fetch(`${setwise.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${setwise.url}/api/messages`)).status).toBe(405);
    const notJson = await fetch(`${setwise.url}/api/messages`, { method: 'POST', body: '{not json' });
    expect(notJson.status).toBe(400);
    expect((await setwise.post({ text: 'no type' })).status).toBe(400);
    const huge = await fetch(`${setwise.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'x'.repeat(400_000) }) });
    expect(huge.status).toBe(413);
    // Without an app id it runs unauthenticated, and says so once.
    expect(setwise.logs.filter((l) => l.includes('without authentication'))).toHaveLength(1);
  });

  it('refuses a request without a valid Bot Framework token when an app id is set, and does nothing with it', async () => {
    const { fake, setwise, serviceUrl } = await begin({ appId: '11111111-2222-3333-4444-555555555555', appPassword: 'app-password-never-logged' });
    const hello = personalMessage({ serviceUrl, from: alice, text: 'help' });
    expect((await setwise.post(hello)).status).toBe(401);
    expect((await setwise.post(hello, { authorization: 'Bearer not-a-token' })).status).toBe(401);
    // A well-formed token Setwise cannot verify (its keys cannot be fetched here) is refused too.
    const unsigned = `${Buffer.from('{"alg":"RS256","kid":"k1"}').toString('base64url')}.${Buffer.from('{"iss":"https://api.botframework.com","aud":"11111111-2222-3333-4444-555555555555"}').toString('base64url')}.c2ln`;
    expect((await setwise.post(hello, { authorization: `Bearer ${unsigned}` })).status).toBe(401);
    expect(fake.sent).toHaveLength(0);
    expect(await setwise.opened.store.installations.find('teams', `conversation:${JSON.stringify([TENANT, hello.conversation.id])}`)).toBeUndefined();
    expect(setwise.logs.join('')).not.toContain('app-password-never-logged');
    expect(setwise.logs.filter((l) => l.includes('without authentication'))).toHaveLength(0);
  });

  it('takes commands by mention in a channel, with people mentioned, and answers in the thread', async () => {
    const { fake, setwise, serviceUrl } = await begin();
    const create = channelMessage({ serviceUrl, from: alice, text: 'set create Leaders tz Europe/London' });
    expect((await setwise.post(create)).status).toBe(200);
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]!.conversation).toBe(create.conversation.id); // the command's thread
    expect(sentText(fake.sent[0]!)).toContain('Leaders');

    await setwise.post(channelMessage({ serviceUrl, from: alice, text: 'member add @Bob @Carol', people: [bob, carol] }));
    const added = fake.sent.find((s) => s.conversation.startsWith(CHANNEL) && sentText(s).includes('Bob'))!;
    const card = cardOf(added.activity);
    // The people are mentioned by their Teams ids, not just named.
    expect(card.msteams?.entities?.map((e) => e.mentioned.id)).toEqual(expect.arrayContaining([bob.id, carol.id]));
    expect(textsOf(card)).toContain('<at>Bob</at>');
    // They were stored with their private addresses, before ever writing to the bot.
    const stored = await setwise.opened.store.people.find((await setwise.opened.store.workspaces.ensure('teams', TENANT)).id, bob.id);
    expect(stored?.dm).toEqual({ platform: 'teams', kind: 'user', ref: { tenant: TENANT, user: bob.id } });
    // Bob hears he was added in his own chat, opened for him through the tenant.
    expect(fake.opened.map((o) => o.member)).toContain(bob.id);
    expect(fake.to(`a:personal-${bob.id}`).some((s) => sentText(s).includes('Leaders'))).toBe(true);
  });

  it('reads plain text in the personal chat, keeps the Teams client\'s zone, and answers there', async () => {
    const { fake, setwise, serviceUrl } = await begin();
    const hello = personalMessage({ serviceUrl, from: alice, text: 'help', zone: 'America/New_York' });
    await setwise.post(hello);
    expect(fake.to(hello.conversation.id)).toHaveLength(1);
    expect(sentText(fake.to(hello.conversation.id)[0]!)).toMatch(/set create/);
    const workspace = await setwise.opened.store.workspaces.ensure('teams', TENANT);
    expect((await setwise.opened.store.people.profile(workspace.id, alice.id))?.timeZone).toBe('America/New_York');
  });

  it('handles a retried activity once', async () => {
    const { fake, setwise, serviceUrl } = await begin();
    const create = channelMessage({ serviceUrl, from: alice, text: 'set create Leaders' });
    await setwise.post(create);
    await setwise.post(create);
    expect(fake.sent).toHaveLength(1);
  });

  it('answers a form submitted with problems by replacing its card with the problems on their fields, then with the result', async () => {
    const { fake, setwise, serviceUrl } = await begin();
    await setwise.post(channelMessage({ serviceUrl, from: alice, text: 'set create Leaders' }));
    const open = personalMessage({ serviceUrl, from: alice, text: 'challenge' });
    await setwise.post(open);
    const formCard = cardOf(fake.to(open.conversation.id).at(-1)!.activity);
    const save = buttonsOf(formCard).get('Save') as Record<string, unknown>;
    expect(save).toMatchObject({ setwise: 'form' });
    const inputs = formCard.body.filter((b) => b.type.startsWith('Input.')).map((b) => b.id);
    expect(inputs).toContain(inputIdOf('challenge'));

    // Nothing typed: the answer is the form again, each problem on its field.
    const bad = await setwise.post(execute({ serviceUrl, from: alice, data: { ...save, [inputIdOf('challenge')]: '' } }));
    expect(bad.status).toBe(200);
    const badBody = bad.body as { statusCode: number; type: string; value: Card };
    expect(badBody.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(badBody.value.body.some((b) => b.id === inputIdOf('challenge'))).toBe(true);
    expect(textsOf(badBody.value)).toMatch(/Nothing was saved/);
    expect(await setwise.opened.store.challenges.current(1, 1)).toBeUndefined();

    // Filled in: the card becomes the result.
    const values = Object.fromEntries(formCard.body.filter((b) => b.type.startsWith('Input.') && b.isRequired).map((b) => [b.id, 'Leading a team through a merger']));
    const good = await setwise.post(execute({ serviceUrl, from: alice, data: { ...save, ...values } }));
    const goodBody = good.body as { type: string; value: Card };
    expect(goodBody.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textsOf(goodBody.value)).toMatch(/Saved version 1/);

    // The same form by Action.Submit: the card it came from is edited in place.
    const again = await setwise.post(submit({ serviceUrl, from: alice, data: { ...save, ...values }, replyToId: 'card-1' }));
    expect(again.status).toBe(200);
    expect(fake.updated.at(-1)).toMatchObject({ conversation: open.conversation.id, id: 'card-1' });
    expect(sentText(fake.updated.at(-1)!)).toMatch(/Saved version 2/);
  });

  it('refuses card data that is not Setwise\'s, with an error Teams shows', async () => {
    const { setwise, serviceUrl } = await begin();
    const answer = await setwise.post(execute({ serviceUrl, from: alice, data: { setwise: 'rocket', id: 1 } }));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });

  it('says hello when installed in a team, and stores everyone on its roster, so they can be reached before they write', async () => {
    const { fake, setwise, serviceUrl } = await begin();
    fake.members.push(alice, bob, carol);
    await setwise.post(installed({ serviceUrl, from: alice }));
    expect(fake.to(TEAM)).toHaveLength(1);
    expect(sentText(fake.to(TEAM)[0]!)).toMatch(/set create/);
    const workspace = await setwise.opened.store.workspaces.ensure('teams', TENANT);
    for (const p of [alice, bob, carol]) expect((await setwise.opened.store.people.find(workspace.id, p.id))?.displayName).toBe(p.name);
  });

  it('stores a member added to the team with the name Teams gives for them, and says nothing', async () => {
    const { fake, setwise, serviceUrl } = await begin();
    const dave = teamsPerson('Dave');
    fake.members.push(dave);
    await setwise.post(membersAdded({ serviceUrl, from: alice, added: [{ id: dave.id }] }));
    const workspace = await setwise.opened.store.workspaces.ensure('teams', TENANT);
    const stored = await setwise.opened.store.people.find(workspace.id, dave.id);
    expect(stored?.displayName).toBe('Dave');
    expect(stored?.dm).toEqual({ platform: 'teams', kind: 'user', ref: { tenant: TENANT, user: dave.id } });
    expect(fake.sent).toHaveLength(0);
    expect(fake.calls).toContain(`GET /v3/conversations/${TEAM}/members/${dave.id}`);
  });

  it('keeps the conversation reference of every activity in the database', async () => {
    const { setwise, serviceUrl } = await begin();
    const hello = personalMessage({ serviceUrl, from: alice, text: 'help' });
    await setwise.post(hello);
    const saved = await setwise.opened.store.installations.find('teams', `personal:${JSON.stringify([TENANT, alice.id])}`);
    expect(saved).toEqual({ channelId: 'msteams', serviceUrl, conversation: { id: hello.conversation.id, conversationType: 'personal', tenantId: TENANT }, bot: BOT });
  });
});
