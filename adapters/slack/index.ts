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
    // The bot token's auth.test: the one line says which setting Slack refused, never its value.
    const code = (error as { data?: { error?: string }; code?: string }).data?.error ?? (error as { code?: string }).code ?? 'no answer';
    throw new Error(`SLACK_BOT_TOKEN: Slack did not accept it (${code})`);
  }
  await app.start();
  return { stop: () => app.stop() as Promise<void> };
}
