import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { ComparePage } from './pages/compare.page.mjs';
import { DemosPage } from './pages/demos.page.mjs';
import { ROOT, startApp } from './support/app.mjs';
import { demoFile } from './support/demo-files.mjs';

const run = promisify(execFile);

/**
 * Runs a pipeline with the engine's CLI and returns its windows, as compare mode joins them:
 * per window row id (operator, key, window), the last value and how often it fired, and
 * the records that reached each late output.
 * @param {any} pipeline @param {'event' | 'processing'} time
 */
async function engineRun(pipeline, time) {
  const dir = await mkdtemp(path.join(tmpdir(), 'tidemark-compare-'));
  const file = path.join(dir, 'pipeline.json');
  await writeFile(file, JSON.stringify(pipeline));
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const { stdout } = await run(tsx, ['src/cli/engine.ts', 'run', file, '--time', time], {
    cwd: ROOT,
  });
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const results = lines.filter((l) => l.type === 'result');
  /** Which window operator feeds a sink, and through which port. @param {string} sink */
  const feeder = (sink) =>
    pipeline.edges.find((/** @type {any} */ e) => e.target === sink) ?? { source: '' };
  /** @type {Map<string, { value: unknown, firings: number }>} */
  const windows = new Map();
  let late = 0;
  for (const r of results) {
    const edge = feeder(r.sink);
    if (edge.sourcePort === 'late') {
      late++;
      continue;
    }
    const { key, start, end, value } = r.value;
    const id = `${edge.source}|${JSON.stringify(key)}|${start}|${end}`;
    const seen = windows.get(id);
    windows.set(id, { value, firings: (seen?.firings ?? 0) + 1 });
  }
  return { windows, late };
}

/**
 * The kind of each row the UI should show, from two engine runs.
 * @param {Awaited<ReturnType<typeof engineRun>>} a @param {Awaited<ReturnType<typeof engineRun>>} b
 */
function expectedRows(a, b) {
  const ids = [...new Set([...a.windows.keys(), ...b.windows.keys()])];
  return Object.fromEntries(
    ids.map((id) => {
      const [x, y] = [a.windows.get(id), b.windows.get(id)];
      if (y === undefined) return [id, 'onlyA'];
      if (x === undefined) return [id, 'onlyB'];
      const same = JSON.stringify(x) === JSON.stringify(y);
      return [id, same ? 'same' : 'changed'];
    }),
  );
}

/** @param {any} pipeline @param {number} ms */
const withLateness = (pipeline, ms) => ({
  ...pipeline,
  nodes: pipeline.nodes.map((/** @type {any} */ n) =>
    n.kind === 'window' ? { ...n, params: { ...n.params, allowedLatenessMs: ms } } : n,
  ),
});

/** @param {any} pipeline @param {number} ms */
const withDelay = (pipeline, ms) => ({
  ...pipeline,
  nodes: pipeline.nodes.map((/** @type {any} */ n) =>
    n.kind.startsWith('source.') ? { ...n, params: { ...n.params, outOfOrdernessMs: ms } } : n,
  ),
});

/** Leaves a demo's step player; its pipeline stays open. @param {import('playwright-core').Page} page */
async function closePlayer(page) {
  await page.getByTestId('demo-close').click();
  await page.getByTestId('demo-player').waitFor({ state: 'detached' });
}

