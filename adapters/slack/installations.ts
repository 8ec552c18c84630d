/**
 * Bolt's installation store on the Store port: each workspace's tokens live in the
 * database, so every instance, and every restart, reads the same installations.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Store } from '../../src/ports/store';

/** An organisation-wide install (Enterprise Grid) answers for every team in it. */
const keyOf = (q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string => {
  if (q.isEnterpriseInstall && q.enterpriseId) return `enterprise:${q.enterpriseId}`;
  if (q.teamId) return `team:${q.teamId}`;
  throw new Error('an installation names neither a team nor an organisation');
};

export function installationStore(store: Store, now: () => Date = () => new Date()): InstallationStore {
  return {
    async storeInstallation(installation) {
      const key = keyOf({ isEnterpriseInstall: installation.isEnterpriseInstall, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
      await store.installations.save('slack', key, installation, now());
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await store.installations.find('slack', keyOf(query));
      if (!found) throw new Error(`Setwise is not installed in ${query.isEnterpriseInstall ? 'organisation' : 'workspace'} ${query.enterpriseId ?? query.teamId}`);
      return found as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query) {
      await store.installations.remove('slack', keyOf(query));
    },
  };
}

/** The bot token for a team, from its installation (or its organisation's). */
export async function botTokenFor(store: Store, team: string, enterprise?: string): Promise<string> {
  const found = ((await store.installations.find('slack', `team:${team}`)) ??
    (enterprise ? await store.installations.find('slack', `enterprise:${enterprise}`) : undefined)) as Installation | undefined;
  const token = found?.bot?.token;
  if (!token) throw new Error(`Setwise is not installed in Slack workspace ${team}`);
  return token;
}
