// Prints the worker's report as a plain-text table.

/** @typedef {import('./protocol').BenchReport} BenchReport */

/** @param {string[][]} rows first row is the header */
function layout(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (/** @type {string[]} */ r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

/** @param {BenchReport} report */
export function printReport(report) {
  const header = ['scenario', 'metric', 'value', 'target', 'verdict'];
  const body = report.rows.map((r) => [r.scenario, r.metric, r.value, r.target, r.verdict]);
  console.log(`\n${layout([header, ...body])}\n`);
  for (const note of report.notes) console.log(`* ${note}`);
  console.log(`* measured in ${report.userAgent}`);
}
