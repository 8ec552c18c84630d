/**
 * `npm run bench:plan`: what re-planning a set costs. Every change to a set (an RSVP,
 * a member, a moved meeting) re-plans its nudges, each day-based one at its meeting's
 * wall time in its recipient's zone. Measures the pure plan, then whole commands
 * through the core on a real (in-memory) SQLite store.
 */
import { openDatabase } from '../db/client';
import { createSqliteStore } from '../db/store';
import { createCore } from '../src/app/core';
import { nudgeSettings } from '../src/domain/nudges/settings';
import { planNudges, type PlanMeeting } from '../src/domain/nudges/catalogue';
import { resolveWallTime } from '../src/domain/wall-time';
import type { ChatPort } from '../src/ports/chat';
import { ManualClock } from '../src/ports/clock';
import type { Mention, Where } from '../src/ports/inbound';
import { silentLogger } from '../src/ports/logger';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../src/prompt-library';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timePlan(members: number, meetings: number): { ms: number; jobs: number } {
  const list: PlanMeeting[] = Array.from({ length: meetings }, (_, i) => {
    const date = new Date(Date.UTC(2027, 0, 5 + 28 * i)).toISOString().slice(0, 10);
    const start = resolveWallTime(date, '10:00', 'Europe/London').instant;
    return { id: i + 1, startsAt: start, endsAt: new Date(start.getTime() + 3 * 3_600_000), status: 'scheduled' };
  });
  const ids = Array.from({ length: members }, (_, i) => i + 1);
  // One member reads times in New York: the plan works out two zones.
  const input = { now: new Date('2026-12-01T00:00:00Z'), settings: nudgeSettings({}), zone: 'Europe/London', zones: new Map([[2, 'America/New_York']]), meetings: list, memberIds: ids, facilitatorIds: [1], minAttendance: 3, declined: new Map(), finalMeetingId: meetings, presenters: new Map(list.map((m) => [m.id, [1, 2]])) };
  const runs: number[] = [];
  let jobs = 0;
  for (let i = 0; i < 60; i++) {
    const t = performance.now();
    jobs = planNudges(input).length;
    runs.push(performance.now() - t);
  }
  return { ms: median(runs.slice(10)), jobs };
}

async function timeCommands(members: number, schedule = 'schedule every 4 weeks on tuesday at 10:00 from 2027-01-05 for 13 meetings'): Promise<Record<string, number>> {
  const database = openDatabase(':memory:');
  const clock = new ManualClock(new Date('2026-12-01T12:00:00Z'));
  const chat: ChatPort = { post: async (to) => ({ address: to, ref: null }), update: async () => {} };
  const core = createCore({ store: createSqliteStore(database.db), chat, clock, log: silentLogger, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) });
  const person = (name: string) => ({ userId: name, displayName: name, dm: { platform: 'console' as const, kind: 'user' as const, ref: { user: name } } });
  const where: Where = { kind: 'channel', id: 'c', label: '#c', address: { platform: 'console', kind: 'channel', ref: { channel: 'c' } } };
  const say = (name: string, text: string) => {
    const mentions: Mention[] = [...text.matchAll(/@(\w+)/g)].map((m) => ({ token: m[0], identity: person(m[1]!) }));
    return core.handle({ platform: 'console', workspaceId: 'bench', actor: person(name), where, payload: { type: 'command', text, mentions } });
  };
  await say('lead', 'set create Bench tz Europe/London');
  await say('lead', `member add ${Array.from({ length: members - 1 }, (_, i) => `@m${i}`).join(' ')}`);
  await say('m1', 'me tz America/New_York');
  await say('lead', schedule);
  const time = async (commands: [string, string][]) => {
    const runs: number[] = [];
    for (const [who, text] of commands) {
      const t = performance.now();
      await say(who, text);
      runs.push(performance.now() - t);
    }
    return median(runs);
  };
  const result = {
    rsvp: await time(Array.from({ length: 30 }, (_, i) => [`m${i % (members - 1)}`, i % 2 ? 'rsvp yes' : 'rsvp maybe'])),
    'member add/remove': await time(Array.from({ length: 30 }, (_, i) => ['lead', i % 2 ? 'member remove @extra' : 'member add @extra'])),
    'me tz': await time(Array.from({ length: 30 }, (_, i) => ['m2', i % 2 ? 'me tz Europe/London' : 'me tz Asia/Kolkata'])),
  };
  database.close();
  return result;
}

console.log('Re-planning a set with 13 meetings (median of 50 runs):');
for (const members of [6, 8, 20]) {
  const { ms, jobs } = timePlan(members, 13);
  console.log(`  plan only, ${String(members).padStart(2)} members: ${ms.toFixed(2)} ms for ${jobs} nudges`);
}
for (const members of [8, 19]) {
  const r = await timeCommands(members);
  console.log(`  whole commands, ${members} members: ${Object.entries(r).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`);
}
// The largest set there can be: 19 people and one joining and leaving (20, the maximum), meeting weekly for 50 weeks.
const full = await timeCommands(19, 'schedule every 1 weeks on tuesday at 10:00 from 2027-01-05 for 50 meetings');
console.log(`  a full set, 50 weekly meetings: ${Object.entries(full).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`);