describe('compare mode', () => {
  /** @type {import('./support/app.mjs').App} */
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('shows event time and processing time give different windows for the demo, and a longer watermark delay changes the late count', async () => {
    const { page, errors } = await app.open({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() =>
      localStorage.setItem('tidemark.prefs', JSON.stringify({ theme: 'light' })),
    );
    await page.goto(app.url);
    await page.getByTestId('app').waitFor();
    const demos = new DemosPage(page);
    const compare = new ComparePage(page);

    // The processing-time demo, from the gallery.
    const demo = await demoFile('processing-vs-event-time');
    await demos.openGallery();
    await demos.open('processing-vs-event-time');
    await closePlayer(page);

    const [eventTime, processingTime] = await Promise.all([
      engineRun(demo.pipeline, 'event'),
      engineRun(demo.pipeline, 'processing'),
    ]);
    const expected = expectedRows(eventTime, processingTime);
    assert.ok(Object.values(expected).includes('onlyA'), 'the demo has a window only in A');
    assert.ok(Object.values(expected).includes('changed'), 'and windows whose counts differ');

    await compare.open();
    assert.equal(await compare.kind.inputValue(), 'time');
    assert.equal(await page.getByTestId('compare-setting-a').innerText(), 'Event time');
    assert.equal(await page.getByTestId('compare-setting-b').innerText(), 'Processing time');
    const shown = await compare.shownRows();
    assert.deepEqual(Object.fromEntries(shown.map((r) => [r.id, r.kind])), expected);
    const differ = Object.values(expected).filter((k) => k !== 'same').length;
    assert.match(
      await compare.summary.innerText(),
      new RegExp(`^${differ} of ${shown.length} windows differ`),
    );
    // Every row's values are the engine's, side by side.
    const { comparison } = await compare.state();
    for (const row of comparison.rows) {
      assert.deepEqual(row.a?.value, eventTime.windows.get(row.id)?.value);
      assert.deepEqual(row.b?.value, processingTime.windows.get(row.id)?.value);
    }
    const onlyA = shown.find((r) => r.kind === 'onlyA');
    assert.equal(onlyA?.difference, 'Only in A');

    // A row highlights its window in both timelines; both show the same processing times.
    const changed = shown.find((r) => r.kind === 'changed');
    await compare.select(/** @type {string} */ (changed?.id));
    assert.equal((await compare.state()).selected, changed?.id);
    const before = (
      await page.evaluate(() => /** @type {any} */ (window).__tidemark.compare.timelines())
    ).shown;
    await page.getByTestId('compare-side-a').getByRole('button', { name: 'Zoom in' }).click();
    const timelines = await page.evaluate(() =>
      /** @type {any} */ (window).__tidemark.compare.timelines(),
    );
    assert.ok(timelines.shown.to - timelines.shown.from < before.to - before.from);
    assert.equal(timelines.a.firings.length, eventTime.windows.size);
    await page
      .getByTestId('compare-side-a')
      .getByRole('button', { name: 'Show the whole run' })
      .click();
    await app.screenshot(page, 'compare-event-vs-processing');

    // Two watermark delays on the watermarks demo: the longer one lets the late click in.
    const watermarks = await demoFile('watermarks');
    await compare.close();
    await demos.openGallery();
    await demos.open('watermarks');
    await closePlayer(page);
    await compare.open();
    await compare.compare('watermark');
    const { setup } = await compare.state();
    const [shorter, longer] = await Promise.all([
      engineRun(withDelay(watermarks.pipeline, setup.watermark.a), 'event'),
      engineRun(withDelay(watermarks.pipeline, setup.watermark.b), 'event'),
    ]);
    assert.notEqual(shorter.late, longer.late, 'the two delays give different late counts');
    const { comparison: delays } = await compare.state();
    assert.equal(delays.summary.lateA, shorter.late);
    assert.equal(delays.summary.lateB, longer.late);
    assert.deepEqual(
      Object.fromEntries((await compare.shownRows()).map((r) => [r.id, r.kind])),
      expectedRows(shorter, longer),
    );

    // A value typed in: B back to A's delay, and the late counts agree again.
    const aSeconds = String(setup.watermark.a / 1000);
    await compare.setValue('b', aSeconds, 's');
    const same = await compare.state();
    assert.equal(same.ran.watermark.b, setup.watermark.a);
    assert.equal(same.comparison.summary.lateB, shorter.late);
    assert.equal(same.comparison.summary.differ, 0);
    await compare.setValue('b', String(setup.watermark.b / 1000), 's');

    await page.getByTestId('language').selectOption('zh-CN');
    await compare.done();
    assert.match(await compare.summary.innerText(), /个窗口中有/);
    assert.match(await page.getByTestId('compare-setting-a').innerText(), /^水位线延迟 /);
    await app.screenshot(page, 'compare-watermarks-zh');

    await compare.closeButton();
    await page.locator('.react-flow__pane').waitFor({ state: 'visible' });
    assert.deepEqual(errors, []);
  });

  it('compares two allowed latenesses on a wide screen in the dark theme', async () => {
    const { page, errors } = await app.open({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(() =>
      localStorage.setItem('tidemark.prefs', JSON.stringify({ theme: 'dark' })),
    );
    await page.goto(app.url);
    await page.getByTestId('app').waitFor();
    const demos = new DemosPage(page);
    const compare = new ComparePage(page);
    const demo = await demoFile('allowed-lateness');
    await demos.openGallery();
    await demos.open('allowed-lateness');
    await closePlayer(page);

    // From the demo's step card's way in: compare mode opened on a kind.
    await page.evaluate(() => /** @type {any} */ (window).__tidemark.compare.open('lateness'));
    await compare.done();
    assert.equal(await compare.kind.inputValue(), 'lateness');
    const { setup, comparison } = await compare.state();
    const [a, b] = await Promise.all([
      engineRun(withLateness(demo.pipeline, setup.lateness.a), 'event'),
      engineRun(withLateness(demo.pipeline, setup.lateness.b), 'event'),
    ]);
    assert.deepEqual(
      Object.fromEntries((await compare.shownRows()).map((r) => [r.id, r.kind])),
      expectedRows(a, b),
    );
    // B allows no lateness: what A still counts goes to B's late output.
    assert.ok(b.late > a.late);
    assert.equal(comparison.summary.lateOnlyB.sideOutput, b.late - a.late);
    assert.match(
      await compare.summary.innerText(),
      new RegExp(`B sends ${b.late - a.late} late records? to the late output that A counts`),
    );
    const changed = (await compare.shownRows()).find((r) => r.kind === 'changed');
    await compare.select(/** @type {string} */ (changed?.id));
    await app.screenshot(page, 'compare-lateness-dark-1920');
    await compare.close();
    assert.deepEqual(errors, []);
  });
});
