/**
 * adapters/slack/manifest.yaml is what an administrator pastes into Slack to create
 * Setwise's app. Two things are checked here: that it has the shape of a Slack app
 * manifest (Slack's published schema: field names, required fields, lengths), and
 * that it asks for exactly the scopes and events the code needs, no more and no
 * fewer. What the code needs is read from adapters/slack/*.ts itself, with the
 * TypeScript parser: every Web API method it calls and every Bolt listener it
 * registers, each mapped to the scope Slack documents for it in the tables below.
 * A call missing from the tables fails the test, so a new one cannot slip by.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_EVENTS, BOT_SCOPES } from '../../../adapters/slack/scopes';

const SLACK_DIR = join(import.meta.dirname, '../../../adapters/slack');

/**
 * Web API methods, with the bot scopes Slack's method reference (docs.slack.dev,
 * "Scopes: Bot token") gives for each. Where Slack accepts any one of several, the
 * one for what Setwise does is named, and the others are in the note.
 */
const METHOD_SCOPES: Readonly<Record<string, { readonly scopes: readonly string[]; readonly note?: string }>> = {
  'chat.postMessage': { scopes: ['chat:write'] },
  'chat.update': { scopes: ['chat:write'] },
  'chat.postEphemeral': { scopes: ['chat:write'] },
  'conversations.join': { scopes: ['channels:join'], note: 'public channels only; a private one needs an invitation' },
  'conversations.open': {
    scopes: ['im:write'],
    note: 'Slack accepts any of channels:manage, groups:write, im:write, mpim:write; a DM with one person is im:write',
  },
  'users.info': { scopes: ['users:read'], note: 'includes the profile time zone (tz)' },
  'files.uploadV2': {
    scopes: ['files:write'],
    note: "@slack/web-api's helper: files.getUploadURLExternal, a POST of the bytes, files.completeUploadExternal; both methods need files:write",
  },
  'files.getUploadURLExternal': { scopes: ['files:write'] },
  'files.completeUploadExternal': { scopes: ['files:write'] },
  'files.list': { scopes: ['files:read'], note: 'to find the files Setwise uploaded to a person who erases their data' },
  'files.delete': { scopes: ['files:write'], note: 'a bot token deletes the files it uploaded' },
  'views.open': { scopes: [], note: 'no scope: the trigger_id is the permission' },
  'views.publish': { scopes: [], note: 'no scope; needs the Home tab enabled' },
  'views.update': { scopes: [] },
};

/** Events Setwise may subscribe to, with the bot scopes Slack's event reference requires. */
const EVENT_SCOPES: Readonly<Record<string, readonly string[]>> = {
  app_home_opened: [],
  'message.im': ['im:history'],
  app_uninstalled: [],
  tokens_revoked: [],
};

/**
 * Bolt listeners and lifecycle calls on the App. `message` stands for `message.im`
 * because its handler acts only on DMs (checked below); subscribing to channel
 * messages would need channels:history and would read every message in set channels.
 */
const APP_CALLS: Readonly<Record<string, { readonly scopes: readonly string[]; readonly events?: readonly string[]; readonly interactivity?: boolean }>> = {
  command: { scopes: ['commands'] },
  message: { scopes: [], events: ['message.im'] },
  event: { scopes: [] }, // its event's scopes come from EVENT_SCOPES
  action: { scopes: [], interactivity: true },
  view: { scopes: [], interactivity: true },
  error: { scopes: [] },
  start: { scopes: [] },
  init: { scopes: [] }, // deferred initialization: auth.test on the bot token, which needs no scope
  stop: { scopes: [] },
};

