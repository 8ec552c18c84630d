import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { start } from '../support/process';

/**
 * The README's meeting walk-through through `npm start`, and the heads-up across real
 * process restarts: each run is a new process on the same database, its clock moved
 * with `:advance to`.
 */
const dir = mkdtempSync(join(tmpdir(), 'setwise-meeting-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The walk-through in README.md, "A meeting, live". */
export const WALK_THROUGH = [
  ':as alice',
  ':in #leaders',
  'set create Northern Lights tz Europe/London',
  'member add @bob @carol @dave',
  'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 6 meetings',
  ':as bob',
  'rsvp yes',
  ':as carol',
  'rsvp yes',
  ':advance to 2027-01-05T09:55Z',
  ':as alice',
  'meeting start',
  ':as dave',
  'here',
  ':as alice',
  'here no @carol',
  ':click Next',
  ':as dave',
  'bid',
  ':as alice',
  ':click Next',
  'meeting plan issue 30 review 15',
  ':advance 26m',
  ':click Next',
  ':as dave',
  'action add ask my director for ten minutes on the restructure',
  ':as alice',
  ':click Next',
  ':click Next',
  'meeting end',
  'sponsor add @sam',
  ':as sam',
  ':in dm',
  'report',
];

const count = (text: string, what: RegExp) => text.match(new RegExp(what, 'g'))?.length ?? 0;

describe('a meeting in the console', () => {
  it('runs the README walk-through: one run-sheet edited in place, a heads-up, the summary and a sponsor report with its files', async () => {
    const db = join(dir, 'walk.db');
    const run = await start(`${WALK_THROUGH.join('\n')}\n`, { SETWISE_DB: db });
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(count(out, /\[#leaders\] Setwise: Northern Lights: meeting of Tue 5 Jan 2027/)).toBe(1);
    expect(count(out, /\[#leaders, edited\] Setwise: Northern Lights: meeting of Tue 5 Jan 2027/)).toBeGreaterThanOrEqual(8);
    expect(out).toContain('Here: @alice, @bob and @dave (3 of 4). Not here: @carol.');
    expect(out).toContain('Bids today, in order: @dave.');
    expect(out).toMatch(/▶ Issue 1: @bob \(30 min\): now, until 10:25 \(5 minutes left at 10:20\)/);
    expect(count(out, /\[dm @alice\] Setwise: Northern Lights: 5 minutes left for issue 1: @bob \(next: issue 2: @dave\)/)).toBe(1);
    expect(out).toContain('Ground rule: the set asks questions, it does not give advice.');
    expect(out).toMatch(/Process review: how did we work today\? \S/);
    expect(out).toContain('  Presented: @bob and @dave.\n');
    expect(out).toContain('  @carol missed their turn and will go first when the rotation next chooses.\n');
    expect(out).toContain('  Next meeting: Tue 2 Feb 2027, 10:00–13:00 Europe/London, presenting: @carol and @bob.\n');
    expect(out).toContain('    - Tue 5 Jan 2027: 3 there, 2 presentations, 1 action committed\n');
    expect(out).not.toContain('restructure\n  File');
    const files = [...out.matchAll(/File: (\S+)/g)].map((m) => m[1]!);
    expect(files.map((f) => f.split('/').at(-1))).toEqual(['report-northern-lights.png', 'report-northern-lights.csv']);
    expect(readFileSync(files[0]!).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(files[0]!).mode & 0o777).toBe(0o600);
    const csv = readFileSync(files[1]!, 'utf8');
    expect(csv).toContain('Northern Lights,meeting,2027-01-05,,3,4,2,1,,\r\n');
    expect(csv).not.toContain('restructure');
  });

  it('sends the heads-up once across process restarts, and the next Next on a restarted process edits the same run-sheet', async () => {
    const db = join(dir, 'restart.db');
    const script = (lines: string[]) => `${lines.join('\n')}\n`;
    const first = await start(script(WALK_THROUGH.slice(0, WALK_THROUGH.indexOf(':advance 26m'))), { SETWISE_DB: db });
    expect(first.code).toBe(0);
    expect(first.stdout).not.toMatch(/minutes left for/);

    // A new process: its clock starts at today's real time and is moved on past the heads-up (due 10:20).
    const second = await start(script([':advance to 2027-01-05T10:21Z']), { SETWISE_DB: db });
    expect(second.code).toBe(0);
    expect(count(second.stdout, /\[dm @alice\] Setwise: Northern Lights: 5 minutes left for issue 1: @bob/)).toBe(1);
    expect(second.stdout).toMatch(/\[#leaders, edited\] Setwise: Northern Lights: meeting of Tue 5 Jan 2027/);

    // And another, later still: nothing is sent again; Next (as a command: the console keeps no buttons across runs) moves on.
    const third = await start(script([':advance to 2027-01-05T10:40Z', 'meeting next']), { SETWISE_DB: db });
    expect(third.code).toBe(0);
    expect(third.stdout).not.toMatch(/minutes left for issue 1/);
    expect(third.stdout).toMatch(/\[#leaders, edited\] Setwise: Northern Lights: meeting of Tue 5 Jan 2027\n[\s\S]*▶ Issue 2: @dave/);
    expect(third.stdout).toContain('Setwise: Now: issue 2: @dave, 30 minutes.');
  });
});
