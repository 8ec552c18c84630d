/**
 * One of two processes changing the same set at once, for the concurrency test: the
 * real core on a file database, typing commands as the set's facilitator. Every reply
 * is appended to a log (one JSON line each) for the test to read.
 */
import { appendFileSync, existsSync } from 'node:fs';
import { createHarness } from './harness';

const { CHILD_DB, CHILD_LOG, CHILD_ROLE, CHILD_ROUNDS = '40', CHILD_GO } = process.env;
const h = await createHarness(new Date('2027-01-04T09:00:00Z'), CHILD_DB!);

const RULES = [
  'schedule every 2 weeks on tuesday at 10:00 from 2027-01-05 for 10 meetings',
  'schedule every 3 weeks on thursday at 15:00 from 2027-01-07 for 8 meetings',
  'schedule every month on the first wednesday at 09:30 from 2027-01-06 for 6 meetings',
];
const POOL = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];

/** The commands this process types, round by round. */
function command(round: number): string {
  if (CHILD_ROLE === 'rules') return RULES[round % RULES.length]!;
  const who = POOL[Math.floor(round / 2) % POOL.length]!;
  return round % 2 === 0 ? `member add @${who}` : `member remove @${who}`;
}

while (CHILD_GO && !existsSync(CHILD_GO)) await new Promise((r) => setTimeout(r, 5));
for (let round = 0; round < Number(CHILD_ROUNDS); round++) {
  const text = command(round);
  const reply = await h.say('alice', '#leaders', text);
  appendFileSync(CHILD_LOG!, `${JSON.stringify({ role: CHILD_ROLE, text, reply: reply.message.text, tone: reply.message.tone ?? null })}\n`);
}
await h.close();
