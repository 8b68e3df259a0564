/** Result checking and the printed report. */
import type { Measurement } from './measure';
import type { WindowCount } from './workload';

const byWindowThenKey = (a: WindowCount, b: WindowCount) =>
  a.windowStart - b.windowStart || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function sortResults(results: WindowCount[]): WindowCount[] {
  return results.sort(byWindowThenKey);
}

const show = (r: WindowCount | undefined) =>
  r === undefined ? 'nothing' : `(${r.key}, ${r.windowStart}, ${r.count})`;

/** The first difference from the sorted `expected` (sorts `actual`), or null when equal. */
export function diffResults(
  expected: readonly WindowCount[],
  actual: WindowCount[],
): string | null {
  sortResults(actual);
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e?.key !== a?.key || e?.windowStart !== a?.windowStart || e?.count !== a?.count) {
      return (
        `${actual.length} results against ${expected.length} expected; ` +
        `first difference at #${i} (sorted by window, key): expected ${show(e)}, got ${show(a)}`
      );
    }
  }
  return null;
}

export const recordsPerSecond = (m: Measurement): number => m.records / (m.runMs / 1000);

export const ratio = (m: Measurement, reference: Measurement): number =>
  recordsPerSecond(m) / recordsPerSecond(reference);

export const millions = (n: number): string => `${(n / 1e6).toFixed(2)}M`;

const MB = 1024 * 1024;

export function printTable(rows: readonly Measurement[], reference: Measurement): void {
  const table = [
    [
      'contender',
      'setup ms',
      'run ms best (all)',
      'records/s',
      'vs loop',
      'peak heap MB',
      'alloc B/rec',
    ],
    ...rows.map((m) => [
      m.name,
      m.setupMs.toFixed(0),
      `${m.runMs.toFixed(0)} (${m.runsMs.map((t) => t.toFixed(0)).join('/')})`,
      millions(recordsPerSecond(m)),
      `${ratio(m, reference).toFixed(2)}x`,
      (m.peakHeapBytes / MB).toFixed(1),
      m.allocBytesPerRecord.toFixed(0),
    ]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  const format = (row: string[]) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ');
  console.log(format(table[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table.slice(1)) console.log(format(row));
}
