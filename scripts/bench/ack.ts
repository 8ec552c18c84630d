/**
 * B1, acknowledgement: how fast Setwise answers `/setwise rotation` on Slack and
 * `@Setwise rotation` on Teams, against a bare Bolt app and a bare botbuilder bot on
 * the same machine in the same run. Setwise runs as in production (`node dist/main.js`
 * on a SQLite file of 1,000 seeded sets); the platforms are local fakes; autocannon
 * sends unique, valid requests from every member of every set in turn, and what the
 * fakes received afterwards shows each was answered with its own set's rotation.
 *
 * `node --import tsx scripts/bench/ack.ts [--quick]` (`npm run bench:ack`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test/support/free-port';
import { prepareDatabases } from './ack-db';
import { settled, startFake, type Fake } from './ack-fakes';
import { load, SLACK_WAITS_MS, type Load } from './ack-load';
import { cpuMs, killAll, machineTicks, ROOT, runNode, startNode, stop, waitHealthy } from './ack-processes';
import { slackRequests, teamsRequests, type Built } from './ack-requests';
import type { Summary } from './fakes';
import { fmt, ms, quick, report } from './section';

const SETS = quick ? 100 : 1000;
const CONNECTIONS = 50;
const SECONDS = quick ? 2 : 8;
const WARM_UP = 1;
/** One request at a time, after the loaded run: what a person feels when nothing queues. */
const ALONE_SECONDS = 2;
const SECRET = 'b1-signing-secret';
const TOKEN = 'xoxb-b1-bench-token';
/** The issue's targets. */
const RATIO_TARGET = 0.85;
const P99_TARGET_MS = 30;
const started = process.hrtime.bigint();

interface App {
  readonly platform: 'Slack' | 'Teams';
  readonly name: string;
  readonly setwise: boolean;
  readonly args: readonly string[];
  readonly env: Record<string, string>;
  readonly cwd: string;
  readonly path: string;
  readonly fake: Fake;
  readonly next: () => Built;
  /** How many requests the fake holds an answer for (each checked against the request's set). */
  readonly answered: (s: Summary) => number;
  /** Whether each request gets an answer at the fake (the bare Bolt app only acknowledges). */
  readonly answers: boolean;
}

interface Run {
  readonly app: App;
  readonly connections: number;
  readonly seconds: number;
  readonly load: Load;
  /** Requests acknowledged, the warm-up's included, that the fake should hold answers to. */
  readonly asked: number;
  /** CPU ms used during the measured seconds: the app, the fake, this process (autocannon). */
  readonly cpu: { readonly app: number; readonly fake: number; readonly self: number };
  /** Both cores' busy share over the measured seconds. */
  readonly busy: number;
  readonly replies: Summary;
  /** When the app's last answer reached the fake, after the run ended. */
  readonly lagMs: number;
  /** Lines the app logged (warnings and errors) once it was ready. */
  readonly logged: readonly string[];
}

/** Progress on stderr, so the terminal shows where a two-minute section is. */
const progress = (text: string) => console.error(`B1 ${fmt(ms(started) / 1000, 1)} s: ${text}`);

/**
 * Starts the app and warms it up, then runs each of `phases` (connections, seconds),
 * checking after each what the app answered; the app is stopped whatever happens.
 */
async function measure(app: App, phases: readonly (readonly [number, number])[]): Promise<Run[]> {
  progress(`${app.platform} ${app.name}`);
  const port = await freePort();
  const proc = startNode(app.args, { ...app.env, PORT: String(port), NODE_ENV: 'production' }, app.cwd);
  try {
    await waitHealthy(`http://127.0.0.1:${port}/healthz`, proc);
    // What it logged while starting (Teams: "no authentication") has reached us by now.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ready = proc.stderr.length;
    const url = `http://127.0.0.1:${port}${app.path}`;
    const pid = proc.child.pid!;
    await app.fake.clear();
    let carried = (await load(url, CONNECTIONS, WARM_UP, app.next)).ok;
    const runs: Run[] = [];
    for (const [connections, seconds] of phases) {
      if (runs.length) await app.fake.clear();
      const before = { app: cpuMs(pid), fake: cpuMs(app.fake.pid), self: process.cpuUsage(), machine: machineTicks() };
      const measured = await load(url, connections, seconds, app.next);
      const self = process.cpuUsage(before.self);
      const machine = machineTicks();
      const cpu = { app: cpuMs(pid) - before.app, fake: cpuMs(app.fake.pid) - before.fake, self: (self.user + self.system) / 1000 };
      const busy = (machine.busy - before.machine.busy) / (machine.total - before.machine.total);
      progress(`${app.platform} ${app.name}, ${connections} connection(s): ${fmt(measured.perSecond)} requests/s; waiting for its answers`);
      const asked = carried + measured.ok;
      // Setwise may still be working after the last answer (the requests in flight when the load stopped): wait for it to fall quiet.
      const { summary, lagMs } = await settled(app.fake, app.answered, app.answers ? asked : 0, app.setwise ? 1000 : 200);
      runs.push({ app, connections, seconds, load: measured, asked, cpu, busy, replies: summary, lagMs, logged: proc.stderr.slice(ready) });
      carried = 0;
    }
    return runs;
  } finally {
    await stop(proc.child);
  }
}

