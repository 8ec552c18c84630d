/**
 * Start-up (`npm run bench:startup`): how long Setwise takes to be ready, against bare
 * `node -e 0` in the same run. The console: from spawn to its answer to `help` (it is
 * ready, then answers). Slack and Teams over HTTP: from spawn to the first 200 from
 * /healthz (Slack checks its token with the fake Slack API first, as with Slack).
 * Each is the compiled build run with plain node, as `npm start` runs it, and for
 * comparison `npm start` itself and the sources through tsx. With `--install`, also
 * `npm ci` on a fresh clone (the npm cache as this machine has it); `--install-only`
 * measures only that.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test/support/free-port';
import { ROOT } from '../../test/support/process';
import { startFakeSlack } from '../../test/support/slack/fake-api';
import { fmt, median, quick, report } from './section';

const RUNS = quick ? 2 : 5;
const dir = mkdtempSync(join(tmpdir(), 'setwise-startup-'));
const base = { ...process.env, LOG_LEVEL: 'warn', SETWISE_ADAPTER: '', SLACK_BOT_TOKEN: '', MicrosoftAppId: '', SETWISE_DB: join(dir, 'setwise.db') };

/** Milliseconds from spawn until `ready` says so (polled every 2 ms) or the process's output shows `marker`. */
function timeTo(command: string, args: string[], env: NodeJS.ProcessEnv, until: { marker?: string; ready?: () => Promise<boolean> }, input = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      const took = performance.now() - t;
      child.kill('SIGKILL');
      if (error) reject(error);
      else resolve(took);
    };
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (until.marker && out.includes(until.marker)) finish();
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (until.marker === undefined && !until.ready ? finish() : !done && finish(new Error(`${args.join(' ')} ended (${code}) before it was ready:\n${out}`))));
    child.stdin.end(input);
    if (until.ready) {
      const poll = async () => {
        while (!done) {
          if (await until.ready!().catch(() => false)) return finish();
          await new Promise((r) => setTimeout(r, 2));
        }
      };
      void poll();
    }
  });
}

const medianOf = async (run: () => Promise<number>) => {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await run());
  return median(times);
};

const rows: string[][] = [];
const notes: string[] = [];
const installOnly = process.argv.includes('--install-only');
const fake = await startFakeSlack();
try {
  if (!installOnly) await startUps();
  if (installOnly || process.argv.includes('--install')) {
    const clone = join(dir, 'clone');
    execFileSync('git', ['clone', '-q', ROOT, clone]);
    const t = performance.now();
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: clone, stdio: 'ignore' });
    rows.push(['`npm ci` on a fresh clone of the last commit (warm npm cache, no network), with the build it runs', `${fmt((performance.now() - t) / 1000, 1)} s`, '']);
  }
} finally {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}

async function startUps(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'ignore' });
  const bare = await medianOf(() => timeTo(process.execPath, ['-e', '0'], base, {}));
  rows.push(['bare `node -e 0`', `${fmt(bare)} ms`, '1.0x']);
  const console = (cmd: string, args: string[]) => medianOf(() => timeTo(cmd, args, base, { marker: 'Setwise commands' }, 'help\n'));
  const http = async (adapter: 'slack' | 'teams') => {
    const port = await freePort();
    const env = adapter === 'slack' ? { ...base, SETWISE_ADAPTER: 'slack', SLACK_BOT_TOKEN: 'xoxb-1-2-startupbench', SLACK_SIGNING_SECRET: 'startup-signing-secret-0123456789', SLACK_API_URL: fake.url, PORT: String(port) } : { ...base, SETWISE_ADAPTER: 'teams', PORT: String(port) };
    return medianOf(() => timeTo(process.execPath, ['dist/main.js'], env, { ready: async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok }));
  };
  // The frameworks' own floor: the least a Bolt app or a botbuilder bot takes to listen.
  const bareApp = async (code: string, env: NodeJS.ProcessEnv) => {
    const port = await freePort();
    return medianOf(() => timeTo(process.execPath, ['--input-type=module', '-e', code], { ...env, PORT: String(port) }, { ready: async () => (await fetch(`http://127.0.0.1:${port}/`)).status > 0 }));
  };
  const boltFloor = await bareApp(
    "import bolt from '@slack/bolt'; const app = new bolt.App({ token: 'xoxb-1-2-bare', signingSecret: 'bare-signing-secret-0123456789', clientOptions: { slackApiUrl: process.env.SLACK_API_URL } }); await app.start(Number(process.env.PORT));",
    { ...base, SLACK_API_URL: fake.url },
  );
  const botbuilderFloor = await bareApp(
    "import { createServer } from 'node:http'; import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder'; const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})); createServer((req, res) => (req.method === 'GET' ? res.end() : void adapter.process(req, res, async () => {}).catch(() => res.end()))).listen(Number(process.env.PORT));",
    base,
  );
  rows.push(['bare Bolt app (HTTP receiver, token checked), to listening', `${fmt(boltFloor)} ms`, `${fmt(boltFloor / bare, 1)}x`]);
  rows.push(['bare botbuilder bot (CloudAdapter and an HTTP server), to listening', `${fmt(botbuilderFloor)} ms`, `${fmt(botbuilderFloor / bare, 1)}x`]);
  const figures: [string, number][] = [
    ['console, `node dist/main.js` (what `npm start` runs), to its answer to `help`', await console(process.execPath, ['dist/main.js'])],
    ['Slack over HTTP, `node dist/main.js`, to /healthz 200', await http('slack')],
    ['Teams over HTTP, `node dist/main.js`, to /healthz 200', await http('teams')],
    ['console, `npm start` (npm itself, then the same)', await console('npm', ['start', '--silent'])],
    ['console, the sources through tsx (`npm run dev`)', await console(process.execPath, ['--import', 'tsx', 'src/main.ts'])],
  ];
  for (const [what, ms] of figures) rows.push([what, `${fmt(ms)} ms`, `${fmt(ms / bare, 1)}x`]);
  const floors = [0, boltFloor, botbuilderFloor];
  figures.slice(0, 3).forEach(([what, ms], i) => {
    const name = what.split(',')[0]!;
    const ok = ms < 1000 && ms < 5 * bare;
    const floor = floors[i] ? `; the framework alone takes ${fmt(floors[i]!)} ms (${fmt(floors[i]! / bare, 1)}x), Setwise adds ${fmt(ms - floors[i]!)} ms` : '';
    notes.push(`${name}: target ${ok ? 'met' : 'missed'} (under 1 s and under 5x bare node): ${fmt(ms)} ms, ${fmt(ms / bare, 1)}x${floor}.`);
  });
}
report({
  id: 'Start-up',
  title: 'Start-up time to ready',
  method: `Median of ${RUNS} starts each, on a database made by the first; every start a fresh process.`,
  head: ['what', 'time', 'against bare node'],
  rows,
  notes,
});
