import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { EditorPage } from './pages/editor.page.mjs';
import { RunPage } from './pages/run.page.mjs';
import { ROOT, startApp } from './support/app.mjs';

const fixture = (/** @type {string} */ name) =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const CLICKS = fixture('clicks-per-user.tidemark.json');
const SEED = 7;

/** Values as the CLI writes them: infinite numbers as text. @param {unknown} value */
const asCli = (value) =>
  JSON.parse(
    JSON.stringify(value, (_k, v) =>
      typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
    ),
  );

/** What `npm run engine -- run <file> --seed <n>` prints as results. @param {string} file */
async function cliResults(file) {
  const { stdout } = await promisify(execFile)(
    'npx',
    ['tsx', 'src/cli/engine.ts', 'run', file, '--seed', String(SEED)],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line))
    .filter((line) => line.type === 'result')
    .map(({ type: _type, ...result }) => result);
}

/**
 * Opens the app on a pipeline file, with the bottom dock tall enough for the timeline.
 * @param {import('./support/app.mjs').App} app
 * @param {string} file
 * @param {'light' | 'dark'} theme
 */
async function openOn(app, file, theme = 'light') {
  const opened = await app.open({ viewport: { width: 1440, height: 900 } });
  await opened.page.addInitScript(
    (prefs) => localStorage.setItem('tidemark.prefs', JSON.stringify(prefs)),
    { theme, dockHeight: 430, bottomOpen: true },
  );
  const editor = new EditorPage(opened.page);
  await editor.goto(app.url);
  await editor.importFile(file);
  return { ...opened, editor, run: new RunPage(opened.page) };
}

describe('running a pipeline', () => {
  /** @type {import('./support/app.mjs').App} */
  let app;
  /** @type {Promise<unknown[]>} */
  let expected;

  before(async () => {
    expected = cliResults(CLICKS);
    app = await startApp();
  });

  after(async () => {
    await app?.close();
  });

  it('runs, pauses, steps to a window firing the timeline shows, and ends with the CLI’s results', async () => {
    const { page, errors, editor, run } = await openOn(app, CLICKS);
    await page.waitForFunction(() =>
      /** @type {any} */ (window).__tidemark.document().name.includes('run tests'),
    );
    await editor.settled();
    await run.configure('event', SEED, '10');

    await run.run();
    await page.waitForFunction(
      () => {
        const progress = /** @type {any} */ (window).__tidemark.run.progress();
        return (progress?.recordsProcessed ?? 0) > 0;
      },
      null,
      { timeout: 20_000 },
    );
    await run.pause();
    assert.equal(await run.call('phase'), 'paused');
    const before = await run.call('timeline');

    await run.step('firing');
    const after = await run.call('timeline');
    assert.ok(after.firings.length > before.firings.length, 'the step ends at a window firing');
    const firing = after.firings.at(-1);
    assert.equal(firing.end - firing.start, 10_000, 'a 10 s tumbling window fired');
    assert.ok(after.records > 0 && after.watermarks > 0);
    await run.openTab('timeline');
    await page.getByTestId('timeline-panel').locator('canvas').first().waitFor();
    await app.screenshot(page, 'run-step-to-firing');

    // To the end at full speed: what the panel shows equals what the CLI prints.
    await run.setSpeed('max');
    await run.play();
    await run.waitFor(['finished']);
    const results = await run.call('results');
    assert.deepEqual(asCli(results), await expected);

    await run.openTab('results');
    const counts = results.filter((/** @type {any} */ r) => r.sink === 'counts');
    const rows = await run.resultRows('counts');
    assert.equal(rows.length, counts.length);
    assert.deepEqual(
      rows.map((cells) => [cells[0], cells[2]]),
      counts.map((/** @type {any} */ r) => [r.value.key, String(r.value.value)]),
    );
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const csv = await readFile((await (await download).path()) ?? '', 'utf8');
    assert.equal(csv.trim().split('\n').length, results.length + 1, 'a CSV row per result');
    const late = await run.call('sideOutput');
    assert.equal((await run.call('timeline')).late >= late.length, true);
    await app.screenshot(page, 'run-results');

    await run.openTab('metrics');
    await page.getByTestId('metric-throughput').locator('canvas').waitFor();
    await app.screenshot(page, 'run-metrics');
    assert.deepEqual(errors, []);
  });

  for (const theme of /** @type {const} */ (['light', 'dark'])) {
    it(`shows the timeline mid-run in the ${theme} theme`, async () => {
      const { page, errors, editor, run } = await openOn(app, CLICKS, theme);
      await editor.settled();
      await run.configure('event', SEED, '10');
      await run.openTab('timeline');
      await run.run();
      await page.waitForFunction(
        () => {
          const progress = /** @type {any} */ (window).__tidemark.run.progress();
          return (progress?.processingTime ?? 0) > 24_000;
        },
        null,
        { timeout: 30_000 },
      );
      await run.pause();
      const timeline = await run.call('timeline');
      assert.ok(timeline.firings.length >= 2, 'windows have fired by then');
      await editor.noticeGone();
      // The frame after the last batch is drawn.
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      await app.screenshot(page, `run-timeline-${theme}`);
      await page
        .getByTestId('timeline-panel')
        .screenshot({ path: `${ROOT}/test-results/e2e/run-timeline-panel-${theme}.png` });
      assert.deepEqual(errors, []);
    });
  }

  it('stops a user function that never returns, names its operator, and stays usable', async () => {
    const { page, editor, run } = await openOn(app, fixture('endless-map.tidemark.json'));
    const trust = page.getByTestId('trust-dialog');
    await trust.waitFor();
    await trust.getByRole('button', { name: 'Open and allow the code' }).click();
    await editor.settled();

    await run.run();
    await run.hangNotice.waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () => /** @type {any} */ (window).__tidemark.run.hang()?.operatorUid === 'stuck',
      null,
      { timeout: 30_000 },
    );
    assert.match((await run.hangNotice.textContent()) ?? '', /stuck/);
    // The page answers while the engine is stopped.
    assert.equal((await editor.document()).nodes.length, 3);
    await app.screenshot(page, 'run-hang');

    await page.getByTestId('engine-restart').click();
    await run.hangNotice.waitFor({ state: 'detached' });
    await editor.importFile(CLICKS);
    await page.waitForFunction(() =>
      /** @type {any} */ (window).__tidemark.document().name.includes('run tests'),
    );
    await editor.settled();
    await run.configure('event', SEED, 'max');
    await run.run();
    await run.waitFor(['finished']);
    assert.deepEqual(asCli(await run.call('results')), await expected);
  });
});
