/**
 * The Teams adapter as main.ts sees it: the link to the Bot Framework (shared by
 * sending and receiving), the outbound chat port with Teams' limits, and the HTTP
 * endpoint to start once the core exists. Every botbuilder import stays in this folder.
 */
import type { Server } from 'node:http';
import type { Clock } from '../../src/ports/clock';
import type { Core } from '../../src/ports/inbound';
import type { Logger } from '../../src/ports/logger';
import type { Store } from '../../src/ports/store';
import { createBot } from './bot';
import { TeamsChat, type TeamsLink } from './chat';
import { createAdapter, type TeamsCredentials } from './connector';
import { FileOffers } from './files';
import { References } from './references';
import { createTeamsServer, type SetwiseCloudAdapter } from './server';

export { TEAMS_LIMITS } from './pace';
export type { TeamsCredentials } from './connector';

export interface TeamsSettings extends TeamsCredentials {
  readonly port: number;
  /** The interface to listen on; every interface unless given. */
  readonly host?: string;
}

export interface TeamsRuntime {
  readonly core: Core;
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  /** Whether the database answers, for /healthz. */
  readonly health: () => Promise<boolean>;
}

export interface TeamsAdapter {
  readonly link: TeamsLink & { readonly adapter: SetwiseCloudAdapter };
  readonly chat: TeamsChat;
}

export function teamsAdapter(settings: TeamsSettings, store: Store, clock: Clock, log: Logger): TeamsAdapter {
  const link = { adapter: createAdapter(settings), appId: settings.appId ?? '', references: new References(store, clock), log };
  return { link, chat: new TeamsChat(link) };
}

/** Starts the HTTP endpoint; resolves once it listens. */
export async function startTeams(settings: TeamsSettings, teams: TeamsAdapter, runtime: TeamsRuntime): Promise<{ port: number; stop(): Promise<void> }> {
  if (!settings.appId) {
    runtime.log.warn({ authentication: 'off' }, 'MicrosoftAppId is not set: Teams requests are accepted without authentication. Use this only for local testing.');
  }
  const onTurn = createBot({ core: runtime.core, link: teams.link, offers: new FileOffers(runtime.store, runtime.clock), clock: runtime.clock });
  const server: Server = createTeamsServer({ adapter: teams.link.adapter, onTurn, health: runtime.health, log: runtime.log });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
