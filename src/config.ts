import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { withoutCredentials } from './secrets';

/** Start-up refused: one line naming the variable and what is wrong with it. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_DB = './data/setwise.db';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Five or six cron fields; node-cron checks the values themselves when main.ts starts the tick.
const CRON = /^(\S+\s+){4,5}\S+$/;

const schema = z.object({
  SETWISE_ADAPTER: optional(z.enum(['console', 'slack', 'teams'], { message: 'must be console, slack or teams' })),
  SETWISE_DB: z.preprocess(blankToUndefined, z.string().default(DEFAULT_DB)).superRefine((file, ctx) => {
    if (file === ':memory:' || file === DEFAULT_DB) return; // ./data is made on first start
    const dir = dirname(resolve(file));
    if (!existsSync(dir)) ctx.addIssue({ code: 'custom', message: `the directory ${dir} does not exist` });
    else if (!statSync(dir).isDirectory()) ctx.addIssue({ code: 'custom', message: `${dir} is not a directory` });
  }),
  SETWISE_DATABASE_URL: optional(
    z.string().superRefine((raw, ctx) => {
      // Messages name what is wrong, never the URL: it may hold a password.
      const url = URL.canParse(raw) ? new URL(raw) : undefined;
      if (!url) ctx.addIssue({ code: 'custom', message: 'must be a URL such as postgres://host:5432/setwise (user and password before the host, as the server needs)' });
      else if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') ctx.addIssue({ code: 'custom', message: `must start with postgres:// (PostgreSQL is the only server database; leave it unset to use SQLite, SETWISE_DB)` });
      else if (!url.hostname && !url.searchParams.get('host')) ctx.addIssue({ code: 'custom', message: 'must name the server\'s host, as in postgres://host:5432/setwise' });
      else if (!/^\/[^/]+$/.test(url.pathname)) ctx.addIssue({ code: 'custom', message: 'must name the database after the host, as in postgres://host:5432/setwise' });
    }),
  ),
  PORT: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default('3978')
      .refine((s) => /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 65535, { message: 'must be a whole number from 1 to 65535' })
      .transform(Number),
  ),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' }).optional(),
  ),
  SETWISE_PROMPTS: optional(z.string()),
  SETWISE_TICK: z.preprocess(blankToUndefined, z.string().default('* * * * *').refine((s) => CRON.test(s.trim()), { message: 'must be a cron expression of 5 or 6 fields, e.g. "* * * * *"' })),
  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', { message: 'must be a bot token starting with xoxb-' })),
  SLACK_SIGNING_SECRET: optional(z.string().min(16, { message: 'looks too short for a Slack signing secret' })),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', { message: 'must be an app-level token starting with xapp-' })),
  SLACK_CLIENT_ID: optional(z.string().regex(/^\d+\.\d+$/, { message: 'must be a Slack client id such as 1234567890.1234567890' })),
  SLACK_CLIENT_SECRET: optional(z.string().min(16, { message: 'looks too short for a Slack client secret' })),
  SLACK_STATE_SECRET: optional(z.string().min(16, { message: 'must be at least 16 characters, chosen at random' })),
  SLACK_API_URL: optional(
    z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      // Checked only once it is a URL at all (zod runs this check even after the one above fails).
      .refine((u) => !URL.canParse(u) || /\/api\/?$/.test(new URL(u).pathname), { message: 'must be the Web API\'s base URL, ending in /api/ (as https://slack.com/api/ does)' }),
  ),
  MicrosoftAppId: optional(z.string().trim().regex(GUID, { message: 'must be the bot\'s Microsoft app id, a GUID such as 00000000-0000-0000-0000-000000000000' })),
  MicrosoftAppPassword: optional(z.string().min(1)),
  MicrosoftAppType: optional(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], { message: 'must be MultiTenant, SingleTenant or UserAssignedMSI' })),
  MicrosoftAppTenantId: optional(z.string().trim().regex(GUID, { message: 'must be the Microsoft Entra tenant id, a GUID' })),
});

type Env = z.infer<typeof schema>;
export type Adapter = 'console' | 'slack' | 'teams';

export interface Config {
  readonly adapter: Adapter;
  readonly db: string;
  /** PostgreSQL instead of SQLite (several instances on one database); holds credentials: never log it. */
  readonly databaseUrl: string | undefined;
  readonly port: number;
  /** Explicit LOG_LEVEL, or undefined to let the adapter choose (the console keeps quiet). */
  readonly logLevel: Env['LOG_LEVEL'];
  readonly tick: string;
  /** A folder of prompt files to use instead of the shipped library. */
  readonly promptsDir: string | undefined;
  readonly slack: {
    readonly botToken?: string;
    readonly signingSecret?: string;
    readonly appToken?: string;
    /** Set when installing into several workspaces by OAuth. */
    readonly oauth?: { readonly clientId: string; readonly clientSecret: string; readonly stateSecret: string };
    /** The Web API's base URL, ending in `/`. */
    readonly apiUrl?: string;
  };
  readonly teams: { readonly appId?: string; readonly appPassword?: string; readonly appType?: string; readonly tenantId?: string };
}

