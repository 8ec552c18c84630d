/**
 * B1's yardstick for Slack: a Bolt app that only acknowledges `/setwise`, set up as
 * Setwise sets up its own (adapters/slack/app.ts: an HTTPReceiver on /slack/events with
 * the same body limit and a /healthz route, a bot token checked with auth.test at
 * start, the Web API pointed at SLACK_API_URL, logging warnings only), so what Setwise
 * costs beyond it is Setwise's. Env: PORT, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL.
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const env = (name: string) => process.env[name] ?? (() => { throw new Error(`${name} is not set`); })();
const port = Number(env('PORT'));

const receiver = new HTTPReceiver({
  signingSecret: env('SLACK_SIGNING_SECRET'),
  endpoints: '/slack/events',
  port,
  logLevel: LogLevel.WARN,
  bodyLimit: 512 * 1024,
  customRoutes: [{ path: '/healthz', method: ['GET'], handler: (_req, res) => void res.writeHead(200).end('ok') }],
});
const app = new App({
  receiver,
  token: env('SLACK_BOT_TOKEN'),
  logLevel: LogLevel.WARN,
  deferInitialization: true,
  clientOptions: { slackApiUrl: env('SLACK_API_URL'), rejectRateLimitedCalls: true, retryConfig: { retries: 0 } },
});

app.command('/setwise', async ({ ack }) => {
  await ack();
});

await app.init();
await app.start(port);
