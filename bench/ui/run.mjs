// npm run bench:ui [-- --records 1000000]
//
// Drives the built app in headless Chromium (through e2e/support/app.mjs): a generated run of
// `records` clicks at full speed with the timeline open. Reports the longest main-thread task
// (PerformanceObserver 'longtask'), the timeline's frames per second over 5 s while the engine
// runs (following the present, then fitted to the whole run so far), and the engine's records/s; then, in one Worker of a small page built beside the app,
// the engine's records/s next to a hand-written loop's on the same job. A benchmark, not a
// test: the targets are printed, never enforced.
// The functions handed to page.evaluate and addInitScript run in the page, with its globals.
/* global window, requestAnimationFrame */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { ROOT, startApp } from '../../e2e/support/app.mjs';
import { benchPipeline } from './pipeline.mjs';

const PAGE_ROOT = fileURLToPath(new URL('./page', import.meta.url));
const PAGE_PATH = 'bench-ui/';
const WARM_UP_MS = 2_000;
const FPS_WINDOW_MS = 5_000;
const TARGET_LONGEST_TASK_MS = 50;
const TARGET_FPS = 50;

/** @param {number} n */
const fmt = (n) => Math.round(n).toLocaleString('en');

async function buildLoopPage() {
  const outDir = path.join(ROOT, 'dist', PAGE_PATH);
  await build({
    root: PAGE_ROOT,
    base: `/${PAGE_PATH}`,
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
    worker: { format: 'es' },
  });
  return () => rm(outDir, { recursive: true, force: true });
}

