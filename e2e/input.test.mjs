import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { EditorPage } from './pages/editor.page.mjs';
import { startApp } from './support/app.mjs';

const INPUT = fileURLToPath(new URL('./fixtures/marble-input.tidemark.json', import.meta.url));

/**
 * Counts per key and window start, from the run's results.
 * @param {import('playwright-core').Page} page
 */
async function counts(page) {
  const results = await page.evaluate(() => /** @type {any} */ (window).__tidemark.run.results());
  return Object.fromEntries(
    results
      .filter((/** @type {any} */ r) => r.sink === 'counts')
      .map((/** @type {any} */ r) => [`${r.value.key}@${r.value.start}`, r.value.value]),
  );
}

/** @param {import('playwright-core').Page} page */
const records = (page) =>
  page.evaluate(
    () =>
      /** @type {any} */ (window).__tidemark
        .document()
        .nodes.find((/** @type {any} */ n) => n.uid === 'clicks').params.records,
  );

describe('the marble input editor', () => {
  /** @type {import('./support/app.mjs').App} */
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('adds a record by clicking, and a record dragged later in event time lands in the next window', async () => {
    const { page, errors } = await app.open({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() =>
      localStorage.setItem(
        'tidemark.prefs',
        JSON.stringify({ dockHeight: 380, bottomOpen: true, bottomTab: 'input' }),
      ),
    );
    const editor = new EditorPage(page);
    await editor.goto(app.url);
    await editor.importFile(INPUT);
    await page.waitForFunction(() =>
      /** @type {any} */ (window).__tidemark.document().name.includes('hand-made'),
    );
    await editor.settled();
    await page.getByTestId('tab-input').click();
    const lane = page.getByTestId('lane-clicks');
    await lane.waitFor();

    // A click on empty lane space adds a record that arrives there, at the same event time.
    const track = page.getByTestId('lane-track-clicks');
    const box = await track.boundingBox();
    assert.ok(box);
    await page.mouse.click(box.x + box.width * 0.45, box.y + 8);
    await editor.settled();
    const added = (await records(page)).at(-1);
    assert.equal((await records(page)).length, 6);
    assert.equal(added.ts, added.at, 'a new record happens when it arrives');
    assert.equal(added.user, 'bo', 'a new record copies the fields of the last one');
    await page.getByTestId('record-popover').waitFor();
    await app.screenshot(page, 'input-added');

    // Undo takes the click back as one edit.
    await page.getByTestId('record-popover').getByRole('button', { name: 'Close' }).click();
    await editor.press('Control+z');
    await editor.settled();
    assert.equal((await records(page)).length, 5);

    await editor.runToEnd();
    const before = await counts(page);
    assert.equal(before['ana@0'], 2);
    assert.equal(before['ana@10000'], 1);

    // Shift-drag the third marble (ana, event time 7 s) to the right: its event time moves past 10 s.
    await page.getByTestId('tab-input').click();
    const marble = page.getByTestId('marble-clicks-2');
    const from = await marble.boundingBox();
    const to = await page.getByTestId('marble-clicks-3').boundingBox();
    assert.ok(from && to);
    const x = from.x + from.width / 2;
    const y = from.y + from.height / 2;
    await page.keyboard.down('Shift');
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 20, y, { steps: 3 });
    await page.mouse.move(to.x + to.width / 2, y, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await editor.settled();
    const moved = (await records(page))[2];
    assert.equal(moved.at, 7000, 'the arrival time stays');
    assert.ok(moved.ts >= 10_000, `event time ${moved.ts} is past the first window`);
    await app.screenshot(page, 'input-dragged');

    await editor.runToEnd();
    const after = await counts(page);
    assert.equal(after['ana@0'], 1, 'the dragged record left the first window');
    assert.equal(after['ana@10000'], 2, 'and joined the next one');

    await page.getByTestId('tab-input').click();
    // Delete removes the focused record; the popover edits a record's fields.
    await page.getByTestId('marble-clicks-4').focus();
    await page.keyboard.press('Delete');
    await editor.settled();
    assert.deepEqual(
      (await records(page)).map((/** @type {any} */ r) => r.ts),
      [2000, 4000, moved.ts, 13000],
    );
    await page.getByTestId('marble-clicks-1').click();
    await page
      .getByTestId('record-fields')
      .fill(JSON.stringify({ ts: 4000, at: 5000, user: 'cy', clicks: 2 }));
    await page.getByTestId('record-apply').click();
    await editor.settled();
    assert.deepEqual((await records(page))[1], { ts: 4000, at: 5000, user: 'cy', clicks: 2 });
    await app.screenshot(page, 'input-lanes');
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByTestId('marble-clicks-1').click();
    await page.getByTestId('record-popover').waitFor();
    await app.screenshot(page, 'input-lanes-zh');
    assert.deepEqual(errors, []);
  });
});
