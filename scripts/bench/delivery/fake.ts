/**
 * The platform side of one B3 half, in a process of its own so that Setwise's work
 * cannot delay when a request is seen (the windows are counted on arrival): the fake
 * Slack (its tokens naming the workspaces) or the fake Teams connector, behind the
 * limits enforcer. Tells the section its URL, then answers `stats` over IPC.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LimitsProxy } from '../../../test/support/limits-proxy';
import { startFakeSlack } from '../../../test/support/slack/fake-api';
import { enforceSlackLimits } from '../../../test/support/slack/limits-enforcer';
import { startFakeConnector } from '../../../test/support/teams/connector';
import { enforceTeamsLimits } from '../../../test/support/teams/limits-enforcer';
import { SLACK_WORKSPACES, slackTeam, slackToken, TENANT, type FakeStats } from './shape';

const platform = process.argv[2] as 'slack' | 'teams';
process.on('disconnect', () => process.exit(1));
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();

interface Delivered {
  readonly where: string;
  readonly toPerson: boolean;
  readonly what: string;
}
/** Every message the fake took, as Setwise's recipients would see it. */
let delivered: () => Delivered[];
/** Sends per workspace (Slack) or tenant (Teams), and when the first and the last came. */
let scopes: () => FakeStats['scopes'];
let enforcer: LimitsProxy & { url: string };

if (platform === 'slack') {
  const teams = Array.from({ length: SLACK_WORKSPACES }, (_, w) => ({ id: slackTeam(w), name: `Workspace ${w}` }));
  const fake = await startFakeSlack({ tokens: Object.fromEntries(teams.map((team, w) => [slackToken(w), team])) });
  enforcer = await enforceSlackLimits(fake);
  const posts = () => fake.callsTo('chat.postMessage').filter((c) => c.status === 200);
  delivered = () => posts().map((c) => ({ where: `${c.token} ${String(c.args.channel)}`, toPerson: String(c.args.channel).startsWith('U'), what: String(c.args.text) }));
  scopes = () =>
    teams.map((team, w) => {
      const mine = posts().filter((c) => c.token === slackToken(w));
      return { scope: team.id, sends: mine.length, firstAt: mine[0]?.at ?? 0, lastAt: mine.at(-1)?.at ?? 0 };
    });
} else {
  const connector = await startFakeConnector();
  enforcer = await enforceTeamsLimits(connector);
  delivered = () => connector.sent.map((s) => ({ where: s.conversation, toPerson: s.conversation.startsWith('a:'), what: String(s.activity.text ?? JSON.stringify(s.activity.attachments)) }));
  scopes = () => [{ scope: TENANT, sends: connector.sent.length, firstAt: enforcer.firstAt ?? 0, lastAt: enforcer.lastAt ?? 0 }];
}

process.send!({ type: 'ready', url: enforcer.url });
process.on('message', (message: { type: string }) => {
  if (message.type !== 'stats') return;
  const all = delivered();
  const stats: FakeStats = {
    admitted: enforcer.admitted,
    refused: enforcer.refused.length,
    refusedEarlyMs: enforcer.refused.map((r) => r.early).sort((a, b) => b - a),
    privateSends: all.filter((d) => d.toPerson).length,
    channelSends: all.filter((d) => !d.toPerson).length,
    duplicates: all.length - new Set(all.map((d) => `${d.where} ${d.what}`)).size,
    firstAt: enforcer.firstAt,
    lastAt: enforcer.lastAt,
    scopes: scopes(),
    lag: { p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 },
  };
  process.send!({ type: 'stats', stats });
});
