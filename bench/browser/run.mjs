// npm run bench:browser [-- --scale 0.1] [-- --only fits-cache,restore]
//   [-- --large-entries 200000] [-- --large-max-parallelism 4096] [-- --large-budget-min 10]
//
// Builds bench/browser with Vite, serves it on 127.0.0.1 beside the app, runs the scenarios in
// a Worker in headless Chromium and prints the report. A benchmark, not a test: BELOW does not
// fail it.
import { parseArgs } from 'node:util';
import { runInChromium } from './browser.mjs';
import { buildPage } from './page.mjs';
import { printReport } from './table.mjs';

/** Each group runs in a fresh browser profile; restore and checkpoint-cost share their state. */
const GROUPS = [['fits-cache'], ['larger-than-cache'], ['restore', 'checkpoint-cost']];
const SCENARIOS = GROUPS.flat();

/** The options given on the command line; the page fills in the rest (DEFAULT_OPTIONS). */
function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      only: { type: 'string', default: SCENARIOS.join(',') },
      'large-entries': { type: 'string' },
      'large-max-parallelism': { type: 'string' },
      'large-budget-min': { type: 'string' },
    },
  });
  const only = values.only.split(',').filter(Boolean);
  const given = Object.entries({
    scale: values.scale,
    largeEntries: values['large-entries'],
    largeMaxParallelism: values['large-max-parallelism'],
    largeBudgetMin: values['large-budget-min'],
  }).flatMap(([name, text]) => (text === undefined ? [] : [[name, Number(text)]]));
  const bad = only.filter((s) => !SCENARIOS.includes(s));
  if (bad.length > 0 || given.some(([, n]) => !(Number(n) > 0))) {
    console.error(`usage: npm run bench:browser -- [--scale X] [--only ${SCENARIOS.join(',')}]`);
    console.error('  [--large-entries N] [--large-max-parallelism N] [--large-budget-min N]');
    process.exit(2);
  }
  return { ...Object.fromEntries(given), only };
}

/** @param {number} ms */
function deadline(ms) {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error(`No report after ${ms / 60_000} min`)), ms).unref();
  });
}

async function main() {
  const bench = options();
  const t0 = performance.now();
  /** @type {import('./protocol').BenchReport[]} */
  const reports = [];
  for (const group of GROUPS) {
    const only = group.filter((s) => bench.only.includes(s));
    if (only.length === 0) continue;
    console.log(`${only.join(', ')}: building bench/browser...`);
    // Built just before it loads: a rebuild of the app empties dist/, the page with it.
    const page = await buildPage();
    try {
      const run = runInChromium(page.path, { ...bench, only });
      // Past the larger-than-cache budget (6 min unless given) and a margin, something hangs.
      const minutes = (bench.largeBudgetMin ?? 6) + 15;
      reports.push(await Promise.race([run, deadline(minutes * 60_000)]));
    } finally {
      await page.remove();
    }
  }
  printReport({
    rows: reports.flatMap((r) => r.rows),
    notes: reports.flatMap((r) => r.notes),
    userAgent: reports[0]?.userAgent ?? 'no browser',
  });
  console.log(`* bench wall time ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

main().then(
  // Playwright may keep handles open after the browser closed.
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
