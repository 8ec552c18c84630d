/**
 * Bolt's logger interface on Setwise's logger. Bolt and the Web API client log what
 * they see; any Slack token in that text is blanked before it is written.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/ports/logger';

const TOKEN = /\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g;

/** `text` without anything shaped like a Slack token (bot, user, app-level, refresh). */
export const withoutTokens = (text: string): string => text.replace(TOKEN, '[secret]');

const line = (parts: unknown[]): string =>
  withoutTokens(parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' '));

export function boltLogger(log: Logger): BoltLogger {
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