const counter = (make: (n: number) => Built) => {
  let n = 0;
  return () => make(n++);
};

/** CPU ms over a run's seconds, as a share of one core. */
const share = (run: Run, cpu: number) => `${fmt((cpu / (run.seconds * 1000)) * 100)}%`;

/** What the fake got, in words: every Setwise request should have had its set's rotation, and nothing else. */
function answersOf(run: Run): string {
  const r = run.replies;
  const wrong = r.flooded + r.failed + r.other;
  if (!run.app.setwise) return run.app.answers ? `${fmt(r.oks)} ok for ${fmt(run.asked)}` : 'none (acknowledges only)';
  const pointers = run.app.platform === 'Teams' ? ` (+ ${fmt(r.pointers)} pointers)` : '';
  return `${fmt(r.rotations)} rotations for ${fmt(run.asked)}${pointers}${wrong ? `, **${fmt(wrong)} wrong**` : ''}`;
}

function row(run: Run, bare?: Run): string[] {
  const { load: l, cpu } = run;
  return [
    run.app.platform,
    run.app.name,
    String(run.connections),
    fmt(l.perSecond),
    fmt(l.p50),
    fmt(l.p99),
    `${l.errors} / ${l.non2xx} / ${fmt(l.late)}`,
    fmt(cpu.app / l.ok, 2),
    `${share(run, cpu.app)} / ${share(run, cpu.fake)} / ${share(run, cpu.self)}; ${fmt(run.busy * 100)}%`,
    answersOf(run),
    bare ? `${fmt(l.perSecond / bare.load.perSecond, 3)}x` : '',
  ];
}

/** Answers slower than Slack waits, in words. */
const late = (n: number, platform: string) =>
  n === 0 ? `None took over ${SLACK_WAITS_MS / 1000} s.` : `${fmt(n)} answer${n === 1 ? '' : 's'} took over ${SLACK_WAITS_MS / 1000} s${platform === 'Slack' ? ', after Slack would have shown the person an error' : ''}.`;

/** Each target, met or missed, by how much, and why. */
function targetNotes(setwise: Run, alone: Run, bare: Run): string[] {
  const p = setwise.app.platform;
  const ratio = setwise.load.perSecond / bare.load.perSecond;
  const met = (ok: boolean) => (ok ? 'met' : '**missed**');
  return [
    `${p}, throughput: ${met(ratio >= RATIO_TARGET)}: ${fmt(ratio, 3)}x the bare app's (target ${RATIO_TARGET}x${ratio < RATIO_TARGET ? `, which is ${fmt(RATIO_TARGET * bare.load.perSecond)} requests/s: ${fmt((RATIO_TARGET * bare.load.perSecond) / setwise.load.perSecond)} times what Setwise did` : ''}). Setwise's process used ${fmt(setwise.cpu.app / setwise.load.ok, 1)} ms of CPU a request, the bare app's ${fmt(bare.cpu.app / bare.load.ok, 2)} ms; Setwise's process ran at ${share(setwise, setwise.cpu.app)} of one core while both cores were ${fmt(setwise.busy * 100)}% busy.`,
    `${p}, p99 at ${CONNECTIONS} connections: ${met(setwise.load.p99 < P99_TARGET_MS)}: ${fmt(setwise.load.p99)} ms (target under ${P99_TARGET_MS} ms; the bare app's ${fmt(bare.load.p99)} ms). ${CONNECTIONS} connections that each send again as soon as they are answered keep ${CONNECTIONS} requests waiting, so the mean wait is ${CONNECTIONS} ÷ throughput (${fmt((CONNECTIONS / setwise.load.perSecond) * 1000)} ms here) and p99 under ${P99_TARGET_MS} ms needs well over ${fmt(CONNECTIONS / (P99_TARGET_MS / 1000))} requests/s: the same target as throughput, seen from the other side. ${late(setwise.load.late, p)} One request at a time, Setwise answered in ${fmt(alone.load.p50)} ms (p50) and ${fmt(alone.load.p99)} ms (p99): ${alone.load.p99 < P99_TARGET_MS ? 'under' : 'over'} ${P99_TARGET_MS} ms when nothing queues.`,
  ];
}