/** With SETWISE_ADAPTER unset, the credentials present choose: Slack, then Teams, else the console. */
function chooseAdapter(env: Env): Adapter {
  if (env.SETWISE_ADAPTER) return env.SETWISE_ADAPTER;
  if (env.SLACK_BOT_TOKEN || env.SLACK_CLIENT_ID) return 'slack';
  if (env.MicrosoftAppId) return 'teams';
  return 'console';
}

function requireCredentials(adapter: Adapter, env: Env): void {
  if (adapter === 'slack') {
    const oauth = [env.SLACK_CLIENT_ID, env.SLACK_CLIENT_SECRET, env.SLACK_STATE_SECRET];
    if (oauth.some(Boolean) && !oauth.every(Boolean)) {
      const missing = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'].find((_, i) => !oauth[i])!;
      throw new ConfigError(`${missing}: required to install into several workspaces (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together)`);
    }
    if (env.SLACK_BOT_TOKEN && oauth.every(Boolean)) {
      throw new ConfigError('SLACK_BOT_TOKEN: leave it unset when installing into several workspaces: each workspace gets its own token when it installs Setwise');
    }
    if (!env.SLACK_BOT_TOKEN && !oauth.every(Boolean)) {
      throw new ConfigError('SLACK_BOT_TOKEN: required for the Slack adapter (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install into several workspaces)');
    }
    if (!env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      throw new ConfigError('SLACK_SIGNING_SECRET: required for the Slack adapter in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
    }
  }
  if (adapter === 'teams' && env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new ConfigError('MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  if (adapter === 'teams' && !env.MicrosoftAppId && (env.MicrosoftAppPassword || env.MicrosoftAppTenantId)) {
    throw new ConfigError('MicrosoftAppId: required when MicrosoftAppPassword or MicrosoftAppTenantId is set (leave all unset to run without authentication, for local testing)');
  }
  if (adapter === 'teams' && env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
    throw new ConfigError('MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
  }
}

/** `message` with the credentials of `raw` (all between its scheme and its last `@`) hidden, however they were quoted. */
function hideCredentialsOf(raw: string | undefined, message: string): string {
  const at = raw?.lastIndexOf('@') ?? -1;
  const credentials = at > 0 ? raw!.slice(0, at).replace(/^[a-z][\w+.-]*:\/*/i, '') : '';
  return withoutCredentials(credentials ? message.split(credentials).join('***') : message);
}

/** Reads and checks the environment; throws ConfigError with one line on the first problem. */
export function loadConfig(source: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    const raw = source[name];
    // Never echo a secret back, even a malformed one, nor the credentials in a URL, even
    // in a message built from it (a path's directory).
    const shown = raw === undefined || /TOKEN|SECRET|PASSWORD|DATABASE_URL/i.test(name) ? '' : ` (got "${raw}")`;
    throw new ConfigError(hideCredentialsOf(raw, `${name}: ${issue.message}${shown}`));
  }
  const env = parsed.data;
  const adapter = chooseAdapter(env);
  requireCredentials(adapter, env);
  return {
    adapter,
    db: env.SETWISE_DB,
    databaseUrl: env.SETWISE_DATABASE_URL,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    tick: env.SETWISE_TICK.trim(),
    promptsDir: env.SETWISE_PROMPTS,
    slack: {
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      appToken: env.SLACK_APP_TOKEN,
      ...(env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET
        ? { oauth: { clientId: env.SLACK_CLIENT_ID, clientSecret: env.SLACK_CLIENT_SECRET, stateSecret: env.SLACK_STATE_SECRET } }
        : {}),
      apiUrl: env.SLACK_API_URL && (env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`),
    },
    teams: { appId: env.MicrosoftAppId, appPassword: env.MicrosoftAppPassword, appType: env.MicrosoftAppType, tenantId: env.MicrosoftAppTenantId },
  };
}
