/**
 * Setwise's Teams adapter, wired as main.ts wires it but on a manual clock and a
 * database of the test's, listening on a free port, with everything it logs kept.
 * Activities are posted to it over HTTP; what it sends goes to the fake connector
 * named as their serviceUrl.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { startTeams, teamsAdapter, type TeamsSettings } from '../../../adapters/teams';
import { createCore } from '../../../src/app/core';
import { nudgeScheduler } from '../../../src/app/scheduling';
import { ManualClock } from '../../../src/ports/clock';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../../../src/prompt-library';
import { runUntil } from '../../../src/scheduler/run-until';
import { REDACT_PATHS } from '../../../src/secrets';
import { sqliteStore, type OpenSqliteStore } from '../stores';

export interface SetwiseTeams {
  readonly url: string;
  readonly opened: OpenSqliteStore;
  readonly clock: ManualClock;
  readonly logs: string[];
  /** Posts one activity as the Bot Framework would; gives back the HTTP status and body. */
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  advanceTo(to: Date): Promise<{ sent: number; skipped: number }>;
  close(): Promise<void>;
}

export async function startSetwiseTeams(start: Date, overrides: Partial<TeamsSettings> = {}, file?: string): Promise<SetwiseTeams> {
  const opened = await sqliteStore.open(file);
  const { store } = opened;
  const clock = new ManualClock(start);
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (logs.push(chunk.toString()), done()) });
  const log = pino({ level: 'debug', redact: { paths: [...REDACT_PATHS], censor: '[secret]' } }, sink);
  const settings: TeamsSettings = { port: 0, host: '127.0.0.1', ...overrides };
  const teams = teamsAdapter(settings, store, clock, log);
  const deps = { store, chat: teams.chat, clock, log, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) };
  const core = createCore(deps);
  const scheduler = nudgeScheduler(deps, 'test');
  const health = async () => (opened.database.sqlite.prepare('SELECT 1').get(), true);
  const server = await startTeams(settings, teams, { core, store, clock, log, health });
  const url = `http://127.0.0.1:${server.port}`;
  return {
    url,
    opened,
    clock,
    logs,
    async post(activity, headers = {}) {
      const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    advanceTo: (to) => runUntil(scheduler, store.jobs, clock, to),
    async close() {
      await server.stop();
      opened.close();
    },
  };
}