/** Slack's manifest (schema 1.0.0), as much of it as Setwise may use. */
interface Manifest {
  readonly _metadata?: unknown;
  readonly display_information: { readonly name: string; readonly description?: string; readonly long_description?: string; readonly background_color?: string };
  readonly features: {
    readonly app_home: { readonly home_tab_enabled: boolean; readonly messages_tab_enabled: boolean; readonly messages_tab_read_only_enabled?: boolean };
    readonly bot_user: { readonly display_name: string; readonly always_online?: boolean };
    readonly slash_commands: readonly { readonly command: string; readonly url?: string; readonly description: string; readonly usage_hint?: string; readonly should_escape?: boolean }[];
  };
  readonly oauth_config: { readonly redirect_urls: readonly string[]; readonly scopes: { readonly bot: readonly string[]; readonly user?: readonly string[] } };
  readonly settings: {
    readonly event_subscriptions: { readonly request_url?: string; readonly bot_events: readonly string[]; readonly user_events?: readonly string[] };
    readonly interactivity: { readonly is_enabled: boolean; readonly request_url?: string };
    readonly org_deploy_enabled?: boolean;
    readonly socket_mode_enabled: boolean;
    readonly token_rotation_enabled?: boolean;
  };
}

const manifestText = readFileSync(join(SLACK_DIR, 'manifest.yaml'), 'utf8');
const manifest = parse(manifestText) as Manifest;

/** The property names Slack's manifest schema allows on each object (additionalProperties: false). */
const ALLOWED_KEYS = {
  top: ['_metadata', 'display_information', 'features', 'oauth_config', 'settings', 'outgoing_domains', 'functions', 'workflows', 'datastores', 'types'],
  display_information: ['name', 'description', 'background_color', 'long_description'],
  features: ['app_home', 'bot_user', 'shortcuts', 'slash_commands', 'unfurl_domains', 'workflow_steps', 'functions', 'assistant_view'],
  app_home: ['home_tab_enabled', 'messages_tab_enabled', 'messages_tab_read_only_enabled'],
  bot_user: ['display_name', 'always_online'],
  slash_command: ['command', 'url', 'description', 'usage_hint', 'should_escape'],
  oauth_config: ['redirect_urls', 'scopes', 'token_management_enabled', 'pkce_enabled'],
  scopes: ['bot', 'user', 'bot_optional', 'user_optional'],
  settings: ['allowed_ip_address_ranges', 'event_subscriptions', 'incoming_webhooks', 'interactivity', 'org_deploy_enabled', 'socket_mode_enabled', 'is_hosted', 'token_rotation_enabled', 'siws_links', 'hermes_app_type', 'function_runtime'],
  event_subscriptions: ['request_url', 'user_events', 'bot_events', 'metadata_subscriptions'],
  interactivity: ['is_enabled', 'request_url', 'message_menu_options_url'],
} as const;

const keysOf = (o: unknown): string[] => Object.keys(o as object);
const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

// ---------------------------------------------------------------------------
// Reading the code

/** The Web API's namespaces (`chat`, `conversations`, ...), from a real client: its plain-object properties. */
const NAMESPACES = new Set(
  Object.entries(new WebClient()).flatMap(([key, value]) => (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype ? [key] : [])),
);

interface CodeUse {
  /** Web API methods called, e.g. `chat.postMessage`, with the file each is in. */
  readonly methods: Map<string, string>;
  /** Calls on the Bolt app: `command /setwise`, `event app_home_opened`, `message`, ... */
  readonly appCalls: { readonly kind: string; readonly arg?: string; readonly file: string }[];
  /** Calls the scan cannot name a method for (`client.apiCall(someVariable)`). */
  readonly unreadable: string[];
}

/** `a.b?.c!.d` as `a.b.c.d`. */
function calleePath(node: ts.Expression): string[] | undefined {
  if (ts.isIdentifier(node)) return [node.text];
  if (ts.isNonNullExpression(node) || ts.isParenthesizedExpression(node)) return calleePath(node.expression);
  if (ts.isPropertyAccessExpression(node)) {
    const left = calleePath(node.expression);
    return left && [...left, node.name.text];
  }
  return undefined;
}

const literalOf = (arg: ts.Expression | undefined): string | undefined => (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg.text : undefined);

