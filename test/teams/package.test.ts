/**
 * The Teams app package, built by `npm run teams:package` as a person would: a zip
 * whose manifest carries the configured bot id and validates against the Teams
 * manifest schema it declares, with both icons at the sizes Teams requires (read from
 * the PNG headers), the outline white on transparent; bad settings and a broken
 * manifest are refused.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { fillManifest, manifestProblems, readSettings } from '../../scripts/teams-package/build';
import { decodePng } from '../../scripts/teams-package/png';
import { parseCommand } from '../../src/commands/parse';
import { ROOT } from '../support/process';

const APP_ID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const dir = mkdtempSync(join(tmpdir(), 'setwise-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (env: Record<string, string>, out: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/teams-package.ts', out], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir, ...env } });

describe('the Teams app package', () => {
  const out = join(dir, 'setwise.zip');
  const made = run({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'never-printed-secret' }, out);

  it('holds a manifest with the configured bot id that validates against the schema it declares', () => {
    expect(made.status).toBe(0);
    expect(made.stdout + made.stderr).not.toContain('never-printed-secret');
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as { $schema: string; id: string; bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[] };
    expect(manifest.$schema).toMatch(/\/teams\/v1\.\d+\/MicrosoftTeams\.schema\.json$/);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]!.botId).toBe(APP_ID);
    expect(manifest.bots[0]!.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifestProblems(manifest)).toEqual([]);
    // Every command Teams suggests is one Setwise reads.
    for (const { title } of manifest.bots[0]!.commandLists.flatMap((l) => l.commands)) {
      const parsed = parseCommand(title);
      expect(parsed.ok || !/unknown|did you mean/i.test(parsed.problem.message), title).toBe(true);
    }
  });

  it('holds both icons at the sizes Teams requires, the outline white on transparent', () => {
    const files = unzipSync(readFileSync(out));
    const colour = decodePng(Buffer.from(files['color.png']!));
    const outline = decodePng(Buffer.from(files['outline.png']!));
    expect([colour.width, colour.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect([outline.bitDepth, outline.colourType]).toEqual([8, 6]);
    let transparent = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      if (outline.rgba[i + 3] === 0) transparent++;
      else expect([outline.rgba[i], outline.rgba[i + 1], outline.rgba[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(transparent).toBeLessThan(32 * 32);
    // The colour icon is opaque everywhere.
    for (let i = 3; i < colour.rgba.length; i += 4) expect(colour.rgba[i]).toBe(255);
  });

  it('refuses an app id that is not a GUID, or an address that is not https, with one line naming the variable', () => {
    const bad = run({ MicrosoftAppId: 'my-bot' }, join(dir, 'bad.zip'));
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^teams:package: MicrosoftAppId: must be/);
    expect(() => readSettings({ MicrosoftAppId: APP_ID, SETWISE_TEAMS_WEBSITE: 'http://plain.example' })).toThrow(/^SETWISE_TEAMS_WEBSITE: must be an https address/);
  });

  it('finds a broken manifest: the schema check can fail', () => {
    const manifest = fillManifest(readSettings({ MicrosoftAppId: APP_ID })) as { bots: { botId?: string; commandLists: { commands: { title: string }[] }[] }[] };
    manifest.bots[0]!.commandLists[0]!.commands[0]!.title = 'x'.repeat(33);
    expect(manifestProblems(manifest as unknown as Record<string, unknown>).join()).toMatch(/title/);
    delete manifest.bots[0]!.botId;
    expect(manifestProblems(manifest as unknown as Record<string, unknown>).join()).toMatch(/botId/);
    expect(manifestProblems(fillManifest(readSettings({ MicrosoftAppId: APP_ID }), '{"$schema":"https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json","id":"{{Nope}}"}')).length).toBeGreaterThan(0);
  });
});
