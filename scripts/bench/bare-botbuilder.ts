/**
 * B1's yardstick for Teams: the thinnest botbuilder bot that answers, on the HTTP
 * Setwise's Teams endpoint uses (a node http server, the body read and parsed, then
 * CloudAdapter's turn; no app id, so no authentication, as in B1's Setwise). It
 * replies `ok` to each message with one sendActivity, to the activity's serviceUrl.
 * Env: PORT.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/** CloudAdapter's turn processing, reachable from our own HTTP handler (as adapters/teams/server.ts does). */
class BareAdapter extends CloudAdapter {
  handle(auth: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

const adapter = new BareAdapter(new ConfigurationBotFrameworkAuthentication({}));

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer((req, res) => {
  if (req.url === '/healthz') return void res.writeHead(200).end('ok');
  if (req.method !== 'POST' || req.url !== '/api/messages') return void res.writeHead(404).end();
  body(req)
    .then((text) =>
      adapter.handle(req.headers.authorization ?? '', JSON.parse(text) as Activity, async (context) => {
        if (context.activity.type === 'message') await context.sendActivity('ok');
      }),
    )
    .then(
      (invoke) => void res.writeHead(invoke?.status ?? 200).end(),
      () => void res.writeHead(500).end(),
    );
});
server.listen(Number(process.env.PORT));
