/**
 * B1's requests: `/setwise rotation` as Slack sends it, and `@Setwise rotation` as
 * Teams does, each from the next person in turn across every set (request n: set
 * n mod sets, then the next member a round later), so that no one person comes near
 * Setwise's flood limit (src/app/flood.ts: 20 at once, then one every 2 s). Each
 * is unique, as the platforms' are: Setwise answers a repeated trigger or activity id
 * as a duplicate, with nothing.
 */
import { randomBytes } from 'node:crypto';
import { FORM, newTriggerId, signedRequest, slashCommand } from '../../test/support/slack/sign';
import { channelMessage } from '../../test/support/teams/activities';
import { MEMBERS, slackPeople, teamsChannel, teamsPeople, SLACK_TEAM } from './ack-people';

export interface Built {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The n-th asker: set k (1-based) and its member i. */
export const asker = (n: number, sets: number) => ({ k: (n % sets) + 1, i: Math.floor(n / sets) % MEMBERS });

/** A signed slash command whose answer goes to the fake Slack's `/respond/<set>.<n>`. */
export function slackRequests(sets: number, secret: string, fakeOrigin: string): (n: number) => Built {
  return (n) => {
    const { k, i } = asker(n, sets);
    const person = slackPeople(k)[i]!;
    const { body } = slashCommand({
      text: 'rotation',
      userId: person.id,
      userName: person.name.toLowerCase().replace(' ', '.'),
      teamId: SLACK_TEAM,
      channelId: person.channel,
      channelName: `set-${k}`,
      triggerId: newTriggerId(),
      responseUrl: `${fakeOrigin}/respond/${k}.${n}`,
    });
    return { headers: { ...signedRequest(body, secret, { contentType: FORM }) }, body };
  };
}

/** A channel message mentioning the bot, replied to at the fake connector. */
export function teamsRequests(sets: number, serviceUrl: string): (n: number) => Built {
  // Activity ids of this run only: the seeding's activities were recorded as handled.
  const run = randomBytes(4).toString('hex');
  return (n) => {
    const { k, i } = asker(n, sets);
    const activity = channelMessage({ serviceUrl, from: teamsPeople(k)[i]!, text: 'rotation', channel: teamsChannel(k) });
    const id = `${run}${n}`;
    return { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...activity, id, conversation: { ...activity.conversation, id: `${teamsChannel(k)};messageid=${id}` } }) };
  };
}
