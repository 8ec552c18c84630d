import { DateTime } from 'luxon';
import type { Reply } from '../ports/inbound';
import { privateReply, type Deps, type Turn } from './context';

/** Sets the zone this person sees times in. */
export async function setMyZone(deps: Deps, turn: Turn, args: { zone: string }): Promise<Reply> {
  await deps.store.people.setTimeZone(turn.actor.id, args.zone, deps.clock.now());
  const localNow = DateTime.fromJSDate(deps.clock.now(), { zone: args.zone }).toFormat('HH:mm');
  return privateReply({ tone: 'success', text: `Got it: I'll show you times in ${args.zone} (it's ${localNow} there now).` });
}
