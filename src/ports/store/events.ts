/** Inbound event ids already handled, so a platform's redelivery is handled once. */
import type { Platform } from '../../domain/address';

export interface EventRepo {
  /**
   * Records the event as handled; true the first time, false for a redelivery. One
   * atomic insert, so two deliveries racing each other cannot both be first.
   */
  firstDelivery(platform: Platform, eventId: string, now: Date): Promise<boolean>;
  /** Forgets up to `limit` events received before `before`; returns how many. */
  prune(before: Date, limit: number): Promise<number>;
}
