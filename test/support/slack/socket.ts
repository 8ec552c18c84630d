/**
 * A local Socket Mode endpoint for @slack/socket-mode (and so Bolt's
 * socketMode). The client first calls apps.connections.open over the Web API
 * for a URL, so wire this server's `url` into the fake API
 * (`startFakeSlack({ socketUrl })` or `fakeSlack.socketUrl = socket.url`).
 *
 * Handshake, as the client expects it: after the WebSocket opens, the server
 * sends `{ type: 'hello', ... }`; only then does `client.start()` (and so
 * `app.start()`) resolve. The client pings every clientPingTimeout/3 ms and
 * drops the link if pongs stop; `ws` answers pings by itself. It only watches
 * for server pings once it has seen one, so this server sends none.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api' | (string & {});

export interface Envelope {
  /** Generated when left out. */
  envelope_id?: string;
  type: EnvelopeType;
  payload: unknown;
  /** Slack sets it for slash_commands and interactive (the ack may carry a reply); defaults follow that. */
  accepts_response_payload?: boolean;
  /** events_api only: Slack's redelivery count and reason, as the HTTP retry headers carry them. */
  retry_attempt?: number;
  retry_reason?: string;
}

/** What the client sends back: @slack/socket-mode always includes `payload`, empty for a bare ack(). */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface FakeSocket {
  /** ws://127.0.0.1:port/link/?ticket=...&app_id=A1, shaped like Slack's wss URL. */
  readonly url: string;
  /** Resolves once a client has connected and been sent hello. */
  readonly connected: Promise<void>;
  /** How many connections have been accepted so far (reconnects add to it). */
  readonly connections: number;
  /** Every ack received, in order. */
  readonly acks: SocketAck[];
  /** Pushes an envelope down the newest open connection and resolves with the client's ack. */
  send(envelope: Envelope, options?: { timeoutMs?: number }): Promise<SocketAck>;
  /** Asks the client to reconnect, as Slack does before recycling a server ('warning', 'refresh_requested'). */
  requestDisconnect(reason?: string): void;
  /**
   * Stops listening, after letting closing connections finish (up to a second) and
   * cutting the rest. Stop the app first (`app.stop()`): a client that is not shutting
   * down treats a dropped link as a cue to reconnect.
   */
  close(): Promise<void>;
}

export async function startFakeSocket(options: { appId?: string } = {}): Promise<FakeSocket> {
  const appId = options.appId ?? 'A1';
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;

  const open: WebSocket[] = [];
  const acks: SocketAck[] = [];
  const waiting = new Map<string, { settle: (ack: SocketAck) => void; fail: (error: Error) => void }>();
  let connections = 0;
  let markConnected: () => void = () => {};
  const connected = new Promise<void>((resolve) => (markConnected = resolve));

  server.on('connection', (socket) => {
    connections += 1;
    open.push(socket);
    socket.on('close', () => {
      const at = open.indexOf(socket);
      if (at >= 0) open.splice(at, 1);
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      const ack = JSON.parse(data.toString()) as SocketAck;
      acks.push(ack);
      waiting.get(ack.envelope_id)?.settle(ack);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: open.length,
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: appId },
      }),
    );
    markConnected();
  });

  function send(envelope: Envelope, { timeoutMs = 5000 } = {}): Promise<SocketAck> {
    const socket = open.at(-1);
    if (!socket) return Promise.reject(new Error('fake socket: no client is connected'));
    const envelopeId = envelope.envelope_id ?? randomUUID();
    const isEvent = envelope.type === 'events_api';
    const message = {
      envelope_id: envelopeId,
      type: envelope.type,
      payload: envelope.payload,
      accepts_response_payload: envelope.accepts_response_payload ?? !isEvent,
      ...(isEvent ? { retry_attempt: envelope.retry_attempt ?? 0, retry_reason: envelope.retry_reason ?? '' } : {}),
    };
    return new Promise((resolve, reject) => {
      // Without a deadline a missing ack would surface as a bare test timeout.
      const done = () => {
        clearTimeout(timer);
        waiting.delete(envelopeId);
      };
      const fail = (error: Error) => {
        done();
        reject(error);
      };
      const timer = setTimeout(
        () => fail(new Error(`fake socket: no ack for ${envelope.type} envelope ${envelopeId} within ${timeoutMs}ms`)),
        timeoutMs,
      );
      waiting.set(envelopeId, {
        settle: (ack) => {
          done();
          resolve(ack);
        },
        fail,
      });
      socket.send(JSON.stringify(message));
    });
  }

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=${randomUUID()}&app_id=${appId}`,
    connected,
    get connections() {
      return connections;
    },
    acks,
    send,
    requestDisconnect(reason = 'refresh_requested') {
      for (const socket of open) {
        socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake' } }));
      }
    },
    async close() {
      for (const { fail } of [...waiting.values()]) fail(new Error('fake socket: closed before the ack arrived'));
      // A stopped app has already sent its close frame; let that handshake finish, or the
      // client logs a WebSocket error for a link cut under it. Cut whatever is left.
      let timer: NodeJS.Timeout | undefined;
      const closing = open.map((socket) => new Promise((resolve) => socket.once('close', resolve)));
      await Promise.race([Promise.all(closing), new Promise((resolve) => (timer = setTimeout(resolve, 1000)))]);
      clearTimeout(timer);
      for (const socket of [...open]) socket.terminate();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
