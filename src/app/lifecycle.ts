import { installedHello } from '../messages/copy/install';
import type { Identity, Incoming, Lifecycle, Reply } from '../ports/inbound';
import type { Deps } from './context';

const SILENT: Reply = { visibility: 'private', message: { text: '' }, silent: true };

/**
 * What a platform told the bot unasked. People it names are stored with their private
 * addresses, so a nudge reaches a member who has never written to the bot; nothing
 * about a set changes: who is in a set stays the facilitator's decision, whoever joins
 * or leaves the team.
 */
export async function lifecycle(deps: Deps, incoming: Incoming, event: Lifecycle, people: readonly Identity[]): Promise<Reply> {
  if (event === 'members-removed' || event === 'uninstalled') return SILENT;
  const workspace = await deps.store.workspaces.ensure(incoming.platform, incoming.workspaceId);
  const now = deps.clock.now();
  if (event === 'installed') await deps.store.people.upsert(workspace.id, incoming.actor, now);
  for (const person of people) await deps.store.people.upsert(workspace.id, person, now);
  if (event === 'members-added') return SILENT;
  return { visibility: 'public', message: installedHello(incoming.where.kind) };
}
