/**
 * B3's databases: sets whose RSVP reminders (private nudges) all fall due at one
 * instant (test/support/nudge-fixture.ts), with what Setwise needs to reach everyone:
 * on Slack, one set and one installation per workspace; on Teams, one set in the
 * tenant and each person's personal chat already open (its conversation reference
 * stored, as after the person's first message), so no chat has to be created first.
 */
import type { Installation } from '@slack/oauth';
import { installationStore } from '../../../adapters/slack/installations';
import { References } from '../../../adapters/teams/references';
import { ManualClock } from '../../../src/ports/clock';
import type { Store } from '../../../src/ports/store';
import { onSlack, onTeams, seedFanOutIn } from '../../../test/support/nudge-fixture';
import { BOT, channelMessage, teamsPerson } from '../../../test/support/teams/activities';
import { CHANNEL, SLACK_WORKSPACES, slackChannel, slackTeam, slackToken, TENANT } from './shape';

/** One workspace's installation, as Bolt's OAuth flow stores it (one of an Enterprise Grid's workspaces). */
const installation = (w: number): Installation<'v2', false> => ({
  team: { id: slackTeam(w), name: `Workspace ${w}` },
  enterprise: { id: 'E0BENCH', name: 'Large organisation' },
  user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
  bot: { id: 'B0SETWISE', userId: 'U0SETWISE', token: slackToken(w), scopes: ['chat:write'] },
  appId: 'A0SETWISE',
  tokenType: 'bot',
  isEnterpriseInstall: false,
  authVersion: 'v2',
});

/** `nudges` RSVP reminders across the workspaces; the moment they fall due. */
export async function seedSlack(store: Store, nudges: number): Promise<Date> {
  let dueAt: Date | undefined;
  const installations = installationStore(store);
  for (let w = 0; w < SLACK_WORKSPACES; w++) {
    await installations.storeInstallation(installation(w));
    // The fixture's set has its lead besides `size` members: each gets a reminder.
    ({ dueAt } = await seedFanOutIn(store, nudges / SLACK_WORKSPACES - 1, onSlack(slackTeam(w), slackChannel(w))));
  }
  return dueAt!;
}

/** `nudges` RSVP reminders in one tenant, every personal chat known; serviceUrl is the connector's. */
export async function seedTeams(store: Store, nudges: number, serviceUrl: string): Promise<Date> {
  const { dueAt } = await seedFanOutIn(store, nudges - 1, onTeams(TENANT, CHANNEL));
  const references = new References(store, new ManualClock(dueAt));
  // The set's channel, and the tenant's way in, as a first message in the channel leaves them.
  await references.remember(TENANT, channelMessage({ serviceUrl, from: teamsPerson('lead'), text: 'help' }));
  for (const name of ['lead', ...Array.from({ length: nudges - 1 }, (_, i) => `m${i}`)]) {
    const user = teamsPerson(name).id;
    await references.rememberPersonal(TENANT, user, { channelId: 'msteams', serviceUrl, conversation: { id: `a:personal-${user}`, conversationType: 'personal', tenantId: TENANT }, bot: BOT });
  }
  return dueAt;
}
