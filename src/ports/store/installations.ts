/**
 * A platform's installations of the app (Slack OAuth: one per workspace or
 * organisation), tokens included. The data is the adapter's own, opaque to the core.
 */
import type { Platform } from '../../domain/address';

export interface InstallationRepo {
  save(platform: Platform, installKey: string, data: unknown, now: Date): Promise<void>;
  find(platform: Platform, installKey: string): Promise<unknown>;
  remove(platform: Platform, installKey: string): Promise<void>;
}
