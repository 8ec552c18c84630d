/**
 * The wiring of each way Setwise runs (console, Slack, Teams) on an opened store: the
 * one module besides main.ts that sees every part. main.ts owns the process (its
 * configuration, logging and signals); the crash tests run these same functions in a
 * process of their own, on a clock they set.
 *
 * Each platform's adapter (and PostgreSQL's driver) is loaded only when it is the one
 * asked for: Bolt and botbuilder take most of a second to load, which the console, and
 * each other, need not wait for.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { schedule as cronSchedule } from 'node-cron';
import { runConsole } from '../adapters/console/run';
import { ConsoleChat } from '../adapters/console/chat';
import { ConsolePrinter } from '../adapters/console/printer';
import { isBusy, openDatabase } from '../db/client';
import { createSqliteStore } from '../db/store';
import { StoreUnavailable, type Store } from './ports/store';
import { createCore } from './app/core';
import { FloodGuard } from './app/flood';
import { ConfigError, type Config } from './config';
import { nudgeScheduler } from './app/scheduling';
import { ShiftedClock, systemClock, type Clock } from './ports/clock';
import { PacedChat } from './scheduler/pacer';
import type { Deps } from './app/context';
import { guardedTick } from './scheduler/guarded-tick';
import { runUntil } from './scheduler/run-until';
import { withoutCredentials } from './secrets';

/** The store Setwise runs on, and what the process needs of the database beneath it. */
export interface OpenedStore {
  readonly store: Store;
  /** Throws when the database does not answer: what /healthz follows. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function openSqlite(file: string): OpenedStore {
  try {
    const database = openDatabase(file);
    return {
      store: createSqliteStore(database.db),
      ping: async () => void database.sqlite.prepare('SELECT 1').get(),
      close: async () => database.close(),
    };
  } catch (error) {
    throw new ConfigError(`SETWISE_DB: cannot open ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** PostgreSQL, when SETWISE_DATABASE_URL names a server: several instances may share it. */
export async function openServer(url: string): Promise<OpenedStore> {
  const { host, pathname } = new URL(url);
  try {
    const [{ openPostgres }, { createPostgresStore }] = await Promise.all([import('../db/pg/client'), import('../db/pg/store')]);
    const database = await openPostgres(url);
    return { store: createPostgresStore(database.db), ping: database.ping, close: database.close };
  } catch (error) {
    // Where, never who: the URL's credentials are not repeated, nor any the driver quotes.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`SETWISE_DATABASE_URL: cannot use the PostgreSQL database ${pathname.slice(1)} at ${host || 'the local socket'}: ${withoutCredentials(reason)}`);
  }
}

/** A database another process keeps busy, or a server that is not answering, delays work; it never stops Setwise. */
const isUnavailable = (error: unknown) => error instanceof StoreUnavailable || isBusy(error);

export type Common = Pick<Deps, 'store' | 'log' | 'prompts'>;

/** The scheduler on its cron tick: it catches up on anything that fell due while Setwise was stopped first. */
async function startTicking(config: Config, deps: Deps) {
  // Unique among every instance on the database, also containers that share a host name and a pid.
  const scheduler = nudgeScheduler(deps, `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`);
  const tick = guardedTick(() => scheduler.tick(), deps.log, isUnavailable);
  await tick();
  const cron = cronSchedule(config.tick, () => void tick(), { noOverlap: true });
  return { scheduler, stop: () => cron.stop() };
}

/** The local console: its clock is real time that `:advance` can move on. */
export async function runConsoleHere(config: Config, common: Common, filesDir: string): Promise<void> {
  const printer = new ConsolePrinter((text) => void process.stdout.write(`${text}\n`), filesDir);
  const clock = new ShiftedClock();
  const deps: Deps = { ...common, chat: new ConsoleChat(printer), clock };
  const core = createCore(deps);
  const ticking = await startTicking(config, deps);
  try {
    await runConsole({
      core,
      input: process.stdin,
      printer,
      interactive: process.stdin.isTTY === true,
      statePath: config.db === ':memory:' ? undefined : `${config.db}.console.json`,
      now: () => clock.now(),
      advance: async (ms) => {
        const result = await runUntil(ticking.scheduler, deps.store.jobs, clock, new Date(clock.now().getTime() + ms));
        return `it is now ${clock.now().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${result.sent} nudges sent, ${result.skipped} skipped on the way`;
      },
    });
  } finally {
    await ticking.stop();
  }
}

/** Slack: sends paced within Slack's limits; runs until a signal ends the process. */
export async function runSlack(config: Config, common: Common, ping: () => Promise<void>, clock: Clock = systemClock): Promise<void> {
  const settings = { ...config.slack, port: config.port };
  const { slackChat, SLACK_LIMITS, startSlack } = await import('../adapters/slack');
  // One person's flood is slowed, politely, without slowing anyone else (src/app/flood.ts);
  // the console has one person at the keyboard, and no limit.
  const deps: Deps = { ...common, chat: new PacedChat(slackChat(settings, common.store, common.log), SLACK_LIMITS), clock, flood: new FloodGuard() };
  const core = createCore(deps);
  const health = async () => (await ping(), true);
  // Slack first: a refused token or a port in use stops start-up before any nudge goes out.
  const slack = await startSlack(settings, { core, store: common.store, clock, log: common.log, health });
  try {
    await startTicking(config, deps);
  } catch (error) {
    await slack.stop();
    throw error;
  }
  common.log.info({ mode: settings.appToken ? 'socket' : 'http', port: config.port, workspaces: settings.oauth ? 'oauth' : 'one' }, 'Setwise is ready for Slack');
  // The HTTP server or the socket keeps the process alive; a signal ends it (see main).
  await new Promise<never>(() => {});
}

/** Teams: the Bot Framework endpoint on PORT, sends paced within Teams' limits; runs until a signal ends the process. */
export async function runTeams(config: Config, common: Common, ping: () => Promise<void>, clock: Clock = systemClock): Promise<void> {
  const settings = { ...config.teams, port: config.port };
  const { startTeams, teamsAdapter, TEAMS_LIMITS } = await import('../adapters/teams');
  const teams = teamsAdapter(settings, common.store, clock, common.log);
  const deps: Deps = { ...common, chat: new PacedChat(teams.chat, TEAMS_LIMITS), clock, flood: new FloodGuard() };
  const core = createCore(deps);
  // The endpoint first: a port in use stops start-up before any nudge goes out.
  const server = await startTeams(settings, teams, { core, store: common.store, clock, log: common.log, health: async () => (await ping(), true) });
  try {
    await startTicking(config, deps);
  } catch (error) {
    await server.stop();
    throw error;
  }
  common.log.info({ port: server.port, path: '/api/messages', authentication: settings.appId ? 'bot framework' : 'off' }, 'Setwise is ready for Teams');
  await new Promise<never>(() => {});
}