/** Whatever went wrong in the requests or the answers; none expected. */
function checks(runs: readonly Run[]): string[] {
  const problems: string[] = [];
  for (const run of runs) {
    const who = `${run.app.platform} ${run.app.name}, ${run.connections} connection(s)`;
    if (run.load.errors || run.load.non2xx) problems.push(`${who}: ${run.load.errors} errors, ${run.load.non2xx} non-2xx (${run.load.statuses})`);
    const r = run.replies;
    if (r.flooded + r.failed + r.other) problems.push(`${who}: ${r.flooded} "slow down", ${r.failed} failures, ${r.other} others: ${r.samples.join(' / ')}`);
    if (run.app.setwise && r.rotations < run.asked) problems.push(`${who}: only ${r.rotations} rotations for ${run.asked} requests acknowledged`);
    if (run.logged.length) problems.push(`${who} logged ${run.logged.length} lines, e.g. ${run.logged[0]!.slice(0, 300)}`);
  }
  return problems;
}

const calls = (s: Summary) => Object.entries(s.calls).map(([method, n]) => `${fmt(n)} ${method}`).join(', ');

const dir = mkdtempSync(join(tmpdir(), 'setwise-b1-'));
// Also on Ctrl-C, when no finally runs: the copies are over 200 MB.
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
try {
  // Setwise as production runs it: the compiled build, made afresh from the sources.
  const [, slackFake, teamsFake] = await Promise.all([runNode([join(ROOT, 'scripts/build.mjs')]), startFake('slack'), startFake('teams')]);
  // How busy the machine already is (other work shares these cores), over half a second.
  const quiet = machineTicks();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const busyBefore = ((t) => (t.busy - quiet.busy) / (t.total - quiet.total))(machineTicks());
  progress('databases');
  const seedStarted = process.hrtime.bigint();
  const db = await prepareDatabases(SETS, dir, { slack: slackFake.url, teams: teamsFake.url });
  const seedMs = ms(seedStarted);

  const slackEnv = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slackFake.url };
  const slack = { platform: 'Slack', path: '/slack/events', fake: slackFake, next: counter(slackRequests(SETS, SECRET, slackFake.origin)), answered: (s: Summary) => s.rotations + s.flooded + s.failed + s.other } as const;
  const teams = { platform: 'Teams', path: '/api/messages', fake: teamsFake, next: counter(teamsRequests(SETS, teamsFake.url)), answered: (s: Summary) => s.rotations + s.oks + s.flooded + s.failed + s.other } as const;
  const main = [join(ROOT, 'dist/main.js')];
  const bare = (file: string) => ['--import', 'tsx', join(ROOT, 'scripts/bench', file)];
  // Setwise from a folder of its own, so no .env of the checkout's is read.
  const setwise = { name: 'Setwise', setwise: true, answers: true, args: main, cwd: dir };
  const apps = {
    setwiseSlack: { ...slack, ...setwise, env: { ...slackEnv, SETWISE_ADAPTER: 'slack', SETWISE_DB: db.slack.file, LOG_LEVEL: 'warn' } },
    bareBolt: { ...slack, name: 'bare Bolt', setwise: false, answers: false, args: bare('bare-bolt.ts'), cwd: ROOT, env: slackEnv },
    setwiseTeams: { ...teams, ...setwise, env: { SETWISE_ADAPTER: 'teams', SETWISE_DB: db.teams.file, LOG_LEVEL: 'warn' } },
    bareBotbuilder: { ...teams, name: 'bare botbuilder', setwise: false, answers: true, args: bare('bare-botbuilder.ts'), cwd: ROOT, env: {} },
  } satisfies Record<string, App>;

  const loaded = [CONNECTIONS, SECONDS] as const;
  const both = [loaded, [1, ALONE_SECONDS] as const];
  // Setwise first on Slack, the bare bot first on Teams: neither always gets the fresher machine.
  const [setwiseSlack, slackAlone] = await measure(apps.setwiseSlack, both);
  const [bareBolt] = await measure(apps.bareBolt, [loaded]);
  const [bareBotbuilder] = await measure(apps.bareBotbuilder, [loaded]);
  const [setwiseTeams, teamsAlone] = await measure(apps.setwiseTeams, both);
  const runs = [bareBolt!, setwiseSlack!, slackAlone!, bareBotbuilder!, setwiseTeams!, teamsAlone!];

  const seeded = (p: 'slack' | 'teams') => {
    const { seeded: s, fresh } = db[p];
    return `${fmt(s.sets)} sets, ${fmt(s.people)} people, ${fmt(s.meetings)} meetings, ${fmt(s.jobs)} nudges planned, ${fmt(s.megabytes)} MB, seeded through the core in ${fmt(s.seconds)} s${fresh ? '' : ' (by an earlier run today, reused)'}`;
  };
  const problems = checks(runs);
  if (problems.length) process.exitCode = 1;
  report({
    id: 'B1',
    title: 'acknowledgement: Setwise against a bare Bolt app and a bare botbuilder bot',
    method: `autocannon, ${CONNECTIONS} connections, ${WARM_UP} s warm-up then ${SECONDS} s (then, for Setwise, one connection for ${ALONE_SECONDS} s), each request a unique signed \`/setwise rotation\` (or \`@Setwise rotation\` activity) from the next member of the next set; Setwise is \`node dist/main.js\` on a SQLite file of ${fmt(SETS)} sets, the bare apps and the fake Slack API and Bot Framework connector each a process of its own. All of it, autocannon included, shares this machine's ${cpus().length} cores (${fmt(busyBefore * 100)}% busy with other work just before; load average ${fmt(loadavg()[0]!, 1)}): each app competes with its load and its fake. "Over 3 s": answers later than Slack waits. CPU shares are of one core.`,
    head: ['platform', 'app', 'connections', 'requests/s', 'p50 ms', 'p99 ms', 'errors / non-2xx / over 3 s', 'app CPU ms a request', 'CPU: app / fake / autocannon; both cores busy', 'answers at the fake', 'Setwise ÷ bare'],
    rows: [row(bareBolt!), row(setwiseSlack!, bareBolt), row(slackAlone!), row(bareBotbuilder!), row(setwiseTeams!, bareBotbuilder), row(teamsAlone!)],
    notes: [
      ...targetNotes(setwiseSlack!, slackAlone!, bareBolt!),
      ...targetNotes(setwiseTeams!, teamsAlone!, bareBotbuilder!),
      `Why: the bare apps do nothing; Setwise does its work for each request before it answers. For \`rotation\` it records the event id (a write), refreshes the person (a write), checks the membership, re-plans the set to show its rotation (reads the set's planned nudges, ${fmt(db.slack.seeded.jobs / SETS)} rows a set here, and plans them again, though nothing changed), and renders it; on Slack it then answers on the response_url and redraws the person's App Home (their overview, then views.publish); on Teams it sends the answer to the person's chat and a pointer in the thread before the 200, and keeps the channel's conversation reference as the tenant's, a write whenever the channel differs from the last one's. All of that runs on one event loop, so one process tops out near one core's worth of requests; past that, requests queue before any of Setwise's code sees them, so Slack's 2.5 s budget for a late acknowledgement (adapters/slack/app.ts) cannot bound the wait.`,
      `What would close it: nothing that keeps the work before the answer gets near ${RATIO_TARGET}x of an app that does none (Setwise would need to use about as little CPU a request as the bare app). What would move it: answering \`rotation\` from the stored plan when it is current (no snapshot and re-plan for a read), keeping prepared statements instead of building and preparing each query anew, skipping the App Home redraw after a command that changed nothing, acknowledging Slack's read-only commands before the work (nothing is stored, so nothing is lost in a crash; the work still costs the same), and more processes on more cores. A target of p99 at a realistic rate (a workspace sends a few commands a second) would measure what people feel; the one-connection rows above are the floor of it.`,
      `Slack: answers follow the acknowledgement; the last reached the fake ${fmt(setwiseSlack!.lagMs / 1000, 1)} s after the run ended; the fake saw ${calls(setwiseSlack!.replies)}.`,
      `Teams: answers are sent before the activity's 200; the fake connector saw ${calls(setwiseTeams!.replies)} (the answer in the person's chat and the pointer in the thread each).`,
      `Databases: Slack ${seeded('slack')}; Teams ${seeded('teams')}, with ${fmt(db.teams.references)} conversation references (every set's channel and every person's chat). Ready in ${fmt(seedMs / 1000)} s this run; the whole section took ${fmt(ms(started) / 1000)} s.`,
      ...(problems.length ? problems.map((p) => `**Check failed**: ${p}`) : ['Checks: no errors or non-2xx; every Setwise request answered with the rotation of its own set, none "slow down" or a failure; nothing logged by any app.']),
    ],
  });
} finally {
  killAll();
}
