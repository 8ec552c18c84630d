/**
 * B4, several instances (`npm run bench:instances`): 1, 2 and 4 Setwise scheduler
 * processes (the real Store, scheduler and nudge code: test/support/scheduler-child.ts)
 * on one PostgreSQL database draining 10,000 due nudges to a chat that does nothing;
 * throughput for each count, and every delivery counted for duplicates. Needs Debian's
 * PostgreSQL binaries: a throwaway server is started and removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres } from '../../db/pg/client';
import { createPostgresStore } from '../../db/pg/store';
import { seedFanOutIn } from '../../test/support/nudge-fixture';
import { postgresSkipReason, startThrowawayServer } from '../../test/support/postgres-server';
import { drain } from './drain';
import { fmt, quick, report } from './section';

const DRAIN = quick ? 1_000 : 10_000;
const skip = postgresSkipReason();
const rows: string[][] = [];
const notes: string[] = [];
if (skip) {
  notes.push(`Not run: ${skip}.`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'setwise-instances-'));
  const server = await startThrowawayServer();
  try {
    const template = server.createDatabase('drain_template');
    const seeding = await openPostgres(template);
    const { dueAt, expected } = await seedFanOutIn(createPostgresStore(seeding.db), DRAIN - 4);
    await seeding.close();
    let one = 0;
    for (const instances of [1, 2, 4]) {
      const r = await drain(dir, 'postgres', template, dueAt, instances);
      const delivered = r.sent - r.duplicates;
      if (delivered !== expected) throw new Error(`${instances} instances delivered ${delivered} of ${expected}`);
      const rate = expected / r.seconds;
      one ||= rate;
      rows.push([String(instances), fmt(expected), `${fmt(r.seconds, 1)} s`, `${fmt(rate)} a second (${fmt(rate / one, 2)}x one instance)`, String(r.duplicates), r.busy]);
      if (r.duplicates > 0) notes.push(`${instances} instances: ${r.duplicates} duplicates: a defect, not a figure.`);
    }
    notes.push(`Zero duplicates with ${rows.map((r) => r[0]).join(', ')} instances: each due job goes to one claimant (FOR UPDATE SKIP LOCKED).`);
    notes.push('Every process, and the server, share this machine\'s two cores: more instances cannot add throughput here once the cores are busy; on separate hosts each adds its own cores until the server\'s are busy.');
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
report({
  id: 'B4',
  title: 'Several instances on one PostgreSQL',
  method: `A throwaway PostgreSQL 15 server on this machine (fsync off); one set's ${fmt(DRAIN)} due nudges (RSVP reminders, the channel reminder, presenter notices), drained by 1, 2 and 4 scheduler processes started together, each count on a fresh copy of one seeded database; 8 sends in flight and batches of 50 a process.`,
  head: ['instances', 'nudges', 'time', 'throughput', 'duplicates', 'CPU busy'],
  rows,
  notes,
});
