/**
 * Bolt's logger interface on Setwise's logger. Bolt and the Web API client log what
 * they see; any Slack token in that text is blanked before it is written.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/ports/logger';

// No word boundary: a token glued to other text (URL-encoded, say) is still a token.
const TOKEN = /x(?:ox[a-z]|app)-[A-Za-z0-9-]+/g;

/** `text` without anything shaped like a Slack token (bot, user, app-level, refresh). */
export const withoutTokens = (text: string): string => text.replace(TOKEN, '[secret]');

/** `client_secret=...` or `"client_secret":"..."`, as the OAuth exchange's debug lines show the request. */
const CLIENT_SECRET = /(client_secret["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi;

const shown = (p: unknown): string => {
  if (p instanceof Error) return p.message;
  if (typeof p === 'string') return p;
  try {
    return JSON.stringify(p) ?? String(p);
  } catch {
    return String(p); // circular: the gist is enough
  }
};

/**
 * Bolt's logger on Setwise's: every line loses Slack tokens, the OAuth client secret
 * and each configured secret, however the library happened to print them.
 */
export function boltLogger(log: Logger, secrets: readonly string[] = []): BoltLogger {
  const line = (parts: unknown[]): string => {
    let text = withoutTokens(parts.map(shown).join(' ')).replace(CLIENT_SECRET, '$1[secret]');
    for (const secret of secrets) text = text.split(secret).join('[secret]');
    return text;
  };
  let level = LogLevel.INFO;
  return {
    debug: (...msg) => log.debug({ source: 'slack' }, line(msg)),
    info: (...msg) => log.info({ source: 'slack' }, line(msg)),
    warn: (...msg) => log.warn({ source: 'slack' }, line(msg)),
    error: (...msg) => log.error({ source: 'slack' }, line(msg)),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}
