/**
 * Setwise's Slack adapter, wired as main.ts wires it but on a manual clock and a
 * fresh database, listening on a free port, with everything it logs kept for
 * inspection. Outbound calls go to the fake Slack given.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { App } from '@slack/bolt';
import { createSlackApp, type SlackSettings } from '../../../adapters/slack/app';
import { slackChat } from '../../../adapters/slack';
import { createCore } from '../../../src/app/core';
import { nudgeScheduler } from '../../../src/app/scheduling';
import { ManualClock } from '../../../src/ports/clock';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../../../src/prompt-library';
import { runUntil } from '../../../src/scheduler/run-until';
import { REDACT_PATHS } from '../../../src/secrets';
import { sqliteStore, type OpenStore, type StoreFactory } from '../stores';
import type { FakeSlack } from './fake-api';

export const BOT_TOKEN = 'xoxb-1111-2222-setwisetesttoken';
export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export interface SetwiseSlack<S extends OpenStore = OpenStore> {
  /** Where Slack would send requests: `${base}/slack/events`. */
  readonly base: string;
  readonly events: string;
  readonly app: App;
  readonly opened: S;
  readonly clock: ManualClock;
  /** Every log line, as written. */
  readonly logs: string[];
  advanceTo(to: Date): Promise<{ sent: number; skipped: number }>;
  close(): Promise<void>;
}

/** On a fresh SQLite database unless `factory` says otherwise; `file` reopens one (see ../stores.ts). */
export async function startSetwiseSlack<S extends OpenStore = OpenStore>(
  fake: FakeSlack,
  start: Date,
  overrides: Partial<SlackSettings> = {},
  file?: string,
  factory: StoreFactory<S> = sqliteStore as unknown as StoreFactory<S>,
): Promise<SetwiseSlack<S>> {
  const opened = await factory.open(file);
  const { store } = opened;
  const clock = new ManualClock(start);
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (logs.push(chunk.toString()), done()) });
  const log = pino({ level: 'debug', redact: { paths: [...REDACT_PATHS], censor: '[secret]' } }, sink);
  const settings: SlackSettings = { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.url, port: 0, ...overrides };
  const deps = { store, chat: slackChat(settings, store, log), clock, log, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) };
  const core = createCore(deps);
  const scheduler = nudgeScheduler(deps, 'test');
  // Healthy when the database answers, as main.ts checks it.
  const health = async () => (await opened.ping(), true);
  const app = createSlackApp(settings, { core, store, clock, log, health });
  // HTTP mode answers with its server (port 0 picks a free one); Socket Mode serves /healthz on settings.port.
  await app.init(); // as startSlack does: Bolt's initialization is deferred so start-up can await it
  const started = await app.start();
  const base = settings.appToken ? `http://127.0.0.1:${settings.port}` : `http://127.0.0.1:${((started as Server).address() as AddressInfo).port}`;
  return {
    base,
    events: `${base}/slack/events`,
    app,
    opened,
    clock,
    logs,
    advanceTo: (to) => runUntil(scheduler, store.jobs, clock, to),
    async close() {
      await app.stop();
      await opened.close();
    },
  };
}
