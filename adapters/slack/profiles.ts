/**
 * Who a Slack user id is: their display name and profile time zone, from users.info,
 * kept in the people table so a busy set does not look everyone up on every command.
 */
import type { WebClient } from '@slack/web-api';
import { storedName, type Identity } from '../../src/ports/inbound';
import type { Store } from '../../src/ports/store';
import { userAddress } from './address';

/** A profile older than this is looked up again: names and zones change, but rarely. */
const FRESH_FOR_MS = 24 * 60 * 60 * 1000;

interface UserInfo {
  readonly name?: string;
  readonly real_name?: string;
  readonly tz?: string;
  readonly profile?: { readonly display_name?: string; readonly real_name?: string };
}

/** The name people see in Slack: the display name they chose, else their full name, else the handle. */
const nameOf = (user: UserInfo, fallback: string): string =>
  user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || fallback;

/**
 * The Store's id for a Slack team. A workspace row is never changed or removed once
 * made, so its id is remembered: a command names several people, each looked up here.
 */
const workspaceIds = new WeakMap<Store, Map<string, number>>();
export async function workspaceIdOf(store: Store, team: string): Promise<number> {
  let ids = workspaceIds.get(store);
  if (!ids) workspaceIds.set(store, (ids = new Map()));
  let id = ids.get(team);
  if (id === undefined) ids.set(team, (id = (await store.workspaces.ensure('slack', team)).id));
  return id;
}

/**
 * Who `userId` is. `offline` never asks Slack (a form's submission has no time for
 * it): the stored profile however old, else the handle Slack sent; the person's name
 * and zone are refreshed on their next command.
 */
export async function identify(store: Store, client: WebClient, team: string, userId: string, now: Date, hint?: string, options: { offline?: boolean } = {}): Promise<Identity> {
  const dm = userAddress(team, userId);
  const workspaceId = await workspaceIdOf(store, team);
  const known = await store.people.profile(workspaceId, userId);
  if (known && (options.offline || (known.checkedAt && now.getTime() - known.checkedAt.getTime() < FRESH_FOR_MS))) {
    return { userId, displayName: known.displayName, dm, ...(known.timeZone ? { timeZone: known.timeZone } : {}) };
  }
  if (options.offline) return { userId, displayName: hint ?? userId, dm };
  try {
    const answer = await client.users.info({ user: userId });
    const user = (answer.user ?? {}) as UserInfo;
    const found = { userId, displayName: nameOf(user, hint ?? userId), dm, ...(user.tz ? { timeZone: user.tz } : {}) };
    // Fresh for a day only if the people table already says what Slack says; otherwise the
    // core stores the new name or zone, and the next lookup marks it.
    // Compared as the core stores the name, or a name Slack spaces oddly would never count as seen.
    await store.people.profileChecked(workspaceId, userId, { displayName: storedName(found.displayName), timeZone: user.tz ?? null }, now);
    return found;
  } catch {
    // Slack being slow or the user gone should not stop a command: use what we had.
    return { userId, displayName: known?.displayName ?? hint ?? userId, dm, ...(known?.timeZone ? { timeZone: known.timeZone } : {}) };
  }
}
