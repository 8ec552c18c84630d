import { DEFAULT_PROMPTS_DIR, loadPromptLibrary } from '../../src/prompt-library';
import { createCore } from '../../src/app/core';
import { nudgeScheduler } from '../../src/app/scheduling';
import { runUntil } from '../../src/scheduler/run-until';
import { ManualClock } from '../../src/ports/clock';
import type { Address } from '../../src/domain/address';
import type { Identity, Mention, Reply, Where } from '../../src/ports/inbound';
import { silentLogger } from '../../src/ports/logger';
import { createSqliteStore } from '../../db/store';
import { openDatabase } from '../../db/client';
import { openTestDatabase } from './db';
import { RecordingChat } from './recording-chat';

export const dmOf = (name: string): Address => ({ platform: 'console', kind: 'user', ref: { user: name } });
export const channel = (name: string): Where => ({
  kind: 'channel',
  id: `C-${name}`,
  label: `#${name}`,
  address: { platform: 'console', kind: 'channel', ref: { channel: name } },
});
export const person = (name: string): Identity => ({ userId: `U-${name}`, displayName: name, dm: dmOf(name) });
const dm = (name: string): Where => ({ kind: 'dm', id: `D-${name}`, label: `dm @${name}`, address: dmOf(name) });

/** The core on a real migrated database (in memory unless `file` is given), a recording chat and a hand-moved clock. */
export function createHarness(start = new Date('2027-01-04T09:00:00Z'), file?: string) {
  const database = file ? openDatabase(file) : openTestDatabase();
  const store = createSqliteStore(database.db);
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
    return core.handle({
      platform: 'console',
      workspaceId: 'W1',
      actor: person(name),
      where: place === 'dm' ? dm(name) : channel(place.replace(/^#/, '')),
      payload: { type: 'command', text, mentions },
    });
  }

  /** The reply's plain text: what a person reads. */
  const text = async (name: string, place: string, command: string) => (await say(name, place, command)).message.text;

  return { database, store, chat, clock, core, scheduler, advanceTo, say, text, close: () => database.close() };
}

export type Harness = ReturnType<typeof createHarness>;
