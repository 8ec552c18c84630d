/**
 * `npm run teams:package [path]`: builds the Teams app package (default
 * dist/teams/setwise-teams.zip) for the bot whose MicrosoftAppId is in the
 * environment (or .env). A bad setting stops it with one line naming the variable.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildPackage, readSettings } from './teams-package/build';

try {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const settings = readSettings(process.env);
  const out = resolve(process.argv[2] ?? 'dist/teams/setwise-teams.zip');
  const { zip } = buildPackage(settings);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  process.stdout.write(`wrote ${out} for bot ${settings.MicrosoftAppId} (developer ${settings.SETWISE_TEAMS_DEVELOPER}, ${settings.SETWISE_TEAMS_WEBSITE})\n`);
} catch (error) {
  process.stderr.write(`teams:package: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
