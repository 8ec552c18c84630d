/**
 * The permission matrix's driver for Teams (see ../permission-matrix.ts): commands go
 * in as activities through the real botbuilder CloudAdapter over HTTP, and everything
 * the bot sends to the fake connector (messages, edits, opened chats, the files a
 * person accepts) comes out as a Sent, with whom it reached.
 */
import { FILE_CONSENT } from '../../../adapters/teams/files';
import { CAST, type Driver, type Place, type Sent, type To } from '../permission-matrix';
import { TENANT, channelMessage, execute, personalMessage, teamsPerson, type Person } from './activities';
import { buttonsOf, cardOf, type Card } from './cards';
import { startFakeConnector, type FakeConnector } from './connector';
import { startSetwiseTeams, type SetwiseTeams } from './setwise';

const conversationOf = (channel: string) => `19:${channel}@thread.tacv2`;
/** What Teams shows in a channel's thread when the answer went to the person's own chat: it says nothing else. */
const NOTICE = /^I have sent .+ (to )?your chat with Setwise\.$/;
/** Every request the bot makes to the connector, by kind: those that carry something are searched. */
const CALLS = /^(POST \/v3\/conversations(\/[^/]+\/activities(\/[^/]+)?)?|PUT \/v3\/conversations\/[^/]+\/activities\/[^/]+|GET \/v3\/conversations\/[^/]+\/(pagedmembers|members\/[^/]+)|PUT \/upload\/.+)$/;

export interface TeamsMatrix {
  readonly driver: Driver;
  readonly fake: FakeConnector;
  readonly setwise: SetwiseTeams;
  close(): Promise<void>;
}

