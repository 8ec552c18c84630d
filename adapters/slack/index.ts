/**
 * The Slack adapter as main.ts sees it: the outbound chat port with Slack's limits,
 * and the app that receives, to start once the core exists.
 */
import { WebClient } from '@slack/web-api';
import type { Store } from '../../src/ports/store';
import type { Logger } from '../../src/ports/logger';
import { boltLogger } from './log';
import { clientOptions, createSlackApp, secretsOf, type SlackRuntime, type SlackSettings } from './app';
import { SlackChat, type ClientFor } from './chat';
import { botTokenFor } from './installations';

export { SLACK_LIMITS } from './pace';
export type { SlackRuntime, SlackSettings } from './app';

/** One bot token for the simple path; each workspace's own, from the Store, once installed by OAuth. */
export function clientsFor(settings: SlackSettings, store: Store, log: Logger): ClientFor {
  const options = clientOptions(settings, boltLogger(log, secretsOf(settings)));
  if (!settings.oauth) {
    const client = new WebClient(settings.botToken, options);
    return async () => client;
  }
  return async (team) => new WebClient(await botTokenFor(store, team), options);
}

export const slackChat = (settings: SlackSettings, store: Store, log: Logger): SlackChat => new SlackChat(clientsFor(settings, store, log));

/** Starts receiving: HTTP on `settings.port`, or Socket Mode. Resolves once Slack can reach Setwise. */
export async function startSlack(settings: SlackSettings, runtime: SlackRuntime): Promise<{ stop(): Promise<void> }> {
  const app = createSlackApp(settings, runtime);
  try {
    await app.init();
  } catch (error) {
    // The bot token's auth.test. The one line says which setting Slack refused, never its
    // value; Slack unreachable is said as such, not blamed on the token.
    const refused = (error as { data?: { error?: string } }).data?.error;
    if (refused) throw new Error(`SLACK_BOT_TOKEN: Slack did not accept it (${refused})`, { cause: error });
    throw new Error(`could not reach Slack to check SLACK_BOT_TOKEN (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  await app.start();
  return { stop: () => app.stop() as Promise<void> };
}
