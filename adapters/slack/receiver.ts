/**
 * Bolt's HTTP receiver, made safe against bodies that are signed but not shaped as
 * Slack shapes them. Bolt reads fields of a verified body before any listener, outside
 * any catch: a body that is JSON but not an object (`null`, `payload=null`) rejects
 * where nothing handles it, which stops the process, and one whose fields are the wrong
 * type (an `event` that is a number) makes it answer 500. Slack never sends either;
 * both are answered 400 here. Found by test/adapters/slack/fuzz.test.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions as http, isRawBodyError, type HTTPReceiver, type Logger as BoltLogger, type ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';

/** A body Bolt can route: an object. Anything else (null, a number, a list) it would crash or stall on. */
export const isSlackPayload = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null && !Array.isArray(body);

/**
 * Whether an error thrown out of Bolt's processEvent is Bolt tripping over the body's
 * shape. Listener errors never get there (app.error takes them), so what does is Bolt
 * reading a field of the wrong type before routing: a TypeError.
 */
export const unreadable = (error: unknown): boolean => error instanceof TypeError;

/** For the receiver's processEventErrorHandler: a body Bolt could not read is the sender's fault, 400 rather than 500. */
export async function refuseUnreadable(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (args.response.headersSent || !unreadable(args.error)) return http.defaultProcessEventErrorHandler(args);
  args.logger.warn(`Refused a signed request Bolt could not read: ${args.error.message}`);
  http.buildNoBodyResponse(args.response, 400);
  return true; // answered: Bolt's "not acknowledged within 3 seconds" must not follow
}

/**
 * Reads and verifies each request to `endpoint` before Bolt does, and answers a signed
 * body that is not an object with 400. Bolt takes the request already read as it is
 * (and verifies it again), so what is let through is handled exactly as before.
 */
export function refuseNonObjects(receiver: HTTPReceiver, options: { readonly endpoint: string; readonly signingSecret: string; readonly bodyLimit: number; readonly logger: BoltLogger }): void {
  const bolt = receiver.requestListener;
  const { endpoint, signingSecret, bodyLimit, logger } = options;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method?.toUpperCase() !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== endpoint) return bolt(req, res);
    http
      .parseAndVerifyHTTPRequest({ enabled: true, signingSecret, bodyLimit }, req)
      .then(
        (buffered) => {
          let body: unknown;
          try {
            body = http.parseHTTPRequestBody(buffered);
          } catch {
            return bolt(buffered, res); // not JSON where JSON should be: Bolt answers 400
          }
          if (isSlackPayload(body)) return bolt(buffered, res);
          logger.warn('Refused a signed request whose body is not a Slack payload');
          http.buildNoBodyResponse(res, 400);
        },
        (error: unknown) => {
          // Read but not signed (or signed too long ago): Bolt refuses it, as it always has.
          if (http.isBufferedIncomingMessage(req)) return bolt(req, res);
          // Not read at all: answered as Bolt answers it.
          const e = error as { type?: string; statusCode?: number; limit?: number; message?: string };
          if (isRawBodyError(error) && (e.type === 'entity.too.large' || e.statusCode === 413)) {
            logger.warn(`Request body exceeded the maximum allowed size (limit: ${e.limit} bytes)`);
            return http.buildNoBodyResponse(res, 413);
          }
          logger.warn(`Failed to parse and verify the request data: ${e.message ?? String(error)}`);
          http.buildNoBodyResponse(res, 401);
        },
      )
      .catch((error: unknown) => {
        logger.error(`Could not hand a request to Bolt: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) http.buildNoBodyResponse(res, 500);
      });
  };
}
