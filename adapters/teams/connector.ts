/**
 * botbuilder's CloudAdapter, set up for Setwise: Bot Framework authentication from
 * the environment's Microsoft* settings (none: no authentication, for local testing),
 * and connector clients that do not retry on their own. The Azure pipeline under the
 * connector would sleep through a 429's Retry-After and retry 5xx three times inside
 * one send, holding the nudge queue; Setwise's outbox retries instead, with backoff,
 * and can tell the facilitator when a nudge finally fails.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { SetwiseCloudAdapter } from './server';
import { RateLimited, Undeliverable } from '../../src/ports/chat';

export interface TeamsCredentials {
  readonly appId?: string;
  readonly appPassword?: string;
  readonly appType?: string;
  readonly tenantId?: string;
}

type Factory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type Pipelined = { client?: { pipeline?: { removePolicy(filter: { phase: 'Retry' }): unknown } } };

class OutboxRetries extends ConfigurationBotFrameworkAuthentication {
  override createConnectorFactory(...args: Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>): Factory {
    const inner = super.createConnectorFactory(...args);
    return Object.assign(Object.create(Object.getPrototypeOf(inner) as object) as Factory, inner, {
      async create(serviceUrl: string, audience?: string) {
        const client = await inner.create(serviceUrl, audience);
        (client as unknown as Pipelined).client?.pipeline?.removePolicy({ phase: 'Retry' });
        return client;
      },
    });
  }
}

export function createAdapter(credentials: TeamsCredentials): SetwiseCloudAdapter {
  const auth = new OutboxRetries({
    MicrosoftAppId: credentials.appId ?? '',
    MicrosoftAppPassword: credentials.appPassword ?? '',
    MicrosoftAppType: credentials.appType ?? 'MultiTenant',
    MicrosoftAppTenantId: credentials.tenantId ?? '',
  });
  return new SetwiseCloudAdapter(auth);
}

/** Statuses no retry can mend. */
const REFUSED_FOR_GOOD = new Set([400, 401, 403, 404, 410]);

/** The statuses Teams asks a bot to retry (rate limits, a precondition race, gateway trouble). */
const TRANSIENT = new Set([412, 429, 502, 503, 504]);

interface HttpFailure {
  readonly statusCode?: number;
  readonly response?: { readonly headers?: { get?(name: string): string | undefined } };
}

/** Seconds in a Retry-After header (a number or an HTTP date), when there is one. */
function retryAfterOf(error: HttpFailure): number | undefined {
  const header = error.response?.headers?.get?.('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - Date.now()) / 1000);
}

/** A connector call's failure as the outbox reads it: "slow down" carries the wait Teams asked for. */
export function connectorFailure(error: unknown): Error {
  const e = error as HttpFailure;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (status === 429 || (status !== undefined && TRANSIENT.has(status) && retryAfterOf(e) !== undefined)) return new RateLimited(retryAfterOf(e) ?? 1);
  // Refused for good: the bot is not allowed there, or the conversation is gone, or Setwise sent what Teams cannot take.
  if (status !== undefined && REFUSED_FOR_GOOD.has(status)) return new Undeliverable(`Teams refused it: ${status}`, { cause: error });
  if (status !== undefined) return new Error(`Teams answered ${status}${TRANSIENT.has(status) ? ' (will retry)' : ''}`, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

export async function connectorCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw connectorFailure(error);
  }
}
