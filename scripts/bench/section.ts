/**
 * What each benchmark section hands the runner (../bench.ts): a table and notes,
 * written as JSON to the file BENCH_OUT names, or printed when run on its own
 * (`npm run bench:<name>`). Each section runs in a process of its own, so one's
 * memory and load do not colour another's figures.
 */
import { writeFileSync } from 'node:fs';

export interface Section {
  /** B1, B2... or a word. */
  readonly id: string;
  readonly title: string;
  /** How the figures were made, in a sentence or two. */
  readonly method: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Each target, met or missed (by how much, why, and what would close it). */
  readonly notes: readonly string[];
}

/** `--quick`: a run of everything in about two minutes, smaller and shorter, for a quick look. */
export const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

export const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;

/** Hands the section to the runner, or prints it as a table. */
export function report(section: Section): void {
  const out = process.env.BENCH_OUT;
  if (out) {
    writeFileSync(out, JSON.stringify(section));
    return;
  }
  console.log(`\n${section.id}: ${section.title}\n${section.method}\n`);
  console.log(markdownTable(section.head, section.rows));
  for (const note of section.notes) console.log(`- ${note}`);
}

export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
