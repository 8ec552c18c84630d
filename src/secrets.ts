/**
 * Keeping secrets out of what Setwise prints and logs: credentials inside URLs
 * (`https://user:password@host`) and the secret fields of any object logged,
 * however deeply nested.
 */

/** Any `scheme://user:password@` (or `scheme://token@`) in `text`, with the credentials hidden. */
export const withoutCredentials = (text: string): string => text.replace(/([a-z][\w+.-]*:\/\/)[^\s/@]*@/gi, '$1***@');

const SECRET_KEYS = ['token', 'botToken', 'appToken', 'signingSecret', 'clientSecret', 'stateSecret', 'appPassword', 'password', 'secret', 'authorization', 'cookie', 'databaseUrl'];

/**
 * pino redaction paths for every secret key at the top level and up to four levels
 * down (pino's `*` stands for one level), plus HTTP headers wherever they appear.
 */
export const REDACT_PATHS: readonly string[] = SECRET_KEYS.flatMap((key) => [0, 1, 2, 3, 4].map((depth) => [...Array<string>(depth).fill('*'), key].join('.')));
