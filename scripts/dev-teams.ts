/**
 * `npm run dev:teams`: Setwise's Teams adapter on a local database, with Microsoft's
 * Agents Playground in front of it: a Teams-like page in the browser, no Microsoft
 * account, no tunnel. Both stop together on Ctrl+C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
const db = process.env.SETWISE_DB ?? './data/teams-dev.db';
mkdirSync(`${ROOT}/data`, { recursive: true, mode: 0o700 });

const children: ChildProcess[] = [];
function stopAll(code: number): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stopAll(0));

// No MicrosoftAppId: the adapter runs without authentication, as the Playground expects locally.
const setwise = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: ROOT,
  env: { ...process.env, SETWISE_ADAPTER: 'teams', SETWISE_DB: db, PORT: String(port), MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' },
  stdio: 'inherit',
});
children.push(setwise);
setwise.once('exit', (code) => {
  process.stderr.write(`setwise: the Teams adapter stopped (${code ?? 'signal'})\n`);
  stopAll(code ?? 1);
});

async function ready(url: string): Promise<boolean> {
  for (let i = 0; i < 300; i++) {
    if ((await fetch(url).then((r) => r.ok, () => false)) || setwise.exitCode !== null) return setwise.exitCode === null;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

if (await ready(`http://127.0.0.1:${port}/healthz`)) {
  const playground = spawn(process.execPath, [fileURLToPath(import.meta.resolve('@microsoft/m365agentsplayground/cli.js')), '-e', `http://127.0.0.1:${port}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort), '--disable-telemetry'], {
    cwd: ROOT,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(playground);
  playground.once('exit', (code) => stopAll(code ?? 1));
  process.stdout.write(`\nSetwise for Teams is running on a local database (${db}).\nOpen http://localhost:${playgroundPort} in a browser to talk to it in the Agents Playground; Ctrl+C stops both.\n\n`);
}
