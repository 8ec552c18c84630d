/**
 * One turn of the Teams bot: what came in (a message, a card's action, a change of
 * members, an installation), handed to the core as an Incoming, and its Reply
 * delivered. Every activity's conversation reference is kept first, so Setwise can
 * reach that conversation later, from any instance, after any restart.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Clock } from '../../src/ports/clock';
import type { Core, Identity, Lifecycle, Payload, Reply } from '../../src/ports/inbound';
import { readCardData } from './card-data';
import type { TeamsLink } from './chat';
import { deliver, note, type ExecuteAnswer, type Route } from './deliver';
import { consentAnswer, FILE_INFO, upload, type FileOffers } from './files';
import { actorOf, identityOf, incoming, readCommand, tenantOf, whereOf, type TeamsActivity } from './inbound';
import { renderActivity } from './render';

export interface BotDeps {
  readonly core: Core;
  readonly link: TeamsLink;
  readonly offers: FileOffers;
  readonly clock: Clock;
}

/** The most people read from a team's roster when Setwise is installed there. */
const ROSTER_MAX = 5000;

/** What a card's press that Setwise cannot read is told. */
const NOT_OURS = 'This button is not one of Setwise\'s.';

/** Invokes already answered: an error after the answer must not send a second one. */
const answered = new WeakSet<TurnContext>();

/** An invoke's HTTP answer, which Teams waits for before it updates the card. */
async function respond(context: TurnContext, status: number, body?: unknown): Promise<void> {
  answered.add(context);
  await context.sendActivity({ type: 'invokeResponse', value: { status, ...(body !== undefined ? { body } : {}) } });
}