/** Long tasks on the main thread from the page's start, with when they began. */
function watchLongTasks() {
  /** @type {{ start: number; duration: number }[]} */
  const tasks = [];
  Object.assign(window, { __longTasks: tasks });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** requestAnimationFrame callbacks over `ms` of wall time. @param {number} ms */
function countFrames(ms) {
  return new Promise((resolve) => {
    let frames = 0;
    const t0 = performance.now();
    const frame = () => {
      frames++;
      const elapsed = performance.now() - t0;
      if (elapsed < ms) requestAnimationFrame(frame);
      else resolve({ frames, elapsed });
    };
    requestAnimationFrame(frame);
  });
}

/**
 * Opens the app on the bench pipeline with the timeline open, ready to run at full speed.
 * @param {import('../../e2e/support/app.mjs').App} app
 * @param {number | null} records
 */
async function openBench(app, records) {
  const dir = await mkdtemp(path.join(tmpdir(), 'tidemark-bench-ui-'));
  const file = path.join(dir, 'bench.tidemark.json');
  await writeFile(file, JSON.stringify(benchPipeline(records)));
  try {
    const { page, errors } = await app.open({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(watchLongTasks);
    await page.addInitScript(() =>
      localStorage.setItem(
        'tidemark.prefs',
        JSON.stringify({ dockHeight: 520, bottomOpen: true, bottomTab: 'timeline' }),
      ),
    );
    await page.goto(app.url);
    const settled = () =>
      page.waitForFunction(() => /** @type {any} */ (window).__tidemark?.settled() === true);
    await settled();
    await page.getByTestId('import-input').setInputFiles(file);
    await page.waitForFunction(() =>
      /** @type {any} */ (window).__tidemark.document().name.startsWith('UI bench'),
    );
    await settled();
    await page.getByTestId('run-speed').selectOption('max');
    return { page, errors };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** @param {import('playwright-core').Page} page */
const readRun = (page) =>
  page.evaluate(() => {
    const api = /** @type {any} */ (window).__tidemark.run;
    return { phase: api.phase(), progress: api.progress(), visible: api.timeline().visible };
  });

/** Long tasks that began at or after `from` (page time). @param {import('playwright-core').Page} page @param {number} from */
const longTasksSince = (page, from) =>
  page.evaluate(
    (t0) =>
      /** @type {{ start: number; duration: number }[]} */ (
        /** @type {any} */ (window).__longTasks
      ).filter((t) => t.start >= t0),
    from,
  );

/**
 * A bounded run of `records` to its end: the longest main-thread tasks and records/s.
 * @param {import('../../e2e/support/app.mjs').App} app
 * @param {number} records
 */
async function boundedRun(app, records) {
  const { page, errors } = await openBench(app, records);
  const startedAt = await page.evaluate(() => performance.now());
  await page.getByTestId('run').click();
  await page.waitForFunction(
    () =>
      ['finished', 'failed', 'canceled', 'hung', 'error'].includes(
        /** @type {any} */ (window).__tidemark.run.phase(),
      ),
    null,
    { timeout: 30 * 60_000, polling: 50 },
  );
  const endedAt = await page.evaluate(() => performance.now());
  const end = await readRun(page);
  const tasks = await longTasksSince(page, startedAt);
  await page.close();
  return { seconds: (endedAt - startedAt) / 1000, end, tasks, startedAt, errors };
}

/**
 * An endless run at full speed: after a warm-up, requestAnimationFrame callbacks over 5 s, the
 * records in view, and the long tasks meanwhile.
 * @param {import('../../e2e/support/app.mjs').App} app
 */
async function endlessRun(app) {
  const { page, errors } = await openBench(app, null);
  await page.getByTestId('run').click();
  await page.waitForTimeout(WARM_UP_MS);
  const before = await readRun(page);
  const from = await page.evaluate(() => performance.now());
  /** @type {{ frames: number; elapsed: number }} */
  const fps = await page.evaluate(countFrames, FPS_WINDOW_MS);
  const after = await readRun(page);
  const tasks = await longTasksSince(page, from);
  // The whole run so far in view (follow mode off): every record the worker kept stays in view
  // and is drawn each frame while new ones arrive.
  await page.getByTestId('timeline-fit').click();
  await page.waitForTimeout(WARM_UP_MS / 2);
  const fittedBefore = await readRun(page);
  const fittedFrom = await page.evaluate(() => performance.now());
  /** @type {{ frames: number; elapsed: number }} */
  const fittedFps = await page.evaluate(countFrames, FPS_WINDOW_MS);
  const fittedAfter = await readRun(page);
  const fittedTasks = await longTasksSince(page, fittedFrom);
  await page.getByTestId('run-cancel').click();
  await page.close();
  return {
    fps,
    before,
    after,
    tasks,
    fitted: { fps: fittedFps, before: fittedBefore, after: fittedAfter, tasks: fittedTasks },
    errors,
  };
}

/**
 * Prints a frames-per-second window's figures.
 * @param {string} title
 * @param {{ fps: { frames: number; elapsed: number }; before: any; after: any; tasks: { duration: number }[] }} w
 */
function printFps(title, w) {
  const fps = (w.fps.frames * 1000) / w.fps.elapsed;
  const during =
    (w.after.progress?.recordsProcessed ?? 0) - (w.before.progress?.recordsProcessed ?? 0);
  const longest = w.tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  console.log(
    `  ${title}: ${fps.toFixed(1)} frames/s over ${(w.fps.elapsed / 1000).toFixed(1)} s (target >= ${TARGET_FPS}) ${fps >= TARGET_FPS ? 'OK' : 'MISSED'}`,
  );
  console.log(
    `    records in view (all operators): ${fmt(w.before.visible)} at the start, ${fmt(w.after.visible)} at the end; engine ${w.after.phase}, ${fmt(during / (w.fps.elapsed / 1000))} records/s meanwhile`,
  );
  console.log(`    long tasks meanwhile: ${w.tasks.length}, the longest ${longest.toFixed(0)} ms`);
}

/** @param {import('../../e2e/support/app.mjs').App} app @param {number} records */
async function loopRun(app, records) {
  const { page } = await app.open();
  /** @type {(message: any) => void} */
  let done = () => undefined;
  const message = new Promise((resolve) => (done = resolve));
  await page.exposeFunction('benchDone', (/** @type {any} */ m) => done(m));
  await page.goto(`${app.url}${PAGE_PATH}?records=${records}`);
  const outcome = /** @type {any} */ (await message);
  if (outcome.type === 'error') throw new Error(outcome.message);
  return /** @type {import('./page/protocol').LoopFigures} */ (outcome.figures);
}

async function main() {
  const { values } = parseArgs({ options: { records: { type: 'string', default: '1000000' } } });
  const records = Number(values.records);
  if (!(records > 0)) {
    console.error('usage: npm run bench:ui -- [--records N]');
    process.exit(2);
  }
  const removePage = await buildLoopPage();
  const app = await startApp();
  try {
    console.log(`App: ${fmt(records)} generated clicks at full speed, timeline open (1920×1080)`);
    const b = await boundedRun(app, records);
    const longest = b.tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    const processed = b.end.progress?.recordsProcessed ?? 0;
    console.log(`  run ended ${b.end.phase} after ${b.seconds.toFixed(2)} s`);
    console.log(
      `  engine in the app's Worker: ${fmt(processed / b.seconds)} records/s (${fmt(processed)} records, Run to end)`,
    );
    console.log(
      `  longest main-thread task: ${longest.toFixed(0)} ms (${b.tasks.length} long tasks; target < ${TARGET_LONGEST_TASK_MS} ms) ${longest < TARGET_LONGEST_TASK_MS ? 'OK' : 'MISSED'}`,
    );
    const worst = [...b.tasks].sort((x, y) => y.duration - x.duration).slice(0, 5);
    console.log(
      `    longest ones: ${worst.map((t) => `${t.duration.toFixed(0)} ms at +${(t.start - b.startedAt).toFixed(0)} ms`).join(', ') || 'none'}`,
    );

    console.log('App: an endless clickstream at full speed');
    const e = await endlessRun(app);
    printFps(`timeline following the present, after a ${WARM_UP_MS / 1000} s warm-up`, e);
    printFps('timeline fitted to the whole run so far', e.fitted);
    for (const errors of [b.errors, e.errors]) {
      if (errors.length > 0) console.log(`  page errors: ${errors.join('; ')}`);
    }

    console.log(`Worker: ${fmt(records)} records, keyed 1 s tumbling count, one Worker`);
    const l = await loopRun(app, records);
    console.log(
      `  run session, 'max', trace sampled for 10,000 events: ${fmt(l.sessionPerSecond)} records/s (${fmt(l.traceEvents)} trace events in ${fmt(l.batches)} batches)`,
    );
    console.log(`  one-off run, no trace:                     ${fmt(l.runPerSecond)} records/s`);
    console.log(`  hand-written loop:                          ${fmt(l.loopPerSecond)} records/s`);
    console.log(
      `  ratios to the loop: session ${(l.sessionPerSecond / l.loopPerSecond).toFixed(3)}, one-off run ${(l.runPerSecond / l.loopPerSecond).toFixed(3)}`,
    );
  } finally {
    await app.close();
    await removePage();
  }
}

main().then(
  // Playwright may keep handles open after the browser closed.
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
