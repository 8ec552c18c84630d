/**
 * The Teams app package: the manifest template filled in with the bot's app id and the
 * developer's details, checked against the Teams manifest schema it declares (shipped
 * in @microsoft/app-manifest), zipped with the two icons.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import { zipSync } from 'fflate';
import { z } from 'zod';

export const TEAMS_DIR = fileURLToPath(new URL('../../teams/', import.meta.url));

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the package is made from, read from the environment like every other setting. */
export const packageSettings = z.object({
  MicrosoftAppId: z.string({ message: 'required: the bot\'s Microsoft app id, a GUID' }).trim().regex(GUID, { message: 'must be the bot\'s Microsoft app id, a GUID such as 00000000-0000-0000-0000-000000000000' }),
  SETWISE_TEAMS_DEVELOPER: z.string().trim().min(1).max(32, { message: 'must be at most 32 characters (Teams\' limit for a developer name)' }).default('Setwise'),
  SETWISE_TEAMS_WEBSITE: z
    .url({ protocol: /^https$/, message: 'must be an https address, e.g. https://setwise.example.org' })
    .default('https://setwise.example.org')
    .transform((u) => (u.endsWith('/') ? u : `${u}/`)),
});
export type PackageSettings = z.infer<typeof packageSettings>;

/** Reads the settings; the first problem as one line naming its variable (never a secret's value). */
export function readSettings(env: Record<string, string | undefined>): PackageSettings {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = packageSettings.safeParse(blankless);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`${String(issue.path[0])}: ${issue.message}`);
}

/** The template with its placeholders filled. */
export function fillManifest(settings: PackageSettings, template = readFileSync(join(TEAMS_DIR, 'manifest.template.json'), 'utf8')): Record<string, unknown> {
  const site = settings.SETWISE_TEAMS_WEBSITE;
  const values: Record<string, string> = {
    MicrosoftAppId: settings.MicrosoftAppId.toLowerCase(),
    DeveloperName: settings.SETWISE_TEAMS_DEVELOPER,
    WebsiteUrl: site,
    PrivacyUrl: `${site}privacy`,
    TermsUrl: `${site}terms`,
    Domain: new URL(site).host,
  };
  // Filled inside the parsed JSON, so no value can break out of its string.
  const fill = (node: unknown): unknown =>
    typeof node === 'string'
      ? node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`)
      : Array.isArray(node)
        ? node.map(fill)
        : node && typeof node === 'object'
          ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]))
          : node;
  return fill(JSON.parse(template)) as Record<string, unknown>;
}

/** The JSON schema of the manifest version a manifest declares, from @microsoft/app-manifest. */
export function schemaFor(manifest: Record<string, unknown>): object {
  const version = /\/teams\/(v[\d.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/.exec(String(manifest.$schema ?? ''))?.[1];
  if (!version) throw new Error(`the manifest's $schema names no Teams manifest schema version (${String(manifest.$schema)})`);
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return JSON.parse(readFileSync(join(root, 'build', 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json'), 'utf8')) as object;
}

/** Problems with a manifest against its schema, one line each; none when it is valid. */
export function manifestProblems(manifest: Record<string, unknown>): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(schemaFor(manifest));
  if (validate(manifest)) {
    const left = JSON.stringify(manifest).match(/\{\{\w+\}\}/g);
    return left ? [`placeholders left unfilled: ${[...new Set(left)].join(', ')}`] : [];
  }
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

/** The zip Teams uploads: manifest.json and the two icons at its root. */
export function buildPackage(settings: PackageSettings): { zip: Uint8Array; manifest: Record<string, unknown> } {
  const manifest = fillManifest(settings);
  const problems = manifestProblems(manifest);
  if (problems.length) throw new Error(`the manifest does not match its schema: ${problems.join('; ')}`);
  const zip = zipSync({
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
    'color.png': readFileSync(join(TEAMS_DIR, 'color.png')),
    'outline.png': readFileSync(join(TEAMS_DIR, 'outline.png')),
  });
  return { zip, manifest };
}
