import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { NUDGE_KINDS } from '../../src/domain/nudges/job';
import { hasUnsafeCharacters } from '../../src/domain/text';
import { ROOT } from '../support/process';

describe('npm run demo', () => {
  it('plays a three-meeting programme, one of them live on its run-sheet, and sends every nudge of the catalogue', () => {
    const run = spawnSync('npm', ['run', 'demo', '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    const summary = run.stdout.split('Sent, by nudge:')[1] ?? '';
    for (const kind of NUDGE_KINDS) expect(summary, kind).toMatch(new RegExp(`^ {2}${kind} +[1-9]\\d*$`, 'm'));
    // Carol's quiet hours (21:00-07:00 New York) hold her 05:00 presenter notice to 07:00.
    expect(run.stdout).toContain('Tue 12 Jan 2027 12:00 Europe/London (Tue 12 Jan 2027 07:00 America/New_York)  → dm @carol\n      You are presenting');
    expect(run.stdout).toContain('Mon 18 Jan 2027 10:00 Europe/London  → #leaders\n      Northern Lights meets on Tue 19 Jan 2027, 10:00–13:00');
    // People are named as people read them, never as the tokens the core sends.
    expect(run.stdout).toContain('Added @bob, @carol, @dave, @erin, @frank and @gina to Northern Lights.');
    expect(run.stdout).toContain('Presenting: @bob and @carol.');
    // The second meeting runs live: one run-sheet, edited in place; the heads-up; the end planning reflections from 11:50.
    expect(run.stdout.match(/→ #leaders\n {6}Northern Lights: meeting of Tue 16 Feb 2027/g)).toHaveLength(1);
    expect(run.stdout).toContain('✎ #leaders (edited in place)\n      ▶ Issue 1: @dave (35 min)');
    expect(run.stdout).toContain('Tue 16 Feb 2027 10:35 Europe/London  → dm @alice\n      Northern Lights: 5 minutes left for issue 1: @dave');
    expect(run.stdout).toContain('      @erin missed their turn and will go first when the rotation next chooses.');
    expect(run.stdout).toMatch(/Tue 16 Feb 2027 13:50 Europe\/London {2}→ dm @gina\n {6}Thank you for Northern Lights on Tue 16 Feb 2027/);
    expect(run.stdout).not.toMatch(/Tue 16 Feb 2027 \d\d:\d\d Europe\/London {2}→ dm @bob\n {6}Thank you for Northern Lights on Tue 16 Feb/);
    expect(run.stdout).toMatch(/files: report-northern-lights\.png \(\d+ bytes\), report-northern-lights\.csv/);
    expect(hasUnsafeCharacters(run.stdout)).toBe(false);
  });
});
