/** Workspaces: one per Slack workspace, Teams tenant or console, so ids never collide. */
import type { Platform } from '../../domain/address';
import type { Workspace } from '../../domain/model';

export interface WorkspaceRepo {
  ensure(platform: Platform, externalId: string): Promise<Workspace>;
}
