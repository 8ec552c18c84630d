/**
 * /slack/events refuses a body larger than MAX_BODY_BYTES with 413 before reading it
 * into memory or parsing it, whether its size is declared or it arrives chunked; the
 * endpoint goes on answering signed requests.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../adapters/slack/app';
import { startFakeSlack, type FakeSlack } from '../../support/slack/fake-api';
import { post, slashCommand } from '../../support/slack/sign';
import { SIGNING_SECRET, startSetwiseSlack, type SetwiseSlack } from '../../support/slack/setwise';

let fake: FakeSlack;
let slack: SetwiseSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ users: { U0ALICE: { name: 'alice' } } });
  slack = await startSetwiseSlack(fake, new Date('2027-01-04T09:00:00Z'));
});
afterAll(async () => {
  await slack.close();
  await fake.close();
});

/** Sends `bytes` of body to the endpoint, declared or chunked; resolves with the status (the server may close early). */
function send(bytes: number, chunked: boolean): Promise<number> {
  const url = new URL(slack.events);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(chunked ? {} : { 'content-length': String(bytes) }), 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=00' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (e) => (e.message.includes('EPIPE') || e.message.includes('ECONNRESET') ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('the Slack endpoint\'s body limit', () => {
  it('answers 413 to a declared or a chunked body over the limit, and still serves a signed command', async () => {
    expect(await send(MAX_BODY_BYTES + 1, false)).toBe(413);
    expect(await send(8 * MAX_BODY_BYTES, true)).toBe(413);
    const body = slashCommand({ text: 'help', userId: 'U0ALICE', userName: 'alice', teamId: 'T1', responseUrl: fake.responseUrl('ok'), channelId: 'C1', channelName: 'leaders' });
    expect((await post(slack.events, body, { secret: SIGNING_SECRET })).status).toBe(200);
    expect((await slack.opened.rows()).filter((r) => r.table === 'processed_events' && String(r.row.event_id).includes('aaaa'))).toEqual([]);
  });
});
