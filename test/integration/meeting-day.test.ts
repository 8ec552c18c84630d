import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/app/core';
import { nudgeScheduler } from '../../src/app/scheduling';
import { runUntil } from '../../src/scheduler/run-until';
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../../src/prompt-library';
import { silentLogger } from '../../src/ports/logger';
import type { Reply } from '../../src/ports/inbound';
import { channel, createHarness, dmOf, person, type Harness } from '../support/harness';
import { plain } from '../support/plain';
import { RecordingChat } from '../support/recording-chat';

/**
 * A meeting from `meeting start` to its end on the injected clock: the run-sheet is one
 * message edited in place, the heads-up comes through the outbox once (even when the
 * process that planned it is gone), and the end settles the rotation from who came.
 */
let h: Harness;
const MEETING = new Date('2027-01-05T10:00:00Z'); // 10:00 in London, in winter
const at = (minutes: number) => new Date(MEETING.getTime() + minutes * 60_000);

beforeEach(async () => {
  h = await createHarness(new Date('2027-01-04T09:00:00Z'));
  await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
  await h.say('alice', '#leaders', 'member add @bob @carol @dave @erin');
  await h.say('alice', '#leaders', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 3 meetings');
  await h.say('bob', '#leaders', 'rsvp yes');
  await h.say('carol', '#leaders', 'rsvp yes'); // planned to present, said yes, then not there on the day
});
afterEach(() => h.close());

type Core = Harness['core'];
const press = async (core: Core, name: string, actionId: string, value: string): Promise<Reply> =>
  plain(await core.handle({ platform: 'console', workspaceId: 'W1', actor: person(name), where: channel('leaders'), payload: { type: 'action', actionId, value } }));

const firstMeeting = async () => (await h.planOf()).meetings[0]!;
const isSheet = (text: string) => text.startsWith('Northern Lights: meeting of Tue 5 Jan 2027');
/** A new core, scheduler and chat on the same store: what a restarted process would be. */
function restarted(): { chat: RecordingChat; core: Core; scheduler: ReturnType<typeof nudgeScheduler> } {
  const chat = new RecordingChat(() => h.clock.now());
  const deps = { store: h.store, chat, clock: h.clock, log: silentLogger, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) };
  return { chat, core: createCore(deps), scheduler: nudgeScheduler(deps, 'restarted') };
}

const headsUps = (chat: RecordingChat) => chat.to(dmOf('alice')).filter((m) => /minutes? left for/.test(m.text));

