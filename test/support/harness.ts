import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../../src/prompt-library';
import { createCore } from '../../src/app/core';
import { nudgeScheduler } from '../../src/app/scheduling';
import { runUntil } from '../../src/scheduler/run-until';
import { ManualClock } from '../../src/ports/clock';
import type { Address } from '../../src/domain/address';
import type { Identity, Mention, Reply, Where } from '../../src/ports/inbound';
import { silentLogger } from '../../src/ports/logger';
import { plain } from './plain';
import { RecordingChat } from './recording-chat';
import { storeUnderTest, type OpenStore, type StoreFactory } from './stores';

export const dmOf = (name: string): Address => ({ platform: 'console', kind: 'user', ref: { user: name } });
export const channel = (name: string): Where => ({
  kind: 'channel',
  id: `C-${name}`,
  label: `#${name}`,
  address: { platform: 'console', kind: 'channel', ref: { channel: name } },
});
export const person = (name: string): Identity => ({ userId: `U-${name}`, displayName: name, dm: dmOf(name) });
const dm = (name: string): Where => ({ kind: 'dm', id: `D-${name}`, label: `dm @${name}`, address: dmOf(name) });

/**
 * The core on a real, empty Store (the one under test: see ./stores.ts), a recording
 * chat and a hand-moved clock. `file` keeps the store where a test can reopen it.
 */
export async function createHarness<S extends OpenStore = OpenStore>(start = new Date('2027-01-04T09:00:00Z'), file?: string, factory?: StoreFactory<S>) {
  const opened = factory ? await factory.open(file) : ((await storeUnderTest().open(file)) as S);
  const { store } = opened;
  const clock = new ManualClock(start);
  const chat = new RecordingChat(() => clock.now());
  const deps = { store, chat, clock, log: silentLogger, prompts: loadPromptLibrary(DEFAULT_PROMPTS_DIR) };
  const core = createCore(deps);
  const scheduler = nudgeScheduler(deps, 'test');
  /** Plays the clock forward to `to`, sending whatever falls due on the way. */
  const advanceTo = (to: Date) => runUntil(scheduler, store.jobs, clock, to);

  /** `name` types `text` in `place` ("#leaders" or "dm"); every @word is a mention. */
  async function say(name: string, place: string, text: string): Promise<Reply> {
    const mentions: Mention[] = [...text.matchAll(/@(\w+)/g)].map((m) => ({ token: m[0], identity: person(m[1]!) }));
    // Read as people see it: person tokens drawn as "@name".
    return plain(
      await core.handle({
      platform: 'console',
      workspaceId: 'W1',
      actor: person(name),
      where: place === 'dm' ? dm(name) : channel(place.replace(/^#/, '')),
      payload: { type: 'command', text, mentions },
    }),
    );
  }

  /** The reply's plain text: what a person reads. */
  const text = async (name: string, place: string, command: string) => (await say(name, place, command)).message.text;

  /** The set bound to `#channel`. */
  async function setIn(channelName: string) {
    const set = await store.sets.findOpenByChannel(1, `C-${channelName.replace(/^#/, '')}`);
    if (!set) throw new Error(`no open set in #${channelName}`);
    return set;
  }

  /** Everything that set's plan reads and holds (its slots and its outbox rows among it), read through the Store port. */
  async function planOf(channelName = 'leaders') {
    return (await store.plans.snapshot((await setIn(channelName)).id))!;
  }

  /** The id of a current member of the set in `#channel`, by display name. */
  async function idOf(name: string, channelName = 'leaders') {
    const member = (await store.memberships.list((await setIn(channelName)).id)).find((m) => m.person.displayName === name);
    if (!member) throw new Error(`${name} is not in #${channelName}`);
    return member.person.id;
  }

  /** Every value the store holds, as one string to search. */
  const everything = async () => (await opened.rows()).map((r) => JSON.stringify(r.row)).join('\n');

  return { opened, store, rows: () => opened.rows(), everything, chat, clock, core, scheduler, advanceTo, say, text, setIn, planOf, idOf, close: () => opened.close() };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
