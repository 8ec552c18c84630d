/**
 * The dependency rule of the architecture brief, checked in `npm test`:
 *   adapters -> src/ports,  db -> src/ports + src/domain (not its planning),
 *   src/main.ts and src/serve.ts (the composition root) -> everything.
 * Nothing else in src/ touches adapters/, db/, a chat SDK, SQLite, Postgres, drizzle or cron.
 * docs/architecture.md draws the same parts and arrows.
 */

/** The domain modules that decide what a change implies: the core runs them, a store never does. */
const PLANNING = '^src/domain/(recurrence|meetings|rotation/(plan|changes|standing)|nudges/(catalogue|offset)|plan/(set-plan|slots|outbox))[.]ts$';
const PLATFORM_LIBS = '(^|node_modules/)(@slack/|@electric-sql/|(botbuilder[a-z-]*|botframework-[a-z-]+|better-sqlite3|pg|pg-[a-z]+|drizzle-orm|drizzle-kit|node-cron)(/|$))';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-stays-platform-free',
      comment: 'src/ (but main.ts and serve.ts) must not import adapters/ or db/',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(main|serve)\\.ts$' },
      to: { path: '^(adapters|db)/' },
    },
    {
      name: 'core-has-no-platform-libraries',
      comment: 'src/ (but main.ts and serve.ts) must not import a chat SDK, SQLite, Postgres, drizzle or node-cron',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(main|serve)\\.ts$' },
      to: { path: PLATFORM_LIBS },
    },
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds pure rules: it imports nothing else of the core',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'db-sees-ports-and-domain-only',
      comment: 'db/ implements the Store port: it may import src/ports and src/domain only',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(src|adapters)/', pathNot: '^src/(ports|domain)/' },
    },
    {
      name: 'db-does-not-plan',
      comment: 'db/ reads and writes rows; re-planning is the core\'s (src/app/plan.ts), so every store shares one set of rules',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: PLANNING },
    },
    {
      name: 'messages-do-not-see-ports',
      comment: 'src/messages words what the domain holds; it never reaches the Store or the chat ports',
      severity: 'error',
      from: { path: '^src/messages/' },
      to: { path: '^src/ports/' },
    },
    {
      name: 'adapters-talk-through-ports',
      comment: 'an adapter hands the core an Incoming and renders what comes back: it imports src/ports only',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^src/', pathNot: '^src/ports/' },
    },
    {
      name: 'adapters-see-the-core-only',
      comment: 'adapters talk to the core, never to storage or to each other',
      severity: 'error',
      from: { path: '^adapters/([^/]+)/' },
      to: { path: ['^db/', '^adapters/'], pathNot: ['^adapters/$1/'] },
    },
    {
      name: 'slack-sdk-in-slack-adapter',
      severity: 'error',
      from: { pathNot: '^adapters/slack/' },
      to: { path: '(^|node_modules/)@slack/' },
    },
    {
      name: 'botbuilder-in-teams-adapter',
      comment: 'the Bot Framework SDK is archived: keep every import of it inside adapters/teams',
      severity: 'error',
      from: { pathNot: '^adapters/teams/' },
      to: { path: '(^|node_modules/)(botbuilder|botframework-)' },
    },
    {
      name: 'no-tests-in-production',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
