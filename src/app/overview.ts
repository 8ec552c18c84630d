import type { Identity } from '../ports/inbound';
import type { Platform } from '../domain/address';
import { overview as overviewMessage, type SetOverview } from '../messages/copy/overview';
import type { Message } from '../messages/model';
import type { Deps } from './context';

/** Everything a person's overview shows of one set: read through the Store, nothing stored. */
async function setOverview(deps: Deps, personId: number, set: SetOverview['set']): Promise<SetOverview> {
  const now = deps.clock.now().getTime();
  const next = (await deps.store.meetings.list(set.id)).find((m) => m.status === 'scheduled' && m.startsAt.getTime() > now);
  const planned = next ? await deps.store.rotation.planned(next.id) : [];
  const answers = next ? await deps.store.rsvps.forMeeting(next.id) : [];
  const challenge = await deps.store.challenges.current(set.id, personId);
  const actions = (await deps.store.actions.list(set.id, personId)).filter((a) => a.status === 'open');
  return {
    set,
    next,
    presenters: planned.map((p) => ({ platformUserId: p.userId, displayName: p.name })),
    presenting: planned.some((p) => p.personId === personId),
    challenge: challenge?.fields.challenge,
    actions,
    answer: answers.find((a) => a.personId === personId)?.answer,
  };
}

/**
 * A person's own overview (Slack's App Home): their sets, next meetings, challenge,
 * actions and answers. It only reads: opening a Home stores nobody, and cannot bring
 * back someone who has just erased their data.
 */
export async function overview(deps: Deps, platform: Platform, workspaceId: string, identity: Identity): Promise<Message> {
  const workspace = await deps.store.workspaces.ensure(platform, workspaceId);
  const person = await deps.store.people.find(workspace.id, identity.userId);
  if (!person) return overviewMessage([], () => 'UTC');
  const sets = await deps.store.sets.listOpenForPerson(person.id);
  const parts = await Promise.all(sets.map((set) => setOverview(deps, person.id, set)));
  // The zone they chose, else the one stored from their platform, else the one it reports now.
  return overviewMessage(parts, (set) => person.timeZone ?? identity.timeZone ?? set.timeZone);
}
