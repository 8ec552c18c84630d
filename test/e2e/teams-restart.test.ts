/**
 * Teams across a restart, with real processes: a first Setwise takes the commands
 * that make a set and plan its nudges, and stops before any is due to go; a second
 * one, on the same database file, sends them, reaching each person's own chat
 * through the conversation references the first one kept, and opening one for the
 * member who never wrote to the bot. Nothing of that lived only in the first
 * process's memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { ROOT } from '../support/process';
import { freePort } from '../support/free-port';
import { startFakeConnector, type FakeConnector } from '../support/teams/connector';
import { channelMessage, personalMessage, teamsPerson } from '../support/teams/activities';

const CLEAN: Record<string, string> = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? tmpdir(),
  ...Object.fromEntries(
    ['SETWISE_DB', 'LOG_LEVEL', 'SETWISE_PROMPTS', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_API_URL', 'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId'].map((n) => [n, '']),
  ),
};

const alice = teamsPerson('Alice');
const bob = teamsPerson('Bob'); // never writes

const dir = mkdtempSync(join(tmpdir(), 'setwise-teams-'));
const children: ChildProcess[] = [];
let fake: FakeConnector | undefined;
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `npm start` as Teams on the shared database; resolves once /healthz answers. */
async function startSetwise(port: number, tick: string): Promise<{ child: ChildProcess; output: () => string; exited: Promise<unknown> }> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...CLEAN, SETWISE_ADAPTER: 'teams', SETWISE_DB: join(dir, 'setwise.db'), PORT: String(port), SETWISE_TICK: tick, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0)) === 200) return { child, output: () => output, exited };
    if (child.exitCode !== null) throw new Error(`Setwise exited: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Setwise did not become healthy: ${output}`);
}

const post = (port: number, activity: unknown) =>
  fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) }).then((r) => r.status);

describe('Teams across a restart', () => {
  it('sends the nudges a stopped process planned, through the references it stored', async () => {
    fake = await startFakeConnector();
    const serviceUrl = fake.url;
    const port = await freePort();
    // The first process ticks only once a year: it plans, it does not send.
    const first = await startSetwise(port, '0 0 1 1 *');
    expect(first.output()).toContain('without authentication');
    expect(await post(port, personalMessage({ serviceUrl, from: alice, text: 'help' }))).toBe(200);
    expect(await post(port, channelMessage({ serviceUrl, from: alice, text: 'set create Leaders tz Europe/London' }))).toBe(200);
    expect(await post(port, channelMessage({ serviceUrl, from: alice, text: 'member add @Bob', people: [bob] }))).toBe(200);
    // Three days on: the presenters' notices (a week before) are due at once.
    const day = DateTime.now().setZone('Europe/London').plus({ days: 3 });
    const schedule = `schedule every 2 weeks on ${day.toFormat('cccc').toLowerCase()} at 10:00 from ${day.toISODate()} for 2 meetings`;
    expect(await post(port, channelMessage({ serviceUrl, from: alice, text: schedule }))).toBe(200);
    const notices = () => fake!.sent.filter((s) => JSON.stringify(s.activity).includes('Write my challenge'));
    expect(notices()).toHaveLength(0);
    first.child.kill('SIGTERM');
    await first.exited;

    const second = await startSetwise(port, '* * * * * *');
    await expect.poll(() => notices().length, { timeout: 30_000 }).toBeGreaterThan(0);
    // Every notice went to a person's own chat: Alice's kept one, or one opened for Bob.
    for (const n of notices()) expect([`a:chat-with-${alice.id}`, `a:personal-${bob.id}`]).toContain(n.conversation);
    second.child.kill('SIGTERM');
    await second.exited;
  });
});
