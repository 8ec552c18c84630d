/**
 * B3, delivery (`npm run bench:delivery`, `-- --quick`): 10,000 private nudges (500
 * quick) through Setwise's real delivery path to fakes that enforce the platforms'
 * limits, answering 429 with Retry-After when one is exceeded. Time against the
 * theoretical minimum under those limits, and the 429s. Targets: within 1.1x of the
 * minimum, zero 429s.
 *
 * Slack and Teams run at the same time, each in two processes of its own (Setwise:
 * ./delivery/sender.ts; the enforcing fake: ./delivery/fake.ts), so the section fits its
 * budget (about 4 minutes; 20 s quick). A half still draining at the cap reports what it
 * delivered, and its time is projected from its pace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SLACK_MODEL } from '../../test/support/slack/limits-enforcer';
import { startChild } from './delivery/children';
import { slackMinimum, slackPaced, teamsMinimum, teamsPaced } from './delivery/minimum';
import { SLACK_WORKSPACES, type FakeStats, type HalfConfig, type HalfResult } from './delivery/shape';
import { HEAD, notes, row, type Half } from './delivery/table';
import { fmt, quick, report } from './section';

const NUDGES = quick ? 500 : 10_000;
const minimum = { slack: slackMinimum(NUDGES), teams: teamsMinimum(NUDGES) };
const paced = { slack: await slackPaced(NUDGES), teams: await teamsPaced(NUDGES) };
/**
 * The longest a half's drain may run: long enough to meet the 1.1x target with room to
 * spare, no longer (the section's budget: about 4 minutes, 20 s quick).
 */
const CAP_MS = Math.ceil(1.1 * Math.max(minimum.slack, minimum.teams)) + 2_000;
/** Seeding 10,000 people and starting the processes comes before the drain. */
const SETUP_MS = 180_000;

async function runHalf(platform: HalfConfig['platform'], dir: string): Promise<Half> {
  const fake = startChild('fake.ts', [platform]);
  try {
    const { url } = await fake.next<{ url: string }>('ready', 60_000);
    const config: HalfConfig = { platform, nudges: NUDGES, url, dir, capMs: CAP_MS };
    const sender = startChild('sender.ts', [JSON.stringify(config)]);
    try {
      const { result } = await sender.next<{ result: HalfResult }>('result', SETUP_MS + CAP_MS);
      fake.send({ type: 'stats' });
      const { stats } = await fake.next<{ stats: FakeStats }>('stats', 30_000);
      return { platform, nudges: NUDGES, result, stats, minimumMs: minimum[platform], pacedMs: paced[platform] };
    } finally {
      sender.kill();
    }
  } finally {
    fake.kill();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'setwise-bench-delivery-'));
try {
  const halves = await Promise.all([runHalf('slack', dir), runHalf('teams', dir)]);
  const ws = SLACK_MODEL.perWorkspace.map((w) => `${w.most} in any ${w.ms / 1000} s`).join(' and ');
  report({
    id: 'B3',
    title: `delivery: ${fmt(NUDGES)} private nudges within the platforms' limits`,
    method:
      `RSVP reminders all due at one instant (test/support/nudge-fixture.ts), sent by the real scheduler (production's batch of 200, 4 in flight), nudge code, PacedChat with each adapter's declared limits, and adapter, over HTTP to a fake that enforces limits in sliding windows and answers 429 with Retry-After. ` +
      `Slack: an Enterprise Grid of ${SLACK_WORKSPACES} workspaces, one set and one OAuth installation (bot token) each; limits per channel 2 in any 1 s and 60 in any 60 s (Slack: one a second, short bursts allowed), and per workspace, modelled as Slack gives no figure, ${ws} (300 a minute). ` +
      `Teams: one tenant, each person in their own open chat; Microsoft's limits (per conversation 7/1 s, 8/2 s, 60/30 s, 1,800/h; 50/1 s per tenant). ` +
      `The halves run at once, each as a Setwise process and a fake process; the scheduler's clock starts at the due moment and runs in real time; a half still draining after ${fmt(CAP_MS / 1000)} s is stopped and its time projected from its pace. ` +
      `Time: first tick to nothing due; minimum: the last send of the same pattern placed greedily at the earliest moment every window allows.`,
    head: HEAD,
    rows: halves.map(row),
    notes: [...halves.flatMap(notes), `Load average over the last 5 minutes at the end: ${fmt(loadavg()[1]!, 1)} on ${fmt(availableParallelism())} cores (other work on the machine delays timers, and so sends).`],
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
