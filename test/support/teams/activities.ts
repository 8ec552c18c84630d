/**
 * Bot Framework activities as Teams sends them, for tests: a channel message that
 * mentions the bot (and people), a message in the personal chat, a card's
 * Action.Execute invoke and Action.Submit message, members added, the app installed.
 */
export const TENANT = '72f988bf-0000-4000-8000-000000000001';
export const BOT = { id: '28:bot-app-id', name: 'Setwise' };
export const TEAM = '19:team-general@thread.tacv2';
export const CHANNEL = '19:leaders-channel@thread.tacv2';

export interface Person {
  readonly id: string;
  readonly name: string;
}

export const teamsPerson = (name: string): Person => ({ id: `29:${name.toLowerCase()}-aad`, name });

let nextId = 1;
const activityId = () => `${1700000000000 + nextId++}`;

interface Common {
  serviceUrl: string;
  from: Person;
  zone?: string;
}

const base = ({ serviceUrl, from, zone }: Common) => ({
  id: activityId(),
  channelId: 'msteams',
  serviceUrl,
  from: { ...from, aadObjectId: `${from.id}-object` },
  recipient: BOT,
  timestamp: new Date().toISOString(),
  ...(zone ? { localTimezone: zone } : {}),
});

const channelConversation = (channel: string) => ({ id: `${channel};messageid=${nextId}`, conversationType: 'channel', tenantId: TENANT, isGroup: true });
const channelData = (channel: string) => ({ tenant: { id: TENANT }, team: { id: TEAM, name: 'Leadership programme' }, channel: { id: channel, name: 'leaders' }, teamsChannelId: channel, teamsTeamId: TEAM });
const personalConversation = (person: Person) => ({ id: `a:chat-with-${person.id}`, conversationType: 'personal', tenantId: TENANT });

const mention = (who: Person) => ({ type: 'mention', text: `<at>${who.name}</at>`, mentioned: { id: who.id, name: who.name } });

/** `@Setwise <text>` in a channel; `@Name` words in `text` that match `people` become real mentions. */
export function channelMessage(c: Common & { text: string; people?: readonly Person[]; channel?: string }) {
  const channel = c.channel ?? CHANNEL;
  let text = `<at>${BOT.name}</at> ${c.text}`;
  const entities: unknown[] = [mention(BOT)];
  for (const p of c.people ?? []) {
    if (!text.includes(`@${p.name}`)) continue;
    text = text.split(`@${p.name}`).join(`<at>${p.name}</at>`);
    entities.push(mention(p));
  }
  return { ...base(c), type: 'message', text, textFormat: 'plain', entities, conversation: channelConversation(channel), channelData: channelData(channel) };
}

export function personalMessage(c: Common & { text: string }) {
  return { ...base(c), type: 'message', text: c.text, textFormat: 'plain', conversation: personalConversation(c.from), channelData: { tenant: { id: TENANT } } };
}

/** A card's Action.Execute, pressed in the personal chat (or a channel). */
export function execute(c: Common & { data: unknown; channel?: string; replyToId?: string }) {
  const conversation = c.channel ? channelConversation(c.channel) : personalConversation(c.from);
  return {
    ...base(c),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: (c.data as { setwise?: string }).setwise === 'form' ? 'setwise.form' : 'setwise.button', data: c.data }, trigger: 'manual' },
    conversation,
    channelData: c.channel ? channelData(c.channel) : { tenant: { id: TENANT } },
    ...(c.replyToId ? { replyToId: c.replyToId } : {}),
  };
}

/** A card's Action.Submit: a message whose value is the card's data. */
export function submit(c: Common & { data: unknown; replyToId: string }) {
  return { ...base(c), type: 'message', value: c.data, replyToId: c.replyToId, conversation: personalConversation(c.from), channelData: { tenant: { id: TENANT } } };
}

export function membersAdded(c: Common & { added: readonly { id: string; name?: string }[]; channel?: string }) {
  const channel = c.channel ?? TEAM;
  return { ...base(c), type: 'conversationUpdate', membersAdded: c.added, conversation: { id: channel, conversationType: 'channel', tenantId: TENANT, isGroup: true }, channelData: { ...channelData(channel), eventType: 'teamMemberAdded' } };
}

export function installed(c: Common & { channel?: string; personal?: boolean; action?: string }) {
  const channel = c.channel ?? TEAM;
  return {
    ...base(c),
    type: 'installationUpdate',
    action: c.action ?? 'add',
    conversation: c.personal ? personalConversation(c.from) : { id: channel, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    channelData: c.personal ? { tenant: { id: TENANT } } : channelData(channel),
  };
}
