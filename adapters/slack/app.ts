/**
 * The Slack app on Bolt: the receiver (HTTP with `/slack/events`, or Socket Mode),
 * the OAuth install when several workspaces are served, and one handler per kind
 * of payload. A command or a button is acknowledged once the core has stored its
 * change (within Slack's three seconds), and its answer is delivered after; a modal's
 * submission is acknowledged with its field errors, if any; events are acknowledged by
 * Bolt on arrival, and Slack's retries of them are recognised by their id.
 */
import { App, HTTPReceiver, type ButtonAction, type CustomRoute, type RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../src/ports/clock';
import type { Core, Identity, Incoming, Where } from '../../src/ports/inbound';
import type { Logger } from '../../src/ports/logger';
import type { Store } from '../../src/ports/store';
import { messageRef, slackId, slackTs } from './address';
import { deliver, OPEN_FORM, type ReplyContext } from './deliver';
import { commandPayload, dmWhere, filled, incoming, readMentions, stringOf, whereOf } from './inbound';
import { installationStore } from './installations';
import { boltLogger } from './log';
import type { Logger as BoltLogger } from '@slack/bolt';
import { readOrigin } from './origin';
import { refuseNonObjects, refuseUnreadable } from './receiver';
import { identify, workspaceIdOf } from './profiles';
import { actionIdOf, fieldErrorsFor, readModalValues, renderHome } from './render';
import { BOT_SCOPES } from './scopes';
import { slackCall } from './chat';

export interface SlackSettings {
  readonly botToken?: string;
  readonly signingSecret?: string;
  /** Socket Mode: no public URL needed. */
  readonly appToken?: string;
  /** OAuth install into several workspaces; tokens are then read from the Store. */
  readonly oauth?: { readonly clientId: string; readonly clientSecret: string; readonly stateSecret: string };
  /** The Web API's base URL (ends in `/api/`), for tests and proxies. */
  readonly apiUrl?: string;
  readonly port: number;
  /**
   * How long a request may take before it is acknowledged anyway (a form's submission
   * then without field errors, its answer following as a message); 2.5 s (Slack allows 3).
   */
  readonly submissionBudgetMs?: number;
}

export interface SlackRuntime {
  readonly core: Core;
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  /** Whether the database answers, for `GET /healthz`. */
  health(): Promise<boolean>;
}

/**
 * Every Web API client Setwise makes: rate limits come back as errors for the outbox
 * to retry, rather than the client sleeping with the queue held.
 */
export const clientOptions = (settings: Pick<SlackSettings, 'apiUrl'>, logger: BoltLogger) => ({
  ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
  rejectRateLimitedCalls: true,
  retryConfig: { retries: 0 },
  // A stalled call must end well inside the scheduler's lease, or another instance would send again.
  timeout: 10_000,
  logger,
});

/** Every secret the adapter holds, for the logger to blank wherever it shows up in a line. */
export const secretsOf = (settings: SlackSettings): string[] =>
  [settings.botToken, settings.signingSecret, settings.appToken, settings.oauth?.clientSecret, settings.oauth?.stateSecret].filter((x): x is string => Boolean(x));

/**
 * The clients Bolt makes for connecting rather than sending (Socket Mode's
 * apps.connections.open, the OAuth code exchange): they keep the Web API client's
 * own retries, so a blip does not stop Socket Mode from reconnecting.
 */
const connectionOptions = (settings: Pick<SlackSettings, 'apiUrl'>, logger: BoltLogger) => ({ ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}), logger });

function healthRoute(runtime: SlackRuntime): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      void runtime.health().then(
        (ok) => {
          res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: ok ? 'ok' : 'database unavailable', adapter: 'slack' }));
        },
        () => {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 'database unavailable', adapter: 'slack' }));
        },
      );
    },
  };
}

