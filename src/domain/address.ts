export type Platform = 'console' | 'slack' | 'teams';

/**
 * Where a message can be sent. `ref` is JSON only the owning adapter understands
 * (a Slack channel id, a Teams conversation reference): the core stores it and
 * hands it back, but never builds or reads it.
 */
export interface Address {
  readonly platform: Platform;
  readonly kind: 'channel' | 'user';
  readonly ref: unknown;
}
