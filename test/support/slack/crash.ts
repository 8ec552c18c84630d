/**
 * Slack's side of a crash run (../crash-run.ts), shared by the SQLite and PostgreSQL
 * tests: the environment of a Setwise process on this fake Slack, people typing
 * `/setwise reflect <word>` in their DM as signed slash commands, and the nudges the
 * fake was sent (one key a nudge: where it went, what it said).
 */
import type { CrashPlan } from '../crash-run';
import type { FakeSlack } from './fake-api';
import { newTriggerId, post, slashCommand } from './sign';

export const CRASH_TOKEN = 'xoxb-5151-6262-crashtesttoken';
export const CRASH_SECRET = 'crash-signing-secret-0123456789';

export function slackCrashParts(fake: FakeSlack, store: Record<string, string>): Pick<CrashPlan, 'env' | 'send' | 'delivered'> {
  return {
    env: (port, now) => ({ SETWISE_ADAPTER: 'slack', SLACK_BOT_TOKEN: CRASH_TOKEN, SLACK_SIGNING_SECRET: CRASH_SECRET, SLACK_API_URL: fake.url, PORT: String(port), ...store, SETWISE_TICK: '* * * * * *', CHILD_NOW: now.toISOString() }),
    send: async (port, user, word) => {
      const command = slashCommand({ text: `reflect ${word}`, userId: user, teamId: 'T1', channelId: `D0${user.slice(2)}`, channelName: 'directmessage', responseUrl: fake.responseUrl(word), triggerId: newTriggerId() });
      return (await post(`http://127.0.0.1:${port}/slack/events`, command, { secret: CRASH_SECRET })).status;
    },
    delivered: () => fake.callsTo('chat.postMessage').filter((c) => (c.answer as { ok?: boolean } | undefined)?.ok).map((c) => `${String(c.args.channel)} ${String(c.args.text)}`),
  };
}
