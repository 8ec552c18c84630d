/**
 * `npm run bench:retention`: how big the SQLite database of an organisation grows
 * over a year, with retention pruning as the scheduler does it (./bench/year.ts).
 * `SETS` sets (100 by default; `-- 1000` for a larger run). Prints the file's size and
 * the rows kept, each quarter.
 */
import { playYear } from './bench/year';

const year = await playYear(Number(process.argv[2] ?? 100));
console.log(`${year.sets} sets of 6, every 4 weeks for a year: ${year.planned} jobs planned`);
console.log('at                       file MB   jobs kept   of which finished   events kept   sent so far');
for (const q of year.quarters) {
  console.log(`${q.at.padEnd(24)} ${(q.bytes / 1e6).toFixed(1).padStart(7)}   ${String(q.jobs).padStart(9)}   ${String(q.finished).padStart(17)}   ${String(q.events).padStart(11)}   ${String(q.sent).padStart(11)}`);
}
const perSet = year.quarters.at(-1)!.bytes / year.sets;
console.log(`after the year: ${(perSet / 1024).toFixed(1)} KiB a set; ${((perSet * 1000) / 1e6).toFixed(0)} MB for 1,000 sets (took ${year.seconds.toFixed(0)} s)`);
