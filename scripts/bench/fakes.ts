/**
 * A fake Slack Web API or Bot Framework connector for B1, in a process of its own so
 * that answering the apps' calls does not share an event loop with the load generator.
 * `node --import tsx scripts/bench/fakes.ts slack|teams` prints `{ "url": ... }` on
 * stdout; over IPC it takes 'clear' (forget the calls so far) and 'summary' (what the
 * apps sent since, sorted into kinds: see `Summary`).
 */
import { startFakeConnector, type FakeConnector } from '../../test/support/teams/connector';
import { startFakeSlack, type FakeSlack } from '../../test/support/slack/fake-api';

/** What the app answered, sorted: every request should get a rotation for its own set. */
export interface Summary {
  /** Answers that are the rotation of the set the request came from. */
  readonly rotations: number;
  /** "You are sending me requests faster than I can take them." */
  readonly flooded: number;
  /** "Something went wrong..." or any other refusal. */
  readonly failed: number;
  /** Teams: the one-line pointer to the private answer, in the channel's thread. */
  readonly pointers: number;
  /** The bare bot's `ok`. */
  readonly oks: number;
  /** Anything else, and a few of them to look at. */
  readonly other: number;
  readonly samples: readonly string[];
  /** Every call by method ('response_url', 'views.publish', 'POST /v3/conversations', ...). */
  readonly calls: Readonly<Record<string, number>>;
}

const FLOOD = 'faster than I can take them';
const FAILED = /went wrong|try again/i;

function sorter() {
  const counts = { rotations: 0, flooded: 0, failed: 0, pointers: 0, oks: 0, other: 0 };
  const samples: string[] = [];
  const sort = (text: string, set: string | undefined) => {
    if (set !== undefined && text.includes(`Who presents next in Set ${set}`)) counts.rotations++;
    else if (text.includes(FLOOD)) counts.flooded++;
    else if (FAILED.test(text)) counts.failed++;
    else if (text.includes('I have sent you the answer in your chat')) counts.pointers++;
    else if (text === '"ok"') counts.oks++;
    else {
      counts.other++;
      if (samples.length < 3) samples.push(text.slice(0, 300));
    }
  };
  return { counts, samples, sort };
}

const tally = (names: readonly string[]) => names.reduce<Record<string, number>>((acc, n) => ((acc[n] = (acc[n] ?? 0) + 1), acc), {});

/** Slack: each response_url is `/respond/<set>.<n>`, so an answer can be checked against the set asked about. */
function slackSummary(fake: FakeSlack): Summary {
  const { counts, samples, sort } = sorter();
  for (const call of fake.callsTo('response_url')) {
    const text = typeof call.args.text === 'string' ? call.args.text : JSON.stringify(call.args);
    // Only the person who asked should see it.
    sort(call.args.response_type === 'ephemeral' ? text : `(not ephemeral) ${text}`, call.id?.split('.')[0]);
  }
  return { ...counts, samples, calls: tally(fake.calls.map((c) => c.method)) };
}

/** Teams: a private answer goes to the person's own chat, `a:chat-with-29:set<k>-<name>`. */
function teamsSummary(fake: FakeConnector): Summary {
  const { counts, samples, sort } = sorter();
  for (const sent of fake.sent) {
    const activity = sent.activity as { text?: unknown };
    const text = activity.text === 'ok' ? '"ok"' : JSON.stringify(sent.activity);
    sort(text, /^a:chat-with-29:set(\d+)-/.exec(sent.conversation)?.[1]);
  }
  return { ...counts, samples, calls: tally(fake.calls.map((c) => c.replace(/\/v3\/conversations\/[^/]+(\/activities)?(\/[^/]+)?/, (_, a?: string, id?: string) => `/v3/conversations/<id>${a ?? ''}${id ? '/<id>' : ''}`))) };
}

const kind = process.argv[2];
if (kind !== 'slack' && kind !== 'teams') throw new Error('usage: fakes.ts slack|teams');
const fake = kind === 'slack' ? await startFakeSlack() : await startFakeConnector();
const clear = () => {
  if (kind === 'slack') (fake as FakeSlack).clear();
  else for (const list of [(fake as FakeConnector).sent, (fake as FakeConnector).updated, (fake as FakeConnector).calls, (fake as FakeConnector).opened]) list.length = 0;
};
process.on('message', (message) => {
  if (message === 'clear') clear();
  if (message === 'clear' || message === 'summary') process.send?.(kind === 'slack' ? slackSummary(fake as FakeSlack) : teamsSummary(fake as FakeConnector));
});
// The benchmark gone, the fake goes too.
process.on('disconnect', () => process.exit(0));
console.log(JSON.stringify({ url: fake.url }));