function boltOptions(settings: SlackSettings, runtime: SlackRuntime) {
  const logger = boltLogger(runtime.log, secretsOf(settings));
  const common = {
    logger,
    // Bolt checks a bot token with auth.test when it initializes: deferred, so start-up
    // awaits it and a refused token stops Setwise with one line, instead of a crash later.
    deferInitialization: true,
    clientOptions: clientOptions(settings, logger),
    customRoutes: [healthRoute(runtime)],
  };
  const auth = settings.oauth
    ? {
        clientId: settings.oauth.clientId,
        clientSecret: settings.oauth.clientSecret,
        stateSecret: settings.oauth.stateSecret,
        scopes: Object.keys(BOT_SCOPES),
        installationStore: installationStore(runtime.store, () => runtime.clock.now()),
        installerOptions: {
          installPath: '/slack/install',
          redirectUriPath: '/slack/oauth_redirect',
          directInstall: true,
          clientOptions: connectionOptions(settings, logger),
          ...(settings.apiUrl ? { authorizationUrl: new URL('/oauth/v2/authorize', settings.apiUrl).toString() } : {}),
          port: settings.port,
        },
      }
    : { token: settings.botToken, ...(settings.appToken ? { installerOptions: { port: settings.port, clientOptions: connectionOptions(settings, logger) } } : {}) };
  if (settings.appToken) return { ...common, ...auth, socketMode: true, appToken: settings.appToken };
  // HTTP: Bolt's own receiver, made here only to set its body limit (App does not pass one on).
  // Everything Bolt would give it, it is given; the OAuth installer rides on it, and App
  // takes its authorize from there. A token, without OAuth, stays with App.
  const { token, ...installer } = auth as typeof auth & { token?: string };
  const receiver = new HTTPReceiver({
    signingSecret: settings.signingSecret!,
    endpoints: '/slack/events',
    port: settings.port,
    customRoutes: common.customRoutes,
    logger,
    bodyLimit: MAX_BODY_BYTES,
    // A signed body Bolt cannot read is answered 400, never 500 or a crash (receiver.ts).
    processEventErrorHandler: refuseUnreadable,
    ...(settings.oauth ? installer : {}),
  });
  refuseNonObjects(receiver, { endpoint: '/slack/events', signingSecret: settings.signingSecret!, bodyLimit: MAX_BODY_BYTES, logger });
  const { customRoutes: _routes, ...rest } = common;
  return { ...rest, receiver, ...(token !== undefined ? { token } : {}) };
}

/**
 * The largest body /slack/events takes: Slack's payloads (a modal's submission with
 * every field at its limit) are far smaller. A bigger one is answered 413 from its
 * Content-Length, or as soon as a chunked body passes it, before anything is parsed.
 */
export const MAX_BODY_BYTES = 512 * 1024;

