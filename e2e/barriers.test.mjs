import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { EditorPage } from './pages/editor.page.mjs';
import { RecoveryPage } from './pages/recovery.page.mjs';
import { RunPage } from './pages/run.page.mjs';
import { startApp } from './support/app.mjs';

// Two click streams (one with two subtasks) merged by a union, keyed, windowed and counted.
const STREAMS = fileURLToPath(
  new URL('./fixtures/two-click-streams.tidemark.json', import.meta.url),
);
const SEED = 11;

const canonical = (/** @type {any[]} */ results) =>
  results.map((r) => JSON.stringify([r.sink, r.value, r.timestamp])).sort();

/** @param {import('playwright-core').Page} page @param {number} n */
const processedOver = (page, n) =>
  page.waitForFunction(
    (min) => {
      const progress = /** @type {any} */ (window).__tidemark.run.progress();
      return (progress?.recordsProcessed ?? 0) > min;
    },
    n,
    { timeout: 30_000 },
  );

describe('barriers and scripted failures', () => {
  /** @type {import('./support/app.mjs').App} */
  let app;

  before(async () => {
    app = await startApp();
  });

  after(async () => {
    await app?.close();
  });

  it('draws barriers along the edges, then fails on the armed record and recovers to the failure-free output', async () => {
    const { page, errors } = await app.open({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(
      (prefs) => localStorage.setItem('tidemark.prefs', JSON.stringify(prefs)),
      { theme: 'light', dockHeight: 420, bottomOpen: true },
    );
    const editor = new EditorPage(page);
    const run = new RunPage(page);
    const recovery = new RecoveryPage(page);
    await editor.goto(app.url);
    await editor.importFile(STREAMS);
    await editor.settled();
    await editor.noticeGone();
    await run.configure('event', SEED, 'max');

    await run.run();
    await run.waitFor(['finished']);
    const reference = canonical(await run.call('results'));
    assert.ok(reference.length > 10);

    // Checkpoints every two seconds of processing time, played slowly enough to watch them.
    await recovery.enableCheckpoints('exactly-once', 2000);
    await run.setSpeed('2');
    await run.run();
    await processedOver(page, 40);
    await editor.noticeGone();
    const travelling = page.locator('.edge-barrier__travel');
    await travelling.first().waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="edge-barrier-window-counts"]').waitFor();
    // Every edge, through the union and the keyBy, has carried a barrier to the window.
    for (const edge of ['web-both', 'app-both', 'both-key', 'key-window', 'window-counts']) {
      const checkpoint = await page
        .getByTestId(`edge-barrier-${edge}`)
        .locator('.edge-barrier__travel')
        .getAttribute('data-checkpoint');
      assert.ok(Number(checkpoint) >= 1, `a barrier crossed ${edge}`);
    }
    await page.getByTestId('node-per-5s').getByTestId('node-snapshot').waitFor();
    // Mid-flight: right after a new checkpoint's barriers set off.
    const seen = await travelling.first().getAttribute('data-checkpoint');
    await page.waitForFunction(
      (before) =>
        [...document.querySelectorAll('.edge-barrier__travel')].some(
          (g) => Number(g.getAttribute('data-checkpoint')) > Number(before),
        ),
      seen,
      { timeout: 20_000 },
    );
    await page.waitForTimeout(250);
    await app.screenshot(page, 'recovery-barriers');
    // At the union, the web stream delivered its barriers first: held until the window aligned.
    const held = page.getByTestId('edge-held-web-both');
    await held.waitFor({ state: 'attached' });
    assert.ok(Number(await held.getAttribute('data-checkpoint')) >= 1);
    await page.waitForTimeout(500);
    await app.screenshot(page, 'recovery-barriers-held');

    // Part of the run played: arm "fail on record N" a little ahead, then play on.
    await run.pause();
    const at = (await run.call('progress')).recordsProcessed;
    const failAt = at + 25;
    await recovery.failOnRecord(failAt);
    await run.setSpeed('max');
    await run.play();
    await run.waitFor(['finished']);

    const events = await recovery.call('events');
    assert.deepEqual(
      events.map((/** @type {any} */ e) => e.kind),
      ['failed', 'restarting', 'restored'],
    );
    assert.equal(events[0].reason, 'injected-record');
    assert.equal(events[0].record, failAt);
    assert.ok(events[2].checkpointId !== null && events[2].stateRestored);
    const counts = await recovery.call('counts');
    assert.equal(counts.pending, 0);
    assert.deepEqual(canonical(await recovery.call('committed')), reference);

    // The failure is worded from its reason; the history opens to the per-subtask timeline.
    await recovery.openTab('checkpoints');
    await page
      .getByTestId('job-events')
      .getByText(`scripted failure on record ${failAt}`)
      .waitFor();
    const history = page.getByTestId('checkpoint-history');
    await history.locator('tbody tr[data-status="completed"] button').first().click();
    const timeline = page.locator('[data-testid^="subtask-timeline-"]');
    await timeline.waitFor();
    assert.ok((await timeline.locator('.subtask-timeline__row').count()) >= 2);
    await editor.noticeGone();
    await app.screenshot(page, 'recovery-subtask-timeline');
    assert.deepEqual(errors, []);
  });
});