/** Every Web API call and Bolt listener in some TypeScript sources. */
function scanSources(files: Readonly<Record<string, string>>): CodeUse {
  const use: CodeUse = { methods: new Map(), appCalls: [], unreadable: [] };
  for (const [file, text] of Object.entries(files)) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const path = calleePath(node.expression);
        if (path) {
          const last = path[path.length - 1]!;
          const first = literalOf(node.arguments[0]);
          // client.chat.postMessage(...), ctx.client.views.open(...): a namespace after some receiver.
          const at = path.findIndex((part, i) => i > 0 && i < path.length - 1 && NAMESPACES.has(part));
          if (at > 0) use.methods.set(path.slice(at).join('.'), file);
          // client.apiCall('method', ...) and client.paginate('method', ...) name their method in a string.
          else if (path.length > 1 && (last === 'apiCall' || last === 'paginate')) {
            if (first) use.methods.set(first, file);
            else use.unreadable.push(`${file}: ${node.expression.getText(source)}(${node.arguments[0]?.getText(source) ?? ''})`);
          }
          // app.command('/setwise', ...), app.event('app_home_opened', ...), app.message(...), app.start()
          if (path.length === 2 && path[0] === 'app') use.appCalls.push({ kind: last, ...(first ? { arg: first } : {}), file });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return use;
}

interface Needs {
  readonly scopes: string[];
  readonly events: string[];
  readonly commands: string[];
  readonly interactivity: boolean;
}

/** What the calls found need from Slack; throws, naming them, on any call the tables do not cover. */
function needsOf(use: CodeUse): Needs {
  const unknown: string[] = [...use.unreadable.map((u) => `a Web API call whose method cannot be read: ${u}`)];
  const scopes: string[] = [];
  const events: string[] = [];
  const commands: string[] = [];
  let interactivity = false;
  for (const [method, file] of use.methods) {
    const known = METHOD_SCOPES[method];
    if (known) scopes.push(...known.scopes);
    else unknown.push(`Web API method ${method} (called in ${file}) is not in METHOD_SCOPES: look up its bot scope on docs.slack.dev and add it`);
  }
  for (const call of use.appCalls) {
    const known = APP_CALLS[call.kind];
    if (!known) {
      unknown.push(`app.${call.kind}(...) (in ${call.file}) is not in APP_CALLS: find what it needs (a scope, an event, a manifest feature) and add it`);
      continue;
    }
    scopes.push(...known.scopes);
    for (const event of known.events ?? []) {
      events.push(event);
      scopes.push(...(EVENT_SCOPES[event] ?? []));
    }
    if (known.interactivity) interactivity = true;
    if (call.kind === 'command') {
      if (call.arg) commands.push(call.arg);
      else unknown.push(`app.command(...) in ${call.file} does not name its command in a string`);
    }
    if (call.kind === 'event') {
      const eventScopes = call.arg === undefined ? undefined : EVENT_SCOPES[call.arg];
      if (eventScopes === undefined) unknown.push(`app.event(${call.arg ?? '?'}) (in ${call.file}) is not in EVENT_SCOPES: add the event with the scopes Slack lists for it`);
      else {
        events.push(call.arg!);
        scopes.push(...eventScopes);
      }
    }
  }
  if (unknown.length > 0) throw new Error(`The scope tables in test/adapters/slack/manifest.test.ts do not cover:\n  - ${unknown.join('\n  - ')}`);
  return { scopes: sorted(scopes), events: sorted(events), commands: sorted(commands), interactivity };
}

const adapterSources = Object.fromEntries(
  readdirSync(SLACK_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [`adapters/slack/${f}`, readFileSync(join(SLACK_DIR, f), 'utf8')]),
);
const appSource = adapterSources['adapters/slack/app.ts']!;
const codeUse = scanSources(adapterSources);

// ---------------------------------------------------------------------------

describe('manifest.yaml is a Slack app manifest', () => {
  it('parses, with only the fields Slack knows', () => {
    expect(manifest).toBeTypeOf('object');
    const unknownKeys = (where: string, o: unknown, allowed: readonly string[]) => keysOf(o).filter((k) => !allowed.includes(k)).map((k) => `${where}.${k}`);
    expect([
      ...unknownKeys('(top)', manifest, ALLOWED_KEYS.top),
      ...unknownKeys('display_information', manifest.display_information, ALLOWED_KEYS.display_information),
      ...unknownKeys('features', manifest.features, ALLOWED_KEYS.features),
      ...unknownKeys('features.app_home', manifest.features.app_home, ALLOWED_KEYS.app_home),
      ...unknownKeys('features.bot_user', manifest.features.bot_user, ALLOWED_KEYS.bot_user),
      ...manifest.features.slash_commands.flatMap((c, i) => unknownKeys(`features.slash_commands[${i}]`, c, ALLOWED_KEYS.slash_command)),
      ...unknownKeys('oauth_config', manifest.oauth_config, ALLOWED_KEYS.oauth_config),
      ...unknownKeys('oauth_config.scopes', manifest.oauth_config.scopes, ALLOWED_KEYS.scopes),
      ...unknownKeys('settings', manifest.settings, ALLOWED_KEYS.settings),
      ...unknownKeys('settings.event_subscriptions', manifest.settings.event_subscriptions, ALLOWED_KEYS.event_subscriptions),
      ...unknownKeys('settings.interactivity', manifest.settings.interactivity, ALLOWED_KEYS.interactivity),
    ]).toEqual([]);
  });

  it('names and describes the app within Slack’s lengths', () => {
    const info = manifest.display_information;
    expect(info.name).toBe('Setwise');
    expect(info.name.length).toBeLessThanOrEqual(35);
    expect(info.description?.length ?? 0).toBeLessThanOrEqual(140);
    // Slack refuses a long description shorter than 175 characters or longer than 4000.
    expect(info.long_description?.length).toBeGreaterThanOrEqual(175);
    expect(info.long_description?.length).toBeLessThanOrEqual(4000);
    expect(info.background_color).toMatch(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i);
    expect(manifest.features.bot_user.display_name).toMatch(/^.{1,80}$/);
  });

  it('has a Home tab and a Messages tab people can type commands in', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    // Read-only would stop the DM commands that app.message answers.
    expect(manifest.features.app_home.messages_tab_read_only_enabled ?? false).toBe(false);
  });

  it('declares /setwise with mentions escaped, so they arrive as <@U…|name>', () => {
    const setwise = manifest.features.slash_commands.find((c) => c.command === '/setwise');
    expect(setwise, 'a /setwise slash command').toBeDefined();
    expect(setwise!.should_escape).toBe(true);
    for (const c of manifest.features.slash_commands) {
      expect(c.command).toMatch(/^\/[^\s]{1,31}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(2000);
      expect(c.usage_hint?.length ?? 0).toBeLessThanOrEqual(1000);
    }
  });

  it('turns on interactivity and Socket Mode explicitly, and leaves org-wide deployment and token rotation off', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBeTypeOf('boolean');
    // Outbound calls find a workspace's bot token by its team id and never refresh it:
    // an organisation-wide install, or tokens that expire, would not be usable.
    expect(manifest.settings.org_deploy_enabled ?? false).toBe(false);
    expect(manifest.settings.token_rotation_enabled ?? false).toBe(false);
  });

  it('points every URL at Setwise’s own paths on one https host', () => {
    const requestUrls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of requestUrls) expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
    expect(manifest.oauth_config.redirect_urls.length).toBeGreaterThan(0);
    for (const url of manifest.oauth_config.redirect_urls) expect(url).toMatch(/^https:\/\/[^/]+\/slack\/oauth_redirect$/);
    const hosts = new Set([...requestUrls, ...manifest.oauth_config.redirect_urls].map((u) => new URL(u!).host));
    expect(hosts.size, 'one host to replace').toBe(1);
  });

  it('serves those paths in the code', () => {
    expect(appSource).toContain("endpoints: '/slack/events'");
    expect(appSource).toContain("installPath: '/slack/install'");
    expect(appSource).toContain("redirectUriPath: '/slack/oauth_redirect'");
  });

  it('asks for bot scopes only', () => {
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
    expect(manifest.settings.event_subscriptions.user_events ?? []).toEqual([]);
  });
});

