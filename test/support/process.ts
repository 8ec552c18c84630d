import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm start` as a person would, feeding `input` on stdin (not a TTY). */
export function start(input: string, env: Record<string, string> = {}): Promise<Run> {
  return startIn({ ...process.env, LOG_LEVEL: '', SETWISE_ADAPTER: '', SLACK_BOT_TOKEN: '', MicrosoftAppId: '', ...env }, input);
}

/** `npm start` with exactly this environment; npm's own warnings are dropped from stderr. */
export function startIn(env: NodeJS.ProcessEnv, input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr: stderr.replace(/^npm warn .*\n/gm, '') }));
    child.stdin.end(input);
  });
}