describe('a meeting run on its run-sheet', () => {
  it('runs from start to end: stages in place, a heads-up once across a restart, attendance and presenters stored, a missed turn carried on', async () => {
    await h.advanceTo(at(-5));
    const meeting = await firstMeeting();
    expect((await h.say('alice', '#leaders', 'meeting start')).message.text).toMatch(/has started/);
    const sheets = h.chat.posts.filter((p) => isSheet(p.message.text));
    expect(sheets).toHaveLength(1);
    const sheetRef = sheets[0]!.ref;
    expect(sheets[0]!.to).toEqual(channel('leaders').address);
    expect(sheets[0]!.message.text).toMatch(/▶ Check-in \(30 min\): now, until 10:25/);
    expect(sheets[0]!.message.text).toMatch(/Here: @alice, @bob and @carol \(3 of 5\)/); // the starter and both yes answers

    await h.say('dave', '#leaders', 'here');
    await h.say('alice', '#leaders', 'here no @carol'); // said yes, but is not there
    await h.say('erin', '#leaders', 'bid'); // bids are open until the bids stage ends
    h.clock.set(at(20));
    expect((await press(h.core, 'alice', 'meeting.next', `${meeting.id}:0`)).message.text).toBe('Now: bids for time, 5 minutes.');
    // A second press on the stage already left (another facilitator, a double click) changes nothing.
    expect((await press(h.core, 'alice', 'meeting.next', `${meeting.id}:0`)).message.text).toBe('The run-sheet has already moved on.');
    h.clock.set(at(25));
    await press(h.core, 'alice', 'meeting.next', `${meeting.id}:1`);

    const run = (await h.store.runs.get(meeting.id))!;
    expect(run.stages.filter((s) => s.kind === 'issue').map((s) => s.presenterId)).toEqual([await h.idOf('bob'), await h.idOf('erin')]);
    expect(run.stage).toBe(2);
    const issueMinutes = run.stages[2]!.minutes;
    const headsUpAt = at(25 + issueMinutes - 5);

    // Every change edited the one posted message; no second run-sheet was posted.
    expect(h.chat.posts.filter((p) => isSheet(p.message.text))).toHaveLength(1);
    const edits = h.chat.updates.filter((u) => isSheet(u.message.text));
    expect(edits.length).toBeGreaterThanOrEqual(5);
    expect(edits.every((u) => u.posted.ref === sheetRef)).toBe(true);
    expect(edits.at(-1)!.message.text).toMatch(/▶ Issue 1: @bob/);
    expect(edits.at(-1)!.message.text).toMatch(/the set asks questions, it does not give advice/);

    // The process that planned the heads-up goes away before it is due; a new one (new core, scheduler and chat) sends it.
    h.clock.set(new Date(headsUpAt.getTime() - 60_000));
    await h.advanceTo(h.clock.now());
    expect(headsUps(h.chat)).toHaveLength(0);
    const second = restarted();
    await runUntil(second.scheduler, h.store.jobs, h.clock, new Date(headsUpAt.getTime() + 60_000));
    expect(headsUps(second.chat)).toHaveLength(1);
    expect(headsUps(second.chat)[0]!.text).toMatch(/5 minutes left for issue 1: @bob \(next: issue 2: @erin\)/);
    // And the one after that, to the meeting's end of the day, sends nothing more for it.
    const third = restarted();
    await runUntil(third.scheduler, h.store.jobs, h.clock, new Date(headsUpAt.getTime() + 4 * 60_000));
    expect(headsUps(third.chat)).toHaveLength(0);
    expect(headsUps(h.chat)).toHaveLength(0);
    const headsUpJobs = (await h.planOf()).jobs.filter((j) => j.kind === 'stage-heads-up');
    expect(headsUpJobs.filter((j) => j.status === 'done').map((j) => j.dedupeKey)).toEqual([`meeting:${meeting.id}:stage-heads-up:${await h.idOf('alice')}:stage-2-${issueMinutes}m`]);

    // On to the end: the last Next ends the meeting.
    const endAt = at(25 + issueMinutes + 2);
    h.clock.set(endAt);
    for (let stage = 2; stage < run.stages.length; stage++) await press(third.core, 'alice', 'meeting.next', `${meeting.id}:${stage}`);

    const ended = (await h.store.runs.get(meeting.id))!;
    expect(ended.status).toBe('ended');
    expect(ended.endedAt).toEqual(endAt);
    expect((await h.store.meetings.get(meeting.id))!.status).toBe('held');
    const here = (await h.store.runs.attendance(meeting.id)).filter((a) => a.present).map((a) => a.personId);
    expect(here.sort()).toEqual((await Promise.all(['alice', 'bob', 'dave', 'erin'].map((n) => h.idOf(n)))).sort());

    const slots = (await h.planOf()).slots.filter((x) => x.meetingId === meeting.id);
    const slotOf = (id: number) => slots.find((x) => x.personId === id);
    expect(slotOf(await h.idOf('bob'))).toMatchObject({ status: 'presented', source: 'rotation' });
    expect(slotOf(await h.idOf('erin'))).toMatchObject({ status: 'presented', source: 'bid' });
    expect(slotOf(await h.idOf('carol'))).toMatchObject({ status: 'absent', reason: { kind: 'not-there' } });

    // The rotation carries carol's turn: she is first at the next meeting, for the turn she missed.
    const rotation = await h.text('bob', '#leaders', 'rotation');
    expect(rotation).toMatch(/Tue 2 Feb 2027[^\n]*\n\s+1\. @carol: missed their turn on Tue 5 Jan 2027 \(not there\)/);

    // The summary went to the channel; the run-sheet's last edit shows the end.
    const summary = third.chat.to(channel('leaders').address).find((m) => m.text.includes('met on Tue 5 Jan 2027'))!;
    expect(summary.text).toMatch(/There: @alice, @bob, @dave and @erin\./);
    expect(summary.text).toMatch(/Presented: @bob and @erin\./);
    expect(summary.text).toMatch(/@carol missed their turn/);
    expect(third.chat.updates.at(-1)!.message.text).toMatch(/Ended at 11:2\d Europe\/London/);

    // Reflection prompts are planned from the real end, for those who were there.
    const reflections = (await h.planOf()).jobs.filter((j) => j.kind === 'reflection' && j.meetingId === meeting.id);
    const reflectionOf = async (name: string) => {
      const id = await h.idOf(name);
      return reflections.find((j) => j.personId === id);
    };
    expect(await reflectionOf('bob')).toMatchObject({ status: 'pending', runAt: new Date(endAt.getTime() + 2 * 3_600_000) });
    expect((await reflectionOf('carol'))?.status ?? 'none').not.toBe('pending');
  });

  it('ends a run nobody ended, six hours after its planned end, as at that end', async () => {
    await h.advanceTo(at(-5));
    const meeting = await firstMeeting();
    await h.say('alice', '#leaders', 'meeting start');
    await h.say('alice', '#leaders', 'here no @carol');
    // Forgotten: nobody presses Next or types `meeting end`. The rotation and the reflections wait meanwhile.
    await h.advanceTo(at(180 + 5 * 60));
    expect((await h.store.runs.get(meeting.id))!.status).toBe('running');
    expect(h.chat.posts.filter((p) => p.message.text.includes('Thank you for Northern Lights'))).toHaveLength(0);
    await h.advanceTo(at(180 + 6 * 60 + 1));
    const run = (await h.store.runs.get(meeting.id))!;
    expect(run.status).toBe('ended');
    expect(run.endedAt).toEqual(at(180)); // the later of the planned ends: the meeting's 13:00
    expect((await h.store.meetings.get(meeting.id))!.status).toBe('held');
    expect(h.chat.posts.some((p) => p.message.text.includes('met on Tue 5 Jan 2027 (09:55–13:00'))).toBe(true);
    // Stuck at the check-in, nobody presented: the planned presenters who were there gave their places back; carol missed hers.
    const slots = (await h.planOf()).slots.filter((x) => x.meetingId === meeting.id);
    const [carol, bob] = [await h.idOf('carol'), await h.idOf('bob')];
    expect(slots.find((x) => x.personId === carol)).toMatchObject({ status: 'absent', reason: { kind: 'not-there' } });
    expect(slots.find((x) => x.personId === bob)).toMatchObject({ status: 'withdrawn' });
    // The reflections, planned from 13:00, were due at 15:00: they go now, to those who were there.
    await h.advanceTo(at(180 + 6 * 60 + 2));
    const thanked = h.chat.posts.filter((p) => p.message.text.includes('Thank you for Northern Lights')).map((p) => JSON.stringify(p.to.ref));
    expect(thanked.sort()).toEqual([JSON.stringify(dmOf('alice').ref), JSON.stringify(dmOf('bob').ref)]);
  });

  it('posts the run-sheet again when the start could not post it, and starts only once', async () => {
    await h.advanceTo(at(-5));
    h.chat.failWith = new Error('the platform is down');
    expect((await h.say('alice', '#leaders', 'meeting start')).message.tone).toBe('error');
    h.chat.failWith = undefined;
    expect((await h.say('alice', '#leaders', 'meeting start')).message.text).toMatch(/has started/);
    expect((await h.say('alice', '#leaders', 'meeting start')).message.text).toMatch(/already running/);
    expect(h.chat.posts.filter((p) => isSheet(p.message.text))).toHaveLength(1);
    await h.say('dave', '#leaders', 'here');
    expect(h.chat.updates.filter((u) => isSheet(u.message.text)).every((u) => u.posted.ref === h.chat.posts.find((p) => isSheet(p.message.text))!.ref)).toBe(true);
  });

  it('settles from the record a meeting started after its planned end, over what the plan had settled', async () => {
    await h.advanceTo(at(200)); // the plan settled the meeting at 13:00: bob and carol "presented"
    const meeting = await firstMeeting();
    const carol = await h.idOf('carol');
    expect((await h.planOf()).slots.find((x) => x.meetingId === meeting.id && x.personId === carol)?.status).toBe('presented');
    await h.say('alice', '#leaders', 'meeting start');
    await h.say('alice', '#leaders', 'here no @carol');
    for (let i = 0; i < 8; i++) if (/has ended/.test((await h.say('alice', '#leaders', 'meeting next')).message.text)) break;
    const slots = (await h.planOf()).slots.filter((x) => x.meetingId === meeting.id);
    expect(slots.find((x) => x.personId === carol)).toMatchObject({ status: 'absent', reason: { kind: 'not-there' } });
    const bob = await h.idOf('bob');
    expect(slots.find((x) => x.personId === bob)).toMatchObject({ status: 'presented' });
  });


});

