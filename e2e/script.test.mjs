import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { EditorPage } from './pages/editor.page.mjs';
import { startApp } from './support/app.mjs';

const PIPELINE = fileURLToPath(new URL('./fixtures/script-window.tidemark.json', import.meta.url));

/**
 * The run's results as short lines: "counts ana@0=2", "late ana@5000".
 * @param {import('playwright-core').Page} page
 */
async function results(page) {
  const all = await page.evaluate(() => /** @type {any} */ (window).__tidemark.run.results());
  return all.map((/** @type {any} */ r) =>
    r.sink === 'late'
      ? `late ${r.value.user}@${r.value.ts}`
      : `counts ${r.value.key}@${r.value.start}=${r.value.value}`,
  );
}

/** @param {import('playwright-core').Page} page */
const steps = (page) =>
  page.evaluate(
    () =>
      /** @type {any} */ (window).__tidemark
        .document()
        .nodes.find((/** @type {any} */ n) => n.kind === 'source.script').params.steps,
  );

describe('scripted input', () => {
  /** @type {import('./support/app.mjs').App} */
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('is written step by step in the Input tab, and its watermark step decides what is late', async () => {
    const { page, errors } = await app.open({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() =>
      localStorage.setItem(
        'tidemark.prefs',
        JSON.stringify({ dockHeight: 400, bottomOpen: true, bottomTab: 'problems' }),
      ),
    );
    const editor = new EditorPage(page);
    await editor.goto(app.url);
    await editor.importFile(PIPELINE);
    await page.waitForFunction(() =>
      /** @type {any} */ (window).__tidemark.document().name.includes('late ones aside'),
    );
    await editor.settled();

    // The list source makes way for a scripted input from the palette.
    await editor.select('clicks');
    await editor.press('Delete');
    await editor.dragFromPalette('source.script', { x: 120, y: 300 });
    await editor.settled();
    await editor.connect('script-1', 'by-user');
    await editor.settled();
    assert.deepEqual(await editor.problems(), []);

    // The inspector sums the script up and opens the Input tab on it.
    await editor.select('script-1');
    await editor.inspector.getByTestId('script-edit').click();
    const script = page.getByTestId('script-script-1');
    await script.waitFor();

    const add = (/** @type {string} */ kind) =>
      page.getByTestId(`script-add-${kind}-script-1`).click();
    const setValue = async (/** @type {number} */ i, /** @type {string} */ text) => {
      const input = page.getByTestId(`script-value-script-1-${i}`);
      await input.fill(text);
      await input.press('Enter');
      await editor.settled();
    };
    await add('add');
    await editor.settled();
    await setValue(0, '[{"user":"ana","ts":2000},{"user":"ana","ts":7000}]');
    await add('advanceProcessingTime');
    await add('advanceWatermark');
    await editor.settled();
    await setValue(2, '9999');
    await add('add');
    await editor.settled();
    await setValue(3, '[{"user":"ana","ts":5000}]');
    await add('advanceWatermarkToInfinity');
    await editor.settled();
    assert.deepEqual(await steps(page), [
      {
        add: [
          { user: 'ana', ts: 2000 },
          { user: 'ana', ts: 7000 },
        ],
      },
      { advanceProcessingTime: 1000 },
      { advanceWatermark: 9999 },
      { add: [{ user: 'ana', ts: 5000 }] },
      { advanceWatermarkToInfinity: true },
    ]);
    assert.deepEqual(await editor.problems(), []);
    assert.equal(
      await page.getByTestId('script-clock-script-1-2').textContent(),
      'then pt 1s · wm 9.999s',
    );
    await script.getByText('1 behind the watermark').waitFor();
    await app.screenshot(page, 'script-steps');

    // Undo takes back the last step as one edit; redo brings it back.
    await editor.canvas.click({ position: { x: 8, y: 8 } });
    await editor.press('Control+z');
    await editor.settled();
    assert.equal((await steps(page)).length, 4);
    await editor.press('Control+Shift+z');
    await editor.settled();
    assert.equal((await steps(page)).length, 5);

    await editor.runToEnd();
    // Window [0 s, 10 s) fired at the watermark step with two; the record at 5 s came after it.
    assert.deepEqual(await results(page), ['counts ana@0=2', 'late ana@5000']);

    // The same record one step earlier, before the watermark step: it is counted.
    await page.getByTestId('tab-input').click();
    await page.getByRole('button', { name: 'Move step 4 up' }).click();
    await editor.settled();
    await editor.runToEnd();
    assert.deepEqual(await results(page), ['counts ana@0=3']);

    await page.getByTestId('tab-input').click();
    await page.getByTestId('language').selectOption('zh-CN');
    await script.getByText('推进水位线').first().waitFor();
    await app.screenshot(page, 'script-steps-zh');
    assert.deepEqual(errors, []);
  });
});