export function createBot(deps: BotDeps): (context: TurnContext) => Promise<void> {
  const { core, link, offers } = deps;

  async function answer(context: TurnContext, payload: Payload, route: Route, extra: { command?: string; submitted?: Readonly<Record<string, string>> } = {}): Promise<ExecuteAnswer | undefined> {
    const activity = context.activity as TeamsActivity;
    const reply = await core.handle(incoming({ activity, payload }));
    return deliver(reply, {
      context,
      link,
      offers,
      tenant: tenantOf(activity),
      user: activity.from?.id ?? '',
      where: whereOf(activity),
      route,
      ...extra,
      formAnswer: payload.type === 'form',
    });
  }

  async function onMessage(context: TurnContext): Promise<void> {
    const activity = context.activity as TeamsActivity;
    // A card's Action.Submit arrives as a message whose value is the card's data.
    if (activity.value !== undefined && activity.value !== null) {
      const payload = readCardData(activity.value);
      if (payload) await answer(context, payload, 'submit', payload.type === 'form' ? { submitted: payload.values } : {});
      // Said, as Action.Execute's refusal says it, rather than nothing (found by test/adapters/teams/fuzz.test.ts).
      else await context.sendActivity(renderActivity({ tone: 'warning', text: NOT_OURS }) as never);
      return;
    }
    const { text, mentions } = readCommand(activity);
    const command = text || 'help';
    await answer(context, { type: 'command', text: command, mentions }, 'message', { command });
  }

  async function onExecute(context: TurnContext): Promise<void> {
    const value = context.activity.value as { action?: { type?: string; data?: unknown } } | undefined;
    const payload = readCardData(value?.action?.data);
    if (!payload) {
      await respond(context, 200, { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: NOT_OURS } });
      return;
    }
    const result = await answer(context, payload, 'execute', payload.type === 'form' ? { submitted: payload.values } : {});
    await respond(context, 200, result ?? note('Done.'));
  }

  /** A person's answer on a file consent card: the file is made again, as them, and uploaded where Teams said. */
  async function onFileConsent(context: TurnContext): Promise<void> {
    const activity = context.activity as TeamsActivity;
    await respond(context, 200);
    const parsed = consentAnswer.safeParse(activity.value);
    if (!parsed.success) return;
    const tenant = tenantOf(activity);
    const user = activity.from?.id ?? '';
    const offer = await offers.take(tenant, user, parsed.data.context.offer);
    const tell = (text: string) => context.sendActivity(renderActivity({ text }) as never);
    if (parsed.data.action === 'decline') return void (await tell(offer ? `All right: I have not sent ${offer.name}.` : 'All right.'));
    if (!offer) return void (await tell('That file offer has run out. Ask for the file again and I will offer it afresh.'));
    const info = parsed.data.uploadInfo;
    if (!info) return void (await tell('Teams did not say where to save the file. Please ask for it again.'));
    const reply: Reply = await core.handle({ platform: 'teams', workspaceId: tenant, actor: actorOf(activity), where: offer.where, payload: { type: 'command', text: offer.command, mentions: [] } });
    // The same command makes the same files: the one offered is the one with its name.
    const file = reply.message.files?.find((f) => f.name === offer.name);
    if (!file) return void (await context.sendActivity(renderActivity(reply.message) as never));
    await upload(info.uploadUrl, file);
    await context.sendActivity({ type: 'message', attachments: [{ contentType: FILE_INFO, contentUrl: info.contentUrl, name: info.name, content: { uniqueId: info.uniqueId, fileType: info.fileType } }] });
  }

  /** Everyone in the conversation Setwise was just added to, with their names, so each can be reached before they write. */
  async function roster(context: TurnContext): Promise<Identity[]> {
    const activity = context.activity as TeamsActivity;
    if (activity.conversation?.conversationType === 'personal') return [];
    const tenant = tenantOf(activity);
    const people: Identity[] = [];
    try {
      let token: string | undefined;
      do {
        const page = await TeamsInfo.getPagedMembers(context, 500, token);
        for (const m of page.members ?? []) if (m.id && m.name) people.push(identityOf(tenant, m));
        token = page.continuationToken;
      } while (token && people.length < ROSTER_MAX);
    } catch (error) {
      link.log.warn({ err: error }, 'could not read the members of a conversation Setwise was added to');
    }
    return people;
  }

  /** People Teams says joined, with names (Teams often sends only ids); anyone whose name cannot be read is left for later. */
  async function named(context: TurnContext, members: readonly { id?: string; name?: string }[]): Promise<Identity[]> {
    const tenant = tenantOf(context.activity as TeamsActivity);
    const people: Identity[] = [];
    for (const m of members) {
      if (!m.id) continue;
      if (m.name) {
        people.push(identityOf(tenant, m));
        continue;
      }
      try {
        const found = await TeamsInfo.getMember(context, m.id);
        if (found.name) people.push(identityOf(tenant, { id: m.id, name: found.name }));
      } catch (error) {
        link.log.warn({ err: error }, 'could not read the name of a new member');
      }
    }
    return people;
  }

  async function lifecycle(context: TurnContext, event: Lifecycle, people: readonly Identity[]): Promise<void> {
    const activity = context.activity as TeamsActivity;
    if (event === 'uninstalled') {
      const personal = activity.conversation?.conversationType === 'personal';
      await link.references.forget(tenantOf(activity), activity.conversation?.id ?? '', personal ? activity.from?.id : undefined);
    }
    await answer(context, { type: 'lifecycle', event, people }, 'message');
  }

  async function onConversationUpdate(context: TurnContext): Promise<void> {
    const activity = context.activity as TeamsActivity;
    const bot = activity.recipient?.id;
    const added = activity.membersAdded ?? [];
    const removed = activity.membersRemoved ?? [];
    if (added.length > 0) {
      const others = added.filter((m) => m.id !== bot);
      // Setwise itself added: everyone already there can now be reached. Its hello comes with installationUpdate.
      const people = added.some((m) => m.id === bot) ? await roster(context) : await named(context, others);
      if (people.length > 0) await lifecycle(context, 'members-added', people);
    }
    if (removed.length > 0) {
      if (removed.some((m) => m.id === bot)) await lifecycle(context, 'uninstalled', []);
      else await lifecycle(context, 'members-removed', removed.map((m) => identityOf(tenantOf(activity), m)));
    }
  }

  async function onInstallationUpdate(context: TurnContext): Promise<void> {
    const action = (context.activity as TeamsActivity).action ?? '';
    if (action.startsWith('add')) await lifecycle(context, 'installed', await roster(context));
    else if (action.startsWith('remove')) await lifecycle(context, 'uninstalled', []);
  }

  return async function onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity as TeamsActivity;
    try {
      await link.references.remember(tenantOf(activity), activity, activity.from?.id);
      switch (activity.type) {
        case 'message':
          return await onMessage(context);
        case 'invoke':
          if (activity.name === 'adaptiveCard/action') return await onExecute(context);
          if (activity.name === 'fileConsent/invoke') return await onFileConsent(context);
          return void (await respond(context, 200));
        case 'conversationUpdate':
          return await onConversationUpdate(context);
        case 'installationUpdate':
          return await onInstallationUpdate(context);
        default:
          return; // typing, reactions and the rest need nothing from Setwise
      }
    } catch (error) {
      link.log.error({ err: error, type: activity.type, name: activity.name }, 'could not handle a Teams activity');
      // An invoke still gets its answer, so the person's card says something went wrong rather than spinning.
      if (activity.type === 'invoke' && !answered.has(context)) {
        await respond(context, 200, note('Something went wrong on my side. Please try again in a moment.')).catch(() => undefined);
      }
    }
  };
}