describe('a meeting run on its run-sheet, where people break it', () => {
  const sheetIds = () => h.chat.posts.filter((p) => isSheet(p.message.text)).map((p) => p.ref);
  const nextUntil = async (pattern: RegExp) => {
    for (let i = 0; i < 10; i++) if (pattern.test((await h.say('alice', '#leaders', 'meeting next')).message.text)) return;
    throw new Error(`never reached ${pattern}`);
  };

  it('keeps the presenters of a meeting started early, even ones never told (no notice yet)', async () => {
    await h.say('alice', '#leaders', 'meeting add 2027-01-04 at 11:00'); // today, two hours on: nobody has been told
    const today = (await h.planOf()).meetings.find((m) => m.localDate === '2027-01-04')!;
    const planned = (await h.planOf()).slots.filter((x) => x.meetingId === today.id && x.status === 'planned');
    expect(planned.map((x) => x.notifiedAt)).toEqual([null, null]);
    await h.say('alice', '#leaders', 'meeting start');
    await h.say('alice', '#leaders', 'here @bob @carol');
    await h.say('alice', '#leaders', 'meeting next');
    await h.say('alice', '#leaders', 'meeting next');
    const run = (await h.store.runs.get(today.id))!;
    expect(run.stages.filter((s) => s.kind === 'issue').map((s) => s.presenterId)).toEqual(planned.map((x) => x.personId));
    // And what leads up to it is not sent once it has begun.
    await h.advanceTo(new Date('2027-01-04T11:30:00Z'));
    expect(h.chat.posts.filter((p) => /meets on Mon 4 Jan|You are presenting at Northern Lights on Mon 4 Jan/.test(p.message.text))).toEqual([]);
  });

  it('refuses to cancel or move a meeting under way, and `bid` after bids close is about the next meeting', async () => {
    await h.advanceTo(at(-30));
    await h.say('alice', '#leaders', 'meeting start');
    expect((await h.say('alice', '#leaders', 'meeting cancel 2027-01-05')).message.text).toMatch(/run on its run-sheet/);
    expect((await h.say('alice', '#leaders', 'meeting move 2027-01-05 to 2027-01-07')).message.text).toMatch(/run on its run-sheet/);
    await nextUntil(/issue 1/);
    // (dave already presents then: the answer names that meeting, not today's.)
    expect((await h.say('dave', '#leaders', 'bid')).message.text).toMatch(/already presenting on Tue 2 Feb 2027/);
    expect((await h.say('dave', '#leaders', 'rsvp no')).message.text).toMatch(/cannot come to Northern Lights on Tue 2 Feb 2027/);
  });

  it('puts each box of a time boxes form opened before bids closed on its own stage', async () => {
    await h.advanceTo(at(-5));
    const meeting = await firstMeeting();
    await h.say('alice', '#leaders', 'meeting start');
    const plan = await h.say('alice', '#leaders', 'meeting plan');
    const form = (await press(h.core, 'alice', plan.message.actions![0]!.id, plan.message.actions![0]!.value)).message.form!;
    expect(form.fields.map((f) => f.id)).toEqual(['checkin', 'bids', `issue-${await h.idOf('bob')}`, `issue-${await h.idOf('carol')}`, 'actions', 'review']);
    await h.say('erin', '#leaders', 'bid');
    await h.say('alice', '#leaders', 'meeting next');
    await h.say('alice', '#leaders', 'meeting next'); // bids close: bob, carol, erin
    const values = Object.fromEntries(form.fields.map((f) => [f.id, f.id === 'actions' ? '7' : f.id === 'review' ? '11' : '33']));
    const saved = await act(h.core, 'alice', { type: 'form', formId: form.id, values });
    expect(saved.message.tone).toBe('success');
    const run = (await h.store.runs.get(meeting.id))!;
    expect(run.stages.map((s) => `${s.kind}:${s.minutes}`)).toEqual(['checkin:30', 'bids:5', 'issue:33', 'issue:33', `issue:${run.stages[4]!.minutes}`, 'actions:7', 'review:11']);
  });

  it('counts a planned presenter who gave the day\'s place back as withdrawn, not as a missed turn, even if they then left', async () => {
    await h.advanceTo(at(-5));
    const meeting = await firstMeeting();
    await h.say('alice', '#leaders', 'meeting start');
    expect((await h.say('bob', '#leaders', 'withdraw')).message.text).toMatch(/gave their time today back/);
    await h.say('bob', '#leaders', 'here no');
    await nextUntil(/has ended/);
    const bob = await h.idOf('bob');
    expect((await h.planOf()).slots.find((x) => x.meetingId === meeting.id && x.personId === bob)).toMatchObject({ status: 'withdrawn', reason: { kind: 'withdrew' } });
  });

  it('does not hand the next meeting to today\'s presenters when today\'s starts early, nor let withdraw or swap reach it', async () => {
    await h.say('alice', '#leaders', 'schedule every 1 week on tuesday at 10:00 for 3h from 2027-01-05 for 4 meetings');
    await h.advanceTo(at(-5));
    const before = (await h.text('bob', '#leaders', 'rotation')).split('Tue 12 Jan 2027')[1];
    expect(before).toMatch(/@dave[\s\S]*@erin/);
    await h.say('alice', '#leaders', 'meeting start');
    await h.advanceTo(at(1)); // 10:00: the week-ahead notices for 12 Jan go out
    const told = h.chat.posts.filter((p) => p.message.text.startsWith('You are presenting at Northern Lights on Tue 12 Jan')).map((p) => JSON.stringify(p.to.ref));
    expect(told.sort()).toEqual([JSON.stringify(dmOf('dave').ref), JSON.stringify(dmOf('erin').ref)]);
    await nextUntil(/issue 1/);
    // Bids have closed: withdraw and swap are about the meetings to come, not today's.
    expect((await h.say('bob', '#leaders', 'withdraw')).message.text).toMatch(/no presenting slot coming up|gave their presenting slot back/);
    const meeting = await firstMeeting();
    const bob = await h.idOf('bob');
    expect((await h.planOf()).slots.find((x) => x.meetingId === meeting.id && x.personId === bob)?.status).toBe('planned');
    await h.say('alice', '#leaders', 'swap @carol @dave');
    const carol = await h.idOf('carol');
    expect((await h.planOf()).slots.find((x) => x.meetingId === meeting.id && x.personId === carol)?.status).toBe('planned');
  });

  it('skips the check-in nudges once the check-in is over, and queues a check-in question for the next meeting, not the one under way', async () => {
    await h.say('bob', '#leaders', 'action add call the finance lead');
    await h.advanceTo(at(-30));
    await h.say('alice', '#leaders', 'meeting start');
    await h.say('alice', '#leaders', 'meeting next'); // the check-in is over at 09:30
    expect((await h.say('alice', '#leaders', 'checkin What surprised you? next')).message.text).toMatch(/Tue 2 Feb 2027/);
    await h.advanceTo(at(5));
    expect(h.chat.posts.filter((p) => /check-in/i.test(p.message.text) && !isSheet(p.message.text))).toEqual([]);
  });

  it('ends a meeting still running when its set is closed, with no summary to a channel now free', async () => {
    await h.advanceTo(at(-5));
    const meeting = await firstMeeting();
    await h.say('alice', '#leaders', 'meeting start');
    await h.say('alice', '#leaders', 'set close');
    expect((await h.store.runs.get(meeting.id))!.status).toBe('ended');
    expect((await h.store.meetings.get(meeting.id))!.status).toBe('held');
    expect(h.chat.posts.some((p) => p.message.text.includes('meeting summary') || p.message.text.includes('met on Tue 5 Jan'))).toBe(false);
  });

  it('keeps the sheet of a start that took over a lapsed claim, when the first start\'s post fails late', async () => {
    await h.advanceTo(at(-5));
    const meeting = await firstMeeting();
    let fail!: (e: Error) => void;
    const slow = restarted();
    slow.chat.post = () => new Promise((_, reject) => (fail = reject));
    const first = slow.core.handle({ platform: 'console', workspaceId: 'W1', actor: person('alice'), where: channel('leaders'), payload: { type: 'command', text: 'meeting start', mentions: [] } });
    await expect.poll(() => fail).toBeDefined();
    h.clock.advance(61_000); // the first start's claim lapses
    expect((await h.say('alice', '#leaders', 'meeting start')).message.text).toMatch(/has started/);
    fail(new Error('the platform timed out'));
    expect((await first).message.tone).toBe('error');
    const run = (await h.store.runs.get(meeting.id))!;
    expect(run.posted).toEqual({ address: channel('leaders').address, ref: h.chat.posts.find((p) => isSheet(p.message.text))!.ref });
    await h.say('dave', '#leaders', 'here');
    expect(h.chat.updates.filter((u) => isSheet(u.message.text)).length).toBeGreaterThan(0);
  });

  it('posts one sheet when two facilitators start at once', async () => {
    await h.say('alice', '#leaders', 'facilitator add @dave');
    await h.advanceTo(at(-5));
    const answers = await Promise.all([h.say('alice', '#leaders', 'meeting start'), h.say('dave', '#leaders', 'meeting start')]);
    expect(answers.map((a) => a.message.tone).sort()).toEqual(['info', 'success']);
    expect(sheetIds()).toHaveLength(1);
  });

  it('changes "issue" for the issues still to come once one is over, refuses a stage named on its own that is over, and warns again when a box is made longer', async () => {
    await h.advanceTo(at(-5));
    const meeting = await firstMeeting();
    await h.say('alice', '#leaders', 'meeting start');
    await nextUntil(/issue 1/);
    await nextUntil(/issue 2/);
    expect((await h.say('alice', '#leaders', 'meeting plan issue 20')).message.tone).toBe('success');
    expect((await h.say('alice', '#leaders', 'meeting plan issue1 20')).message.text).toMatch(/issue 1 stage is over/);
    expect((await h.say('alice', '#leaders', 'meeting plan issue0 20')).message.text).toMatch(/"issue0" is not a stage/);
    const run = (await h.store.runs.get(meeting.id))!;
    expect(run.stages.filter((s) => s.kind === 'issue').map((s) => s.minutes)).toEqual([61, 20]);
    const warnings = () => headsUps(h.chat).length;
    await h.advanceTo(new Date(run.stageStartedAt.getTime() + 16 * 60_000));
    expect(warnings()).toBe(1);
    await h.say('alice', '#leaders', 'meeting plan issue 30');
    await h.advanceTo(new Date(run.stageStartedAt.getTime() + 26 * 60_000));
    expect(warnings()).toBe(2);
  });

  it('shows the challenge to members who ask, never on the sheet, and to no one outside the set', async () => {
    const form = (await h.say('bob', '#leaders', 'challenge')).message.form!;
    await act(h.core, 'bob', { type: 'form', formId: form.id, values: { challenge: 'How can I unblock zqsecretxv?' } });
    await h.say('alice', '#leaders', 'sponsor add @sam');
    await h.advanceTo(at(-5));
    await h.say('alice', '#leaders', 'meeting start');
    await nextUntil(/issue 1: @bob/);
    const sheet = h.chat.updates.filter((u) => isSheet(u.message.text)).at(-1)!;
    expect(sheet.message.text).toMatch(/@bob has written up their challenge/);
    expect(JSON.stringify([...h.chat.posts.map((p) => p.message), ...h.chat.updates.map((u) => u.message)])).not.toContain('zqsecretxv');
    const read = sheet.message.actions!.find((b) => b.label === 'Read the challenge')!;
    expect((await press(h.core, 'dave', read.id, read.value)).message.text).toContain('zqsecretxv');
    for (const outsider of ['sam', 'zed']) {
      const answer = await press(h.core, outsider, read.id, read.value);
      expect(answer.message.tone).toBe('error');
      expect(answer.message.text).not.toContain('zqsecretxv');
    }
  });
});

const act = async (core: Core, name: string, payload: Parameters<Core['handle']>[0]['payload']): Promise<Reply> =>
  plain(await core.handle({ platform: 'console', workspaceId: 'W1', actor: person(name), where: channel('leaders'), payload }));
