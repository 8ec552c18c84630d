import { DateTime } from 'luxon';
import type { CommandOf } from '../commands/grammar';
import type { Reply } from '../ports/inbound';
import { privateReply, type Deps, type Turn } from './context';
import { replanAll } from './plan';

/** Sets the zone this person sees times in. */
export async function setMyZone(deps: Deps, turn: Turn, args: { zone: string }): Promise<Reply> {
  // Their private nudges count days in their zone: every set they are in is re-planned.
  await replanAll(deps, await deps.store.people.setTimeZone(turn.actor.id, args.zone, deps.clock.now()));
  const localNow = DateTime.fromJSDate(deps.clock.now(), { zone: args.zone }).toFormat('HH:mm');
  return privateReply({
    tone: 'success',
    text: `Got it: I'll show you times in ${args.zone} (it's ${localNow} there now), and your private nudges follow that zone's days. A set's own zone is its facilitators' to change, with \`set tz <zone>\`.`,
  });
}

/** Sets the hours when private nudges wait (the person's own zone), or turns them off. */
export async function setQuietHours(deps: Deps, turn: Turn, args: CommandOf<'me quiet'>['args']): Promise<Reply> {
  await deps.store.people.setQuietHours(turn.actor.id, args.hours, deps.clock.now());
  const zone = turn.actor.timeZone ? turn.actor.timeZone : "each set's time zone until you set yours with `me tz`";
  return privateReply({
    tone: 'success',
    text: args.hours
      ? `Quiet hours set: private nudges that fall between ${args.hours.start} and ${args.hours.end} (${zone}) wait until ${args.hours.end}.`
      : 'Quiet hours off: private nudges arrive when they are due.',
  });
}
