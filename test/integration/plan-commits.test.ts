import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planSet } from '../../src/domain/plan/set-plan';
import type { PlanWrite } from '../../src/domain/plan/types';
import { createHarness, type Harness } from '../support/harness';

/**
 * The Store's side of re-planning, which every store must keep: a snapshot carries
 * the set's version, and a commit made from an older one writes nothing.
 */
let h: Harness;
let setId: number;
beforeEach(async () => {
  h = await createHarness(new Date('2027-01-04T09:00:00Z'));
  await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
  await h.say('alice', '#leaders', 'member add @bob @carol @dave');
  await h.say('alice', '#leaders', 'schedule every 4 weeks on tuesday at 10:00 from 2027-01-05 for 3 meetings');
  setId = (await h.setIn('leaders')).id;
});
afterEach(() => h.close());

const planNow = async () => {
  const snapshot = (await h.store.plans.snapshot(setId))!;
  return { snapshot, plan: planSet(snapshot, h.clock.now(), { kind: 'replan' }, (m) => m.localDate) };
};
const nothing: PlanWrite = { slots: { remove: [], update: [], insert: [] }, jobs: { insert: [], update: [], skip: [] } };

describe('plan commits', () => {
  it('owe a plan after a change, and settle it with a commit at the version read', async () => {
    const before = (await h.store.plans.snapshot(setId))!;
    expect(before.owed).toBe(false);
    await h.store.memberships.add(setId, [(await h.store.people.upsert(1, { userId: 'U-erin', displayName: 'erin' }, h.clock.now())).id], h.clock.now(), 20);
    const { snapshot, plan } = await planNow();
    expect(snapshot.owed).toBe(true);
    expect(snapshot.version).toBeGreaterThan(before.version);
    expect(await h.store.plans.owed(10)).toEqual([setId]);
    expect(plan.write.jobs.insert.some((j) => j.dedupeKey.endsWith(`:${snapshot.members.at(-1)!.personId}`))).toBe(true);
    expect(await h.store.plans.commit(setId, snapshot.version, plan.write, h.clock.now())).toEqual({ ok: true, value: undefined });
    const after = await planNow();
    expect(after.snapshot.owed).toBe(false);
    expect(after.plan.write).toEqual(nothing); // the rows are the plan now
    expect(await h.store.plans.owed(10)).toEqual([]);
  });

  it('refuse a commit made from a snapshot the set has moved on from, writing nothing', async () => {
    const stale = await planNow();
    await h.store.sets.setPresentersPerMeeting(setId, 1, h.clock.now());
    const rows = JSON.stringify((await h.store.plans.snapshot(setId))!.jobs);
    // Even a plan that would write something is refused whole.
    const write: PlanWrite = { ...stale.plan.write, jobs: { ...stale.plan.write.jobs, skip: stale.snapshot.jobs.filter((j) => j.status === 'pending').map((j) => j.id) } };
    expect(await h.store.plans.commit(setId, stale.snapshot.version, write, h.clock.now())).toEqual({ ok: false, reason: 'changed' });
    expect(JSON.stringify((await h.store.plans.snapshot(setId))!.jobs)).toBe(rows);
    expect((await h.store.plans.snapshot(setId))!.owed).toBe(true);
  });

  it('refuse a commit that would move a nudge the scheduler has taken since the snapshot', async () => {
    const { snapshot } = await planNow();
    // After the snapshot, the scheduler claims the first nudge due; the plan still wants to move it.
    const first = snapshot.jobs.filter((j) => j.status === 'pending').sort((a, b) => a.runAt.getTime() - b.runAt.getTime())[0]!;
    const [claimed] = await h.store.jobs.claim('worker', first.runAt, 60_000, 1);
    const reminder = snapshot.jobs.find((j) => j.id === claimed!.id)!;
    expect(reminder.status).toBe('pending');
    const write: PlanWrite = {
      ...nothing,
      jobs: { insert: [], skip: [], update: [{ id: reminder.id, seen: { status: 'pending', attempts: reminder.attempts, runAt: reminder.runAt }, runAt: new Date(reminder.runAt.getTime() + 60_000), staleAt: reminder.staleAt!, meetingId: reminder.meetingId!, personId: reminder.personId }] },
    };
    expect(await h.store.plans.commit(setId, snapshot.version, write, h.clock.now())).toEqual({ ok: false, reason: 'changed' });
    const now = (await h.store.plans.snapshot(setId))!;
    expect(now.version).toBe(snapshot.version); // rolled back whole, version too
    expect(now.jobs.find((j) => j.id === reminder.id)).toMatchObject({ status: 'claimed', runAt: reminder.runAt });
  });

  it('refuse a new rule\'s meetings read before another change, and keep the old ones', async () => {
    const snapshot = (await h.store.plans.snapshot(setId))!;
    await h.say('alice', '#leaders', 'meeting add 2027-01-12 at 10:00');
    const rule = { cadence: { kind: 'weekly' as const, everyWeeks: 2 }, weekday: 3, localTime: '09:00', durationMinutes: 60, from: '2027-01-06', until: null, count: 2, zone: 'Europe/London' };
    const done = await h.store.meetings.replaceRule(setId, snapshot.version, rule, { update: [], insert: [], remove: snapshot.meetings.map((m) => m.id) }, 1, h.clock.now());
    expect(done).toEqual({ ok: false, reason: 'changed' });
    expect((await h.store.meetings.list(setId)).map((m) => m.localDate)).toEqual(['2027-01-05', '2027-01-12', '2027-02-02', '2027-03-02']);
  });

  it('plan a change whose re-plan never ran (a crash between the two) at the next tick, before anything is sent', async () => {
    // Move the first meeting a week later straight through the Store, as a process killed
    // after that commit would leave it: the nudges still point at the old date.
    const [first] = await h.store.meetings.list(setId);
    const later = { localDate: '2027-01-12', localTime: '10:00', zone: 'Europe/London', instant: new Date('2027-01-12T10:00:00Z'), ends: new Date('2027-01-12T13:00:00Z') };
    await h.store.meetings.move(first!.id, later, h.clock.now());
    expect(await h.store.plans.owed(10)).toEqual([setId]);
    // The day-before reminder was due on 4 Jan at 10:00, and the presenters' week-ahead
    // notices at once; now they belong on the 11th and the 5th. Nothing is due yet.
    const old = (await h.planOf()).jobs.filter((j) => j.meetingId === first!.id && j.status === 'pending' && j.runAt <= new Date('2027-01-04T10:30:00Z'));
    expect(old.length).toBeGreaterThan(2);
    const posted = h.chat.posts.length; // the welcomes
    await h.advanceTo(new Date('2027-01-04T10:30:00Z'));
    expect(h.chat.posts.slice(posted).map((p) => p.message.text)).toEqual([]);
    expect(await h.store.plans.owed(10)).toEqual([]);
    const reminder = (await h.planOf()).jobs.find((j) => j.dedupeKey === `meeting:${first!.id}:meeting-reminder`);
    expect(reminder).toMatchObject({ status: 'pending', runAt: new Date('2027-01-11T10:00:00Z') });
  });

  it('refuse a plan read before a presenter was told, without making the plan owed', async () => {
    const { snapshot, plan } = await planNow();
    const told = snapshot.slots.find((x) => x.status === 'planned')!;
    await h.store.rotation.markNotified(told.meetingId, told.personId, h.clock.now());
    const after = (await h.store.plans.snapshot(setId))!;
    expect(after.version).toBe(snapshot.version + 1);
    expect(after.owed).toBe(false); // the plan already holds that slot
    expect(after.slots.find((x) => x.id === told.id)?.notifiedAt).toEqual(h.clock.now());
    expect(await h.store.plans.commit(setId, snapshot.version, plan.write, h.clock.now())).toEqual({ ok: false, reason: 'changed' });
  });

  it('owe a plan after every write to what a plan reads, whichever repository makes it', async () => {
    const now = h.clock.now();
    const bob = await h.idOf('bob');
    const carol = await h.idOf('carol');
    const erin = (await h.store.people.upsert(1, { userId: 'U-erin', displayName: 'erin' }, now)).id;
    const [first, second] = await h.store.meetings.list(setId);
    const occurrence = { localDate: '2027-01-19', localTime: '10:00', zone: 'Europe/London', instant: new Date('2027-01-19T10:00:00Z'), ends: new Date('2027-01-19T13:00:00Z') };
    const writes: [string, () => Promise<unknown>][] = [
      ['sets.setNudges', async () => h.store.sets.setNudges(setId, (await h.setIn('leaders')).nudges, 2, now)],
      ['sets.setPresentersPerMeeting', () => h.store.sets.setPresentersPerMeeting(setId, 1, now)],
      ['memberships.add', () => h.store.memberships.add(setId, [erin], now, 20)],
      ['memberships.setRole', () => h.store.memberships.setRole(setId, erin, 'facilitator', now)],
      ['memberships.setPresenting', () => h.store.memberships.setPresenting(setId, bob, false, now)],
      ['memberships.remove', () => h.store.memberships.remove(setId, erin, now)],
      ['people.setTimeZone', () => h.store.people.setTimeZone(carol, 'Asia/Tokyo', now)],
      ['rotation.addAbsence', () => h.store.rotation.addAbsence(setId, { personId: carol, from: '2027-02-01', until: '2027-02-03', createdBy: carol }, now)],
      ['rsvps.answer', () => h.store.rsvps.answer(first!.id, carol, 'no', now)],
      ['meetings.add', () => h.store.meetings.add(setId, occurrence, now)],
      ['meetings.move', () => h.store.meetings.move(second!.id, { ...occurrence, localDate: '2027-02-09', instant: new Date('2027-02-09T10:00:00Z'), ends: new Date('2027-02-09T13:00:00Z') }, now)],
      ['meetings.cancel', () => h.store.meetings.cancel(first!.id, now)],
      ['privacy.erase', () => h.store.privacy.erase(bob, now)],
      ['sets.close', () => h.store.sets.close(setId, now)],
    ];
    for (const [name, write] of writes) {
      const before = (await h.store.plans.snapshot(setId))!;
      await h.store.plans.commit(setId, before.version, planSet(before, now, { kind: 'replan' }, (m) => m.localDate).write, now);
      const settled = (await h.store.plans.snapshot(setId))!;
      expect(settled.owed, name).toBe(false);
      await write();
      const after = (await h.store.plans.snapshot(setId))!;
      expect(after.version, name).toBeGreaterThan(settled.version);
      expect(after.owed, name).toBe(true);
    }
  });

  it('refuse a plan read while a nudge was in flight once the scheduler puts it back, without owing a plan', async () => {
    const due = (await h.planOf()).jobs.filter((j) => j.status === 'pending').sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
    const [one, two] = await h.store.jobs.claim('worker', due[1]!.runAt, 60_000, 2);
    const { snapshot, plan } = await planNow(); // sees both in flight
    await h.store.jobs.reschedule(one!, 'worker', new Date(one!.runAt.getTime() + 60_000), 'timeout', h.clock.now());
    const retried = (await h.store.plans.snapshot(setId))!;
    expect(retried.version).toBe(snapshot.version + 1);
    expect(retried.owed).toBe(false);
    await h.store.jobs.skip(two!, 'worker', 'they are no longer in the set', h.clock.now());
    expect((await h.store.plans.snapshot(setId))!.version).toBe(snapshot.version + 2);
    expect(await h.store.plans.commit(setId, snapshot.version, plan.write, h.clock.now())).toEqual({ ok: false, reason: 'changed' });
  });

  it('hold back the nudges of a set whose plan is owed from every claim', async () => {
    const far = new Date('2028-01-01T00:00:00Z');
    await h.store.sets.setPresentersPerMeeting(setId, 1, h.clock.now());
    expect(await h.store.jobs.claim('worker', far, 60_000, 100)).toEqual([]);
    const { snapshot, plan } = await planNow();
    await h.store.plans.commit(setId, snapshot.version, plan.write, h.clock.now());
    expect((await h.store.jobs.claim('worker', far, 60_000, 100)).length).toBeGreaterThan(0);
  });
});