describe('the scopes and events are exactly what the code uses', () => {
  // Throws, naming each call the tables do not cover; every test below then fails with that message.
  let needs: Needs;
  beforeAll(() => {
    needs = needsOf(codeUse);
  });

  it('covers every Web API call and listener in the code', () => {
    expect(() => needsOf(codeUse)).not.toThrow();
  });

  it('finds the calls it expects in the code (the scan works)', () => {
    expect([...codeUse.methods.keys()]).toEqual(expect.arrayContaining(['chat.postMessage', 'views.open', 'views.publish', 'users.info', 'files.uploadV2']));
    expect(codeUse.appCalls.map((c) => c.kind)).toEqual(expect.arrayContaining(['command', 'action', 'view', 'event', 'message']));
  });

  it('BOT_SCOPES is what the code needs', () => {
    expect(sorted(keysOf(BOT_SCOPES))).toEqual(needs.scopes);
  });

  it('the manifest asks for BOT_SCOPES', () => {
    expect(sorted(manifest.oauth_config.scopes.bot)).toEqual(sorted(keysOf(BOT_SCOPES)));
    expect(manifest.oauth_config.scopes.bot.length, 'no scope twice').toBe(new Set(manifest.oauth_config.scopes.bot).size);
  });

  it('the OAuth install asks for BOT_SCOPES too', () => {
    expect(appSource).toContain('scopes: Object.keys(BOT_SCOPES)');
  });

  it('every scope says what it is for', () => {
    for (const [scope, purpose] of Object.entries(BOT_SCOPES)) expect(purpose.length, scope).toBeGreaterThan(10);
  });

  it('BOT_EVENTS and the manifest’s bot_events are the events the code listens to', () => {
    expect(sorted(BOT_EVENTS)).toEqual(needs.events);
    expect(sorted(manifest.settings.event_subscriptions.bot_events)).toEqual(needs.events);
  });

  it('the manifest declares the slash commands the code answers, and no others', () => {
    expect(sorted(manifest.features.slash_commands.map((c) => c.command))).toEqual(needs.commands);
  });

  it('interactivity is on because the code handles buttons and modals', () => {
    expect(needs.interactivity).toBe(true);
  });

  it('the message listener acts only on DMs, as message.im in the table assumes', () => {
    expect(appSource).toMatch(/app\.message\([\s\S]*?channel_type !== 'im'/);
  });
});

describe('the scan itself', () => {
  it('fails, naming the method, on a Web API call the table does not know', () => {
    const use = scanSources({ 'x.ts': 'await client.reactions.add({ channel, name: "eyes", timestamp });' });
    expect(() => needsOf(use)).toThrow(/reactions\.add \(called in x\.ts\) is not in METHOD_SCOPES/);
  });

  it('fails on a listener or event the tables do not know', () => {
    expect(() => needsOf(scanSources({ 'x.ts': "app.shortcut('open', handler);" }))).toThrow(/app\.shortcut\(\.\.\.\) \(in x\.ts\) is not in APP_CALLS/);
    expect(() => needsOf(scanSources({ 'x.ts': "app.event('member_joined_channel', handler);" }))).toThrow(/app\.event\(member_joined_channel\)/);
  });

  it('reads generic calls, through any receiver, and ignores comments', () => {
    const use = scanSources({
      'x.ts': ['// client.pins.add( in a comment', "await web.apiCall('bookmarks.add', {});", 'await ctx.client!.conversations?.open({ users });', 'await client.apiCall(name);'].join('\n'),
    });
    expect(sorted(use.methods.keys())).toEqual(['bookmarks.add', 'conversations.open']);
    expect(use.unreadable).toEqual(['x.ts: client.apiCall(name)']);
  });
});
