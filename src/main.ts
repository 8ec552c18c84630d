/**
 * Composition root: the process. It reads the configuration, sets up logging and
 * signals, opens the store and runs the chosen adapter, wired in ./serve.ts.
 * Start-up problems end the process with one line on stderr.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { constants, tmpdir } from 'node:os';
import { validate as isCronExpression } from 'node-cron';
import pino from 'pino';
import { ConfigError, DEFAULT_DB, loadConfig, type Config } from './config';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary, PromptFileError } from './prompt-library';
import { openServer, openSqlite, runConsoleHere, runSlack, runTeams } from './serve';
import { REDACT_PATHS, withoutCredentials } from './secrets';

function configure(): Config {
  // A local .env (copied from .env.example) fills in what the real environment leaves unset.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  if (!isCronExpression(config.tick)) throw new ConfigError(`SETWISE_TICK: not a valid cron expression (got "${config.tick}")`);
  return config;
}

async function main(): Promise<void> {
  const config = configure();
  // The console shares the terminal with its chat, so it only logs warnings unless asked.
  const log = pino(
    {
      level: config.logLevel ?? (config.adapter === 'console' ? 'warn' : 'info'),
      redact: { paths: [...REDACT_PATHS], censor: '[secret]' },
    },
    pino.destination(2),
  );
  const prompts = loadPromptLibrary(config.promptsDir ?? DEFAULT_PROMPTS_DIR);
  // The database holds everyone's challenges and journals: only this account may read
  // what Setwise creates (a SQLite file and its log, the files it hands over).
  process.umask(0o077);
  // ./data, made on first start, holds the SQLite file; on PostgreSQL only the console's
  // state and files (kept where SETWISE_DB would be), so the other adapters make nothing.
  if (config.db === DEFAULT_DB && (!config.databaseUrl || config.adapter === 'console')) mkdirSync(dirname(resolve(config.db)), { recursive: true, mode: 0o700 });
  const database = config.databaseUrl ? await openServer(config.databaseUrl) : openSqlite(config.db);
  // Files the bot hands over (calendars, exports) go in a private folder of the database's
  // own; an in-memory database gets a private folder that goes when it does, however it ends.
  const memoryFiles = config.db === ':memory:' ? mkdtempSync(join(tmpdir(), 'setwise-')) : undefined;
  const removeMemoryFiles = () => memoryFiles && rmSync(memoryFiles, { recursive: true, force: true });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeMemoryFiles();
      void database.close().finally(() => process.exit(128 + constants.signals[signal]));
      // A pool that will not close promptly does not hold the exit up.
      setTimeout(() => process.exit(128 + constants.signals[signal]), 2000).unref();
    });
  }
  try {
    const common = { store: database.store, log, prompts };
    if (config.adapter === 'slack') await runSlack(config, common, database.ping);
    else if (config.adapter === 'teams') await runTeams(config, common, database.ping);
    else await runConsoleHere(config, common, memoryFiles ?? `${resolve(config.db)}.files`);
  } finally {
    removeMemoryFiles();
    await database.close();
  }
}

// A reader that goes away (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof PromptFileError ? error.message : `could not start: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`setwise: ${withoutCredentials(message)}\n`);
  process.exitCode = 1;
  // Whatever a half-finished start left running (a timer, a socket) must not keep the process up.
  setTimeout(() => process.exit(1), 1000).unref();
});
