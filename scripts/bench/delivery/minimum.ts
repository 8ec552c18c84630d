/**
 * The theoretical minimum: how soon the last of a pattern of sends could go if each
 * went the very moment every limit allowed, counted exactly as the enforcing fakes
 * count (test/support/limits-window.ts). Sends are taken in the order given, each as
 * early as it fits and never before its own keys' last send: greedy, which is the
 * fastest for sends all due at once (a send held back can only make later ones later).
 * It leaves out the network and Setwise's own work, so no sender can reach it.
 */
import { SLACK_LIMITS } from '../../../adapters/slack/pace';
import { TEAMS_LIMITS } from '../../../adapters/teams/pace';
import type { Address, SendLimits } from '../../../src/ports/chat';
import { PacedChat } from '../../../src/scheduler/pacer';
import { SlidingWindows, type Counted } from '../../../test/support/limits-window';
import { slackCounted } from '../../../test/support/slack/limits-enforcer';
import { teamsCounted } from '../../../test/support/teams/limits-enforcer';
import { SLACK_WORKSPACES, slackChannel, slackTeam, TENANT, CHANNEL } from './shape';

/** ms from the start until the last send could go. */
export function fastestPossible(sends: readonly (readonly Counted[])[]): number {
  const windows = new SlidingWindows();
  const last = new Map<string, number>();
  let end = 0;
  for (const keys of sends) {
    let at = Math.max(0, ...keys.map((k) => last.get(k.key) ?? 0));
    for (let wait = windows.wait(keys, at); wait > 0; wait = windows.wait(keys, at)) at += wait;
    windows.count(keys, at);
    for (const k of keys) last.set(k.key, at);
    end = Math.max(end, at);
  }
  return end;
}

/**
 * The fixture's sends in one place: the channel's reminder, each person's RSVP reminder,
 * and the two presenters' notices (a second message to two of those people).
 */
function fanOut<T>(people: number, channel: () => T, person: (i: number) => T): T[] {
  return [channel(), ...Array.from({ length: people }, (_, i) => person(i)), person(0), person(1)];
}

/** Slack: the workspaces in parallel, each with its own budget. */
export const slackMinimum = (nudges: number): number =>
  fastestPossible(
    Array.from({ length: SLACK_WORKSPACES }, (_, w) =>
      fanOut(nudges / SLACK_WORKSPACES, () => slackCounted(slackTeam(w), slackChannel(w)), (i) => slackCounted(slackTeam(w), `U${i}`)),
    ).flat(),
  );

/** Teams: everyone in one tenant, each in their own chat. */
export const teamsMinimum = (nudges: number): number => fastestPossible(fanOut(nudges, () => teamsCounted(TENANT, CHANNEL), (i) => teamsCounted(TENANT, `a:${i}`)));

/**
 * What Setwise's own declared limits allow for the same pattern, with every send asked
 * for at once and nothing else in the way: the pacer's place for each send, the last
 * of them. The gap between this and the minimum is the pacing's headroom; the gap
 * between this and the measured time is Setwise's dispatch and the network.
 */
export async function pacedTime(limits: SendLimits, sends: readonly Address[]): Promise<number> {
  let last = 0;
  const paced = new PacedChat({ post: async (to) => ({ address: to, ref: null }), update: async () => {} }, limits, {
    now: () => 0,
    sleep: async (ms) => void (last = Math.max(last, ms)),
  });
  for (const to of sends) await paced.post(to, { text: '' });
  return last;
}

const slackPerson = (w: number, i: number): Address => ({ platform: 'slack', kind: 'user', ref: { team: slackTeam(w), user: `U${i}` } });
const teamsPerson = (i: number): Address => ({ platform: 'teams', kind: 'user', ref: { tenant: TENANT, user: `29:${i}` } });

export const slackPaced = (nudges: number) =>
  pacedTime(
    SLACK_LIMITS,
    Array.from({ length: SLACK_WORKSPACES }, (_, w) =>
      fanOut<Address>(nudges / SLACK_WORKSPACES, () => ({ platform: 'slack', kind: 'channel', ref: { team: slackTeam(w), channel: slackChannel(w) } }), (i) => slackPerson(w, i)),
    ).flat(),
  );

export const teamsPaced = (nudges: number) =>
  pacedTime(TEAMS_LIMITS, fanOut<Address>(nudges, () => ({ platform: 'teams', kind: 'channel', ref: { tenant: TENANT, conversation: CHANNEL } }), teamsPerson));