export async function teamsPermissionDriver(start: Date): Promise<TeamsMatrix> {
  const fake = await startFakeConnector();
  const setwise = await startSetwiseTeams(start);
  const cast = new Map<string, Person>(CAST.map((n) => [n, teamsPerson(n)]));
  const byId = new Map([...cast].map(([name, p]) => [p.id, name]));
  const channels = new Map<string, string>();

  /** Whom a conversation reaches: a channel (any thread of it), or one person's chat with the bot. */
  function toOf(conversation: string): To {
    const channel = channels.get(conversation.split(';messageid=')[0]!);
    if (channel) return `#${channel}`;
    const person = /^a:(?:chat-with|personal)-(.+)$/.exec(conversation)?.[1];
    const name = person && byId.get(person);
    if (!name) throw new Error(`a Teams conversation the matrix does not know: ${conversation}`);
    return `@${name}`;
  }

  /** A card's lead: its first text, marked ⚠️ for a warning or an error, coloured "attention" for an error. */
  function readCard(activity: Record<string, unknown>): Pick<Sent, 'text' | 'marked' | 'error'> {
    const card = ((activity.attachments as { contentType: string; content: Card }[] | undefined) ?? []).some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive') ? cardOf(activity) : undefined;
    const lead = card?.body.find((b) => typeof b.text === 'string');
    const text = String(activity.summary ?? lead?.text ?? activity.text ?? '');
    return { text, marked: String(lead?.text ?? '').startsWith('⚠️'), error: lead?.color === 'attention' };
  }

  const log: Sent[] = [];
  const seen = { sent: 0, updated: 0, opened: 0, calls: 0 };
  /** What reached the connector since the last look, as Sent. */
  function drain(): Sent[] {
    const fresh: Sent[] = [];
    for (const s of fake.sent.slice(seen.sent)) {
      const to = toOf(s.conversation);
      const read = readCard(s.activity);
      fresh.push({ to: [to], what: 'send', content: JSON.stringify(s.activity), ...read, notice: to.startsWith('#') && NOTICE.test(read.text) });
    }
    for (const u of fake.updated.slice(seen.updated)) fresh.push({ to: [toOf(u.conversation)], what: 'update', content: JSON.stringify(u.activity), ...readCard(u.activity) });
    for (const o of fake.opened.slice(seen.opened)) fresh.push({ to: [], what: 'create conversation', content: JSON.stringify(o.body), text: '', marked: false });
    for (const call of fake.calls.slice(seen.calls)) if (!CALLS.test(call)) throw new Error(`a connector request the permission matrix does not know: ${call}`);
    Object.assign(seen, { sent: fake.sent.length, updated: fake.updated.length, opened: fake.opened.length, calls: fake.calls.length });
    log.push(...fresh);
    return fresh;
  }

  /** `<at>Name</at>` with a mention entity for each person the text names, as Teams sends them. */
  function withMentions<A extends { text: string; entities?: unknown[] }>(activity: A): A {
    let { text } = activity;
    const entities = [...(activity.entities ?? [])];
    for (const [name, p] of cast) {
      if (!new RegExp(`@${name}\\b`).test(text)) continue;
      text = text.replace(new RegExp(`@${name}\\b`, 'g'), `<at>${name}</at>`);
      entities.push({ type: 'mention', text: `<at>${name}</at>`, mentioned: { id: p.id, name } });
    }
    return { ...activity, text, entities };
  }

  /** Posts an activity; its invoke answer, if any, reaches the person who acted. */
  async function send(who: string, activity: unknown): Promise<unknown> {
    const answer = await setwise.post(activity);
    if (answer.status !== 200) throw new Error(`Teams answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    if (answer.body !== undefined) log.push({ to: [`@${who}`], what: 'invoke answer', content: JSON.stringify(answer.body), text: '', marked: false });
    return answer.body;
  }

  function activityFor(who: string, place: Place, text: string) {
    const from = cast.get(who)!;
    if (place.kind === 'dm') return withMentions(personalMessage({ serviceUrl: fake.url, from, text }));
    const id = conversationOf(place.channel);
    channels.set(id, place.channel);
    // Each channel under its own name (the helper names every channel "leaders").
    const activity = channelMessage({ serviceUrl: fake.url, from, text, people: [...cast.values()], channel: id });
    return { ...activity, channelData: { ...activity.channelData, channel: { id, name: place.channel } } };
  }

  /**
   * The person accepts each file offered to them: Setwise makes the file again, as
   * them, and uploads it where Teams says (their OneDrive): the bytes reach only them.
   */
  async function acceptFiles(who: string, sent: readonly Sent[]): Promise<void> {
    type Consent = { contentType: string; name: string; content: { acceptContext: { offer: string } } };
    const offers = sent.filter((s) => s.to.includes(`@${who}`)).flatMap((s) => ((JSON.parse(s.content) as { attachments?: Consent[] }).attachments ?? []).filter((a) => a.contentType === FILE_CONSENT));
    const from = cast.get(who)!;
    for (const offer of offers) {
      const before = fake.uploads.length;
      await send(who, {
        type: 'invoke',
        name: 'fileConsent/invoke',
        id: `consent-${offer.content.acceptContext.offer}`,
        channelId: 'msteams',
        serviceUrl: fake.url,
        from,
        recipient: { id: '28:bot-app-id', name: 'Setwise' },
        conversation: { id: `a:chat-with-${from.id}`, conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
        value: { type: 'fileUpload', action: 'accept', context: { offer: offer.content.acceptContext.offer }, uploadInfo: { name: offer.name, uploadUrl: `${fake.url}upload/${encodeURIComponent(offer.name)}`, contentUrl: `https://onedrive.example/${offer.name}`, uniqueId: offer.name, fileType: offer.name.split('.').at(-1) } },
      });
      for (const u of fake.uploads.slice(before)) log.push({ to: [`@${who}`], what: 'file upload', content: u.body.toString('latin1'), text: '', marked: false });
    }
    drain();
  }

  const driver: Driver = {
    platform: 'teams',
    async say(who, place, text) {
      drain();
      const from = log.length;
      await send(who, activityFor(who, place, text));
      await acceptFiles(who, drain());
      return log.slice(from);
    },
    async challenge(who, channel, values) {
      drain();
      const before = fake.sent.length;
      await send(who, activityFor(who, { kind: 'channel', channel }, 'challenge'));
      const form = fake.sent.slice(before).find((s) => toOf(s.conversation) === `@${who}` && buttonsOf(cardOf(s.activity)).has('Save'));
      if (!form) throw new Error(`no challenge form reached ${who}`);
      const save = buttonsOf(cardOf(form.activity)).get('Save') as Record<string, unknown>;
      const fields = Object.fromEntries(Object.entries(values).map(([id, value]) => [`field.${id}`, value]));
      const saved = JSON.stringify(await send(who, execute({ serviceUrl: fake.url, from: cast.get(who)!, data: { ...save, ...fields }, replyToId: form.id })));
      if (!saved.includes('Saved version')) throw new Error(`${who}'s challenge was not saved: ${saved}`);
      drain();
    },
    async advanceTo(at) {
      drain();
      await setwise.advanceTo(at);
      drain();
    },
    rows: () => setwise.opened.rows(),
    bookkeeping: ['processed_events', 'installations'],
    sent: () => (drain(), log),
  };
  return {
    driver,
    fake,
    setwise,
    async close() {
      await setwise.close();
      await fake.close();
    },
  };
}