export function createSlackApp(settings: SlackSettings, runtime: SlackRuntime): App {
  const app = new App(boltOptions(settings, runtime));
  const { core, store, clock, log } = runtime;

  const budgetMs = settings.submissionBudgetMs ?? 2_500;

  /**
   * Slack's acknowledgement of a command or a button, sent once the core has stored what
   * it changed, so a request Slack saw acknowledged is never lost to a crash after it
   * (Slack does not send a command again); or at the budget, if the core is slow, and the
   * answer follows. Sent once either way.
   */
  function acknowledger(ack: () => Promise<void>): () => Promise<void> {
    let sent: Promise<void> | undefined;
    const send = () => (sent ??= ack().catch((error: unknown) => log.warn({ err: error }, 'could not acknowledge a Slack request')));
    const late = setTimeout(() => void send(), budgetMs);
    return () => (clearTimeout(late), send());
  }

  /** Hands one Incoming to the core and delivers its reply; then the person's App Home shows the change. */
  async function run(make: () => Promise<Incoming>, ctx: ReplyContext, acknowledge: () => Promise<void> = async () => {}): Promise<void> {
    try {
      const asked = await make();
      const reply = await core.handle(asked);
      await acknowledge();
      if (reply.duplicate) return; // handled when it first came: nothing to send or redraw
      await deliver(reply, ctx);
      // After an erase too: the overview only reads, so it shows a person who is no longer there.
      await publishHome(ctx.client, ctx.team, ctx.user, asked.actor);
      // A change the whole set sees changes its members' Homes too.
      if (reply.visibility === 'public' && ctx.where.kind === 'channel') await publishSetHomes(ctx.client, ctx.team, ctx.where.id, ctx.user);
    } catch (error) {
      await acknowledge();
      log.error({ err: error, team: ctx.team }, 'could not answer a Slack request');
      await ctx.respond?.({ response_type: 'ephemeral', text: 'Something went wrong on my side. Please try again in a moment.' }).catch(() => {});
    }
  }

  /** Redraws the Home of every member of the set in `channelId` but `except` (drawn already). */
  async function publishSetHomes(client: WebClient, team: string, channelId: string, except: string): Promise<void> {
    try {
      const set = await store.sets.findOpenByChannel(await workspaceIdOf(store, team), channelId);
      if (!set) return;
      for (const { person } of await store.memberships.list(set.id)) {
        if (person.platformUserId === except) continue;
        await publishHome(client, team, person.platformUserId, { userId: person.platformUserId, displayName: person.displayName });
      }
    } catch (error) {
      log.warn({ err: error, team }, 'could not refresh the App Homes of a set');
    }
  }

  /** Home redraws under way, per person: each waits for the one before, so an older overview never lands last. */
  const drawing = new Map<string, Promise<void>>();

  async function publishHome(client: WebClient, team: string, user: string, known?: Identity): Promise<void> {
    const key = `${team}:${user}`;
    const mine = (drawing.get(key) ?? Promise.resolve()).then(() => drawHome(client, team, user, known));
    drawing.set(key, mine);
    try {
      await mine;
    } finally {
      if (drawing.get(key) === mine) drawing.delete(key);
    }
  }

  async function drawHome(client: WebClient, team: string, user: string, known?: Identity): Promise<void> {
    try {
      // The overview needs only who they are: the stored profile will do, no lookup.
      const actor = known ?? (await identify(store, client, team, user, clock.now(), undefined, { offline: true }));
      const view = renderHome(await core.overview('slack', team, actor));
      await slackCall(() => client.views.publish({ user_id: user, view }));
    } catch (error) {
      log.warn({ err: error, team }, 'could not refresh an App Home');
    }
  }

  /**
   * A request that does not say who sent it or from which workspace, which Slack's always
   * do: nothing is done, and the sender hears why where there is a way back.
   */
  async function unattributed(acknowledge: () => Promise<void>, respond: RespondFn | undefined): Promise<void> {
    await acknowledge();
    log.warn({}, 'a Slack request without a workspace or a person: nothing done');
    await respond?.({ response_type: 'ephemeral', text: 'Slack did not say who sent that or from which workspace, so I did nothing.' }).catch(() => {});
  }

  /** A command as the core reads it: Slack's mentions become the core's, each person looked up. */
  async function commandFrom(client: WebClient, team: string, user: string, where: Where, raw: string, eventId: string | undefined, hint?: string): Promise<Incoming> {
    const now = clock.now();
    const { text, mentioned } = readMentions(raw);
    const actor = await identify(store, client, team, user, now, hint);
    const mentions = await Promise.all(mentioned.map(async (m) => ({ token: `@${m.userId}`, identity: await identify(store, client, team, m.userId, now, m.hint) })));
    // A bare `/setwise` is a request for help.
    return incoming({ team, eventId, actor, where, payload: commandPayload(text.trim() || 'help', mentions) });
  }

  app.command('/setwise', async ({ command, ack, respond, client, context }) => {
    const acknowledge = acknowledger(ack);
    // Every field read as Slack sends it: a forged one (missing, doubled, empty) is not let through as it is.
    const team = slackId(command.team_id);
    const user = slackId(command.user_id);
    if (!team || !user) return unattributed(acknowledge, respond);
    const text = stringOf(command.text) ?? '';
    const trigger = filled(command.trigger_id);
    const where = whereOf(team, slackId(command.channel_id), stringOf(command.channel_name), user);
    await run(() => commandFrom(client, team, user, where, text, trigger && `command:${trigger}`, stringOf(command.user_name)), {
      client,
      team,
      user,
      where,
      respond,
      triggerId: trigger,
      botUserId: context.botUserId,
      command: text,
      log,
    }, acknowledge);
  });

  app.action(/.*/, async ({ body, action, ack, respond, client, context }) => {
    if (body.type !== 'block_actions' || action.type !== 'button') return void (await ack());
    const acknowledge = acknowledger(ack);
    // Read as Slack sends them, as a command's fields are.
    const team = slackId(body.team?.id) ?? slackId(body.user?.team_id);
    const user = slackId(body.user?.id);
    if (!team || !user) return unattributed(acknowledge, body.response_url ? respond : undefined);
    // A click in the App Home has no conversation: its answer goes to the person's DM.
    const where = body.channel ? whereOf(team, slackId(body.channel.id), stringOf(body.channel.name), user) : dmWhere(team, user);
    const container = body.container as { type?: unknown; channel_id?: unknown; message_ts?: unknown } | undefined;
    const [channelId, messageTs] = [slackId(container?.channel_id), slackTs(container?.message_ts)];
    const source = container?.type === 'message' && channelId && messageTs ? { address: where.address, ref: messageRef(team, channelId, messageTs) } : undefined;
    const button = action as ButtonAction;
    const value = stringOf(button.value) ?? '';
    const trigger = filled(body.trigger_id);
    const ctx: ReplyContext = { client, team, user, where, ...(body.response_url ? { respond } : {}), triggerId: trigger, botUserId: context.botUserId, log };
    const eventId = trigger && `action:${trigger}`;
    const name = stringOf(body.user.name);
    if (actionIdOf(button.action_id) === OPEN_FORM) {
      // The clicker's own command again, now with a trigger to open its form.
      await run(() => commandFrom(client, team, user, where, value, eventId, name), { ...ctx, command: value }, acknowledge);
      return;
    }
    await run(
      async () =>
        incoming({
          team,
          eventId,
          actor: await identify(store, client, team, user, clock.now(), name),
          where,
          payload: { type: 'action', actionId: actionIdOf(button.action_id), value },
          source,
        }),
      ctx,
      acknowledge,
    );
  });

  app.view(/.*/, async ({ body, view, ack, client, context }) => {
    // Read as Slack sends them; a submission that does not say whose it is has no one to answer.
    const team = slackId(body.team?.id) ?? slackId(body.user?.team_id);
    const user = slackId(body.user?.id);
    if (!team || !user) return unattributed(() => ack(), undefined);
    const where = readOrigin(stringOf(view.private_metadata), team, user);
    const ctx: ReplyContext = { client, team, user, where, botUserId: context.botUserId, log };
    let acked = false;
    const ackOnce = async (response?: { response_action: 'errors'; errors: Record<string, string> }) => {
      if (acked) return;
      acked = true;
      await (response ? ack(response) : ack());
    };
    // Slack waits three seconds for this answer, which alone can show errors on the
    // fields; past that the form is acknowledged and the answer follows as a message.
    const late = setTimeout(() => void ackOnce().catch(() => {}), budgetMs);
    try {
      // The stored profile will do: a users.info call here would eat into the three seconds.
      const actor = await identify(store, client, team, user, clock.now(), stringOf(body.user.name), { offline: true });
      const reply = await core.handle(
        incoming({
          team,
          // Not deduplicated: Slack waits for this answer rather than retrying, and a form
          // sent back with the same answers after an error must be checked again.
          eventId: undefined,
          actor,
          where,
          payload: { type: 'form', formId: view.callback_id, values: readModalValues(view.state?.values) },
        }),
      );
      clearTimeout(late);
      if (reply.fieldErrors && !acked) {
        // Only the modal's own inputs can carry an error, or Slack refuses the whole answer.
        const blocks: unknown[] = Array.isArray(view.blocks) ? view.blocks : [];
        const inputs = (blocks as ({ type?: unknown; block_id?: unknown } | null)[]).flatMap((b) => (b?.type === 'input' && filled(b.block_id) ? [b.block_id as string] : []));
        await ackOnce({ response_action: 'errors', errors: fieldErrorsFor(reply.fieldErrors, inputs.length ? inputs : undefined) });
        return;
      }
      await ackOnce();
      await deliver(reply, ctx);
      await publishHome(client, team, user, actor);
    } catch (error) {
      clearTimeout(late);
      log.error({ err: error, team }, 'could not answer a Slack form');
      if (!acked) await ackOnce().catch(() => {});
      // The modal has closed either way: the person hears what happened.
      await slackCall(() => client.chat.postMessage({ channel: user, text: 'Something went wrong on my side with that form. Please try again in a moment.' })).catch(() => {});
    }
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    const [team, user] = [slackId(body.team_id), slackId(event.user)];
    if (event.tab !== 'home' || !team || !user) return;
    await publishHome(client, team, user);
  });

  app.message(async ({ message, body, client, context }) => {
    // Only what a person types in their own DM with the app is a command.
    if (message.channel_type !== 'im' || message.subtype !== undefined || !('user' in message)) return;
    const team = slackId(body.team_id);
    const user = slackId(message.user);
    if (!team || !user) return;
    const raw = stringOf(message.text) ?? '';
    const where = dmWhere(team, user);
    const eventId = filled(body.event_id);
    await run(() => commandFrom(client, team, user, where, raw, eventId && `event:${eventId}`), { client, team, user, where, botUserId: context.botUserId, command: raw, log });
  });

  // Removed from a workspace: its tokens are no use to anyone, so they go.
  app.event('app_uninstalled', async ({ body }) => {
    await forgetInstallation(body.team_id, body.enterprise_id, body.is_enterprise_install);
  });
  app.event('tokens_revoked', async ({ event, body }) => {
    // `tokens` read with care: a forged event's may be missing (found by test/adapters/slack/fuzz.test.ts).
    if (Array.isArray(event.tokens?.bot) && event.tokens.bot.length > 0) await forgetInstallation(body.team_id, body.enterprise_id, body.is_enterprise_install);
  });

  async function forgetInstallation(teamId: string | undefined, enterpriseId: string | undefined, isEnterpriseInstall: boolean | undefined): Promise<void> {
    if (!settings.oauth) return;
    try {
      const key = isEnterpriseInstall ? { isEnterpriseInstall: true as const, enterpriseId: enterpriseId!, teamId: undefined } : { isEnterpriseInstall: false as const, enterpriseId, teamId: teamId! };
      await installationStore(store).deleteInstallation!(key);
      log.info({ team: teamId, enterprise: enterpriseId }, 'Slack installation removed');
    } catch (error) {
      log.warn({ err: error, team: teamId }, 'could not remove a Slack installation');
    }
  }

  app.error(async (error) => {
    log.error({ err: error }, 'Slack request failed');
  });

  return app;
}

