/**
 * Setwise on Slack or Teams in a process of its own, wired by the very functions `npm
 * start` runs (src/serve.ts: the adapter's HTTP endpoint, the paced outbox, the cron
 * tick, SQLite or PostgreSQL as the environment says), on a clock that starts at
 * CHILD_NOW and runs on in real time: a test can then kill it at any moment of a
 * fan-out that falls due at that instant. It logs as main.ts does, to stderr.
 */
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { ShiftedClock } from '../../src/ports/clock';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../../src/prompt-library';
import { REDACT_PATHS } from '../../src/secrets';
import { openServer, openSqlite, runSlack, runTeams } from '../../src/serve';

const config = loadConfig(process.env);
const log = pino({ level: config.logLevel ?? 'info', redact: { paths: [...REDACT_PATHS], censor: '[secret]' } }, pino.destination(2));
const clock = new ShiftedClock();
clock.moveTo(new Date(process.env.CHILD_NOW!));
const database = config.databaseUrl ? await openServer(config.databaseUrl) : openSqlite(config.db);
const common = { store: database.store, log, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) };
process.once('SIGTERM', () => void database.close().finally(() => process.exit(143)));
if (config.adapter === 'teams') await runTeams(config, common, database.ping, clock);
else await runSlack(config, common, database.ping, clock);
