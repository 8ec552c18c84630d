/**
 * Keeping secrets out of what Setwise prints and logs: credentials inside URLs
 * (`https://user:password@host`) and the secret fields of any object logged,
 * however deeply nested.
 */

/**
 * `text` with anything that may be a URL's credentials hidden: before each `@`, all back
 * to the scheme or a `/` (`ftp://user:p@ss@x` -> `ftp://***@x`, also `scheme:/user:pw@host`
 * as a path resolver writes it). An e-mail address, or an `@` in a path, is hidden too:
 * in an error message, saying too little is the safe side.
 */
export const withoutCredentials = (text: string): string => text.replace(/([a-z][\w+.-]*:\/{0,2})?[^\s"'()/]*@/gi, (_all, scheme: string | undefined) => `${scheme ?? ''}***@`);

const SECRET_KEYS = [
  'token', 'botToken', 'appToken', 'signingSecret', 'clientSecret', 'stateSecret', 'appPassword', 'password', 'secret', 'databaseUrl',
  // As platforms and HTTP spell them.
  'authorization', 'Authorization', 'cookie', 'Cookie', 'MicrosoftAppPassword', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SETWISE_DATABASE_URL',
];

/**
 * pino redaction paths for every secret key at the top level and up to four levels
 * down (pino's `*` stands for one level): an HTTP header is one of those keys.
 */
export const REDACT_PATHS: readonly string[] = SECRET_KEYS.flatMap((key) => [0, 1, 2, 3, 4].map((depth) => [...Array<string>(depth).fill('*'), key].join('.')));
