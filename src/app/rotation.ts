import type { CommandOf } from '../commands/grammar';
import { SetwiseError } from '../domain/errors';
import type { LearningSet, Person } from '../domain/model';
import { isFacilitator } from '../domain/permissions';
import { windowOf } from '../domain/rotation/plan';
import type { RotationSnapshot } from '../domain/rotation/types';
import { localToday } from '../domain/wall-time';
import { rotationView, type RotationRow } from '../messages/copy/rotation';
import { handle, who } from '../messages/format';
import { dayLabel } from '../messages/when';
import type { Reply } from '../ports/inbound';
import { facilitatorView, memberView } from './access';
import { privateReply, publicReply, viewerZone, type Deps, type SetView, type Turn } from './context';
import { upcomingMeeting } from './meetings';
import { resolvePerson, tell } from './people';
import { replan } from './plan';


async function view(deps: Deps, turn: Turn, set: LearningSet, rotation: RotationSnapshot, lead?: string) {
  const meetings = await deps.store.meetings.list(set.id);
  // Presenters are named as mentions: their platform ids come with the membership.
  const people = new Map((await deps.store.memberships.list(set.id)).map((m) => [m.person.id, m.person]));
  const rows: RotationRow[] = windowOf(rotation).map((w) => ({
    meeting: meetings.find((m) => m.id === w.id)!,
    presenters: rotation.slots
      .filter((x) => x.meetingId === w.id && x.status === 'planned')
      .sort((a, b) => a.position - b.position)
      .map((x) => ({ ...x, name: people.get(x.personId)?.displayName ?? '?', userId: people.get(x.personId)?.platformUserId })),
  }));
  return rotationView({ ...set, presentersPerMeeting: rotation.presentersPerMeeting }, rows, rotation.presentersPerMeeting, viewerZone(turn, set.timeZone), lead);
}

/** Acting for someone else needs a facilitator; anyone may act for themselves. */
async function subject(deps: Deps, turn: Turn, view: SetView, token: string | undefined, doing: string): Promise<Person> {
  const person = token === undefined ? turn.actor : await resolvePerson(deps, turn, token);
  if (person.id !== turn.actor.id && !isFacilitator(view.me)) {
    throw new SetwiseError('not-allowed', `Only a facilitator of ${view.set.name} can ${doing} for someone else.`);
  }
  if (!(await deps.store.memberships.find(view.set.id, person.id))) {
    throw new SetwiseError('not-found', `${who(person)} is not a member of ${view.set.name}.`);
  }
  return person;
}

/** Shows who presents at the next meetings, and why. */
export async function showRotation(deps: Deps, turn: Turn): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  const { rotation } = await replan(deps, set.id);
  return privateReply(await view(deps, turn, set, rotation));
}

/** Sets how many people present at each meeting (facilitators). */
export async function setPresenters(deps: Deps, turn: Turn, args: CommandOf<'presenters'>['args']): Promise<Reply> {
  const { set } = await facilitatorView(deps, turn, 'change how many present');
  await deps.store.sets.setPresentersPerMeeting(set.id, args.count, deps.clock.now());
  const { rotation } = await replan(deps, set.id);
  return publicReply(await view(deps, turn, set, rotation, `${args.count === 1 ? 'One person presents' : `${args.count} people present`} at each meeting of ${set.name}.`));
}

/** Takes a place at a meeting ahead of the rotation; bids are first come. */
export async function bid(deps: Deps, turn: Turn, args: CommandOf<'bid'>['args']): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  const meeting = await upcomingMeeting(deps, set, args.date);
  const on = localToday(deps.clock.now(), set.timeZone);
  const { rotation } = await replan(deps, set.id, { kind: 'bid', personId: turn.actor.id, meetingId: meeting.id, on });
  return publicReply(await view(deps, turn, set, rotation, `${who(turn.actor)} bid to present on ${dayLabel(meeting.localDate)}.`));
}

