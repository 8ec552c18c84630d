/**
 * Where a modal was opened from, carried in its private_metadata so the submission
 * is answered in that conversation. Read back strictly: it round-trips through Slack.
 */
import { z } from 'zod';
import type { Where } from '../../src/ports/inbound';
import { channelAddress } from './address';
import { dmWhere } from './inbound';

const Origin = z.object({ kind: z.enum(['channel', 'dm']), id: z.string().max(100), label: z.string().max(200), team: z.string(), channel: z.string().optional(), user: z.string().optional() });

export function formOrigin(where: Where): string {
  const ref = where.address.ref as { team: string; channel?: string; user?: string };
  return JSON.stringify({ kind: where.kind, id: where.id, label: where.label, team: ref.team, channel: ref.channel, user: ref.user });
}

/** The conversation a form came from; a DM with the submitter when it cannot be read. */
export function readOrigin(metadata: string | undefined, team: string, user: string): Where {
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata ?? '');
  } catch {
    parsed = undefined;
  }
  const origin = Origin.safeParse(parsed);
  if (origin.success && origin.data.team === team) {
    const o = origin.data;
    if (o.kind === 'channel' && o.channel) return { kind: 'channel', id: o.id, label: o.label, address: channelAddress(team, o.channel) };
  }
  return dmWhere(team, user);
}