/** Gives a presenting slot back; the rotation fills it. */
export async function withdraw(deps: Deps, turn: Turn, args: CommandOf<'withdraw'>['args']): Promise<Reply> {
  const { set } = await memberView(deps, turn);
  const meeting = args.date === undefined ? undefined : await upcomingMeeting(deps, set, args.date);
  const { rotation } = await replan(deps, set.id, { kind: 'withdraw', personId: turn.actor.id, meetingId: meeting?.id ?? null });
  return publicReply(await view(deps, turn, set, rotation, `${who(turn.actor)} gave their presenting slot back; the rotation has filled it.`));
}

/** Exchanges two people's next slots: at once for a facilitator, else when both have asked. */
export async function swap(deps: Deps, turn: Turn, args: CommandOf<'swap'>['args']): Promise<Reply> {
  const here = await memberView(deps, turn);
  const { set } = here;
  const a = await resolvePerson(deps, turn, args.first);
  const b = await resolvePerson(deps, turn, args.second);
  const byFacilitator = isFacilitator(here.me);
  if (!byFacilitator && turn.actor.id !== a.id && turn.actor.id !== b.id) {
    throw new SetwiseError('not-allowed', `Only a facilitator of ${set.name}, or ${who(a)} and ${who(b)} themselves, can swap their slots.`);
  }
  for (const p of [a, b]) {
    if (!(await deps.store.memberships.find(set.id, p.id))) throw new SetwiseError('not-found', `${who(p)} is not a member of ${set.name}.`);
  }
  const { outcome, rotation } = await replan(deps, set.id, { kind: 'swap', a: a.id, b: b.id, requestedBy: turn.actor.id, byFacilitator });
  if (outcome === 'swap-requested') {
    const other = turn.actor.id === a.id ? b : a;
    await tell(deps, other, { text: `${who(turn.actor)} would like to swap presenting slots with you in ${set.name}. To agree, type \`swap ${handle(turn.actor)} ${handle(other)}\` in ${set.channelLabel}.` });
    return privateReply({ text: `Asked ${who(other)}: the swap happens when they also type \`swap ${handle(a)} ${handle(b)}\`.` });
  }
  return publicReply(await view(deps, turn, set, rotation, `Swapped the presenting slots of ${who(a)} and ${who(b)}.`));
}

/** Marks someone away for a period; the rotation skips them and puts them first when back. */
export async function away(deps: Deps, turn: Turn, args: CommandOf<'away'>['args']): Promise<Reply> {
  const here = await memberView(deps, turn);
  const person = await subject(deps, turn, here, args.person, 'mark absences');
  if (args.until < localToday(deps.clock.now(), here.set.timeZone)) throw new SetwiseError('invalid', `That period ended on ${dayLabel(args.until)}.`);
  await deps.store.rotation.addAbsence(here.set.id, { personId: person.id, from: args.from, until: args.until, createdBy: turn.actor.id }, deps.clock.now());
  const { rotation } = await replan(deps, here.set.id);
  const lead = `${who(person)} is away from ${dayLabel(args.from)} until ${dayLabel(args.until)}; the rotation skips those meetings.`;
  return publicReply(await view(deps, turn, here.set, rotation, lead));
}

/** Opts someone out of presenting, or back in. */
export async function presenting(deps: Deps, turn: Turn, args: CommandOf<'presenting'>['args']): Promise<Reply> {
  const here = await memberView(deps, turn);
  const person = await subject(deps, turn, here, args.person, 'change presenting');
  await deps.store.memberships.setPresenting(here.set.id, person.id, args.on, deps.clock.now());
  const { rotation } = await replan(deps, here.set.id);
  const lead = args.on ? `${who(person)} is back in the presenting rotation.` : `${who(person)} has opted out of presenting; their coming slots go to others.`;
  return publicReply(await view(deps, turn, here.set, rotation, lead));
}
