import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { EditorPage } from './pages/editor.page.mjs';
import { RecoveryPage } from './pages/recovery.page.mjs';
import { RunPage } from './pages/run.page.mjs';
import { startApp } from './support/app.mjs';

const CLICKS = fileURLToPath(new URL('./fixtures/clicks-per-user.tidemark.json', import.meta.url));
const SEED = 7;

/** Results as a sorted list of what they say, whatever order and attempt delivered them. */
const canonical = (/** @type {any[]} */ results) =>
  results.map((r) => JSON.stringify([r.sink, r.value, r.timestamp])).sort();

/**
 * Opens the app on the clicks pipeline with a tall dock.
 * @param {import('./support/app.mjs').App} app
 * @param {'light' | 'dark'} theme
 */
async function openOn(app, theme) {
  const opened = await app.open({ viewport: { width: 1440, height: 1000 } });
  const { page } = opened;
  await page.addInitScript(
    (prefs) => localStorage.setItem('tidemark.prefs', JSON.stringify(prefs)),
    { theme, dockHeight: 600, bottomOpen: true },
  );
  const editor = new EditorPage(page);
  await editor.goto(app.url);
  await editor.importFile(CLICKS);
  await editor.settled();
  return { ...opened, editor, run: new RunPage(page), recovery: new RecoveryPage(page) };
}

describe('checkpoints, failures and savepoints', () => {
  /** @type {import('./support/app.mjs').App} */
  let app;

  before(async () => {
    app = await startApp();
  });

  after(async () => {
    await app?.close();
  });

  it('recovers from a failure to the failure-free output, saves and refuses a corrupt savepoint, and proves exactly-once', async () => {
    const { page, errors, editor, run, recovery } = await openOn(app, 'light');
    await run.configure('event', SEED, 'max');

    // The failure-free reference: the same run without checkpointing.
    await run.run();
    await run.waitFor(['finished']);
    const reference = canonical(await run.call('results'));
    assert.ok(reference.length > 20);

    await recovery.enableCheckpoints('exactly-once', 2000);
    await run.setSpeed('100');
    await run.run();
    await page.waitForFunction(
      () => {
        const progress = /** @type {any} */ (window).__tidemark.run.progress();
        return (progress?.recordsProcessed ?? 0) > 150;
      },
      null,
      { timeout: 20_000 },
    );
    await run.pause();

    // A savepoint of the paused job arrives as a download.
    const download = await recovery.takeSavepoint();
    const savepoint = await readFile((await download.path()) ?? '');
    assert.match(download.suggestedFilename(), /savepoint/);
    assert.ok(savepoint.length > 100);
    await page.getByTestId('savepoint-list').locator('tbody tr').first().waitFor();

    // Fail the whole job here, then run to the end: it restarts from its last checkpoint.
    await recovery.injectFailure();
    await run.setSpeed('max');
    await run.play();
    await run.waitFor(['finished']);
    const events = await recovery.call('events');
    assert.deepEqual(
      events.map((/** @type {any} */ e) => e.kind),
      ['failed', 'restarting', 'restored'],
    );
    const restored = events[2];
    assert.ok(restored.checkpointId !== null && restored.stateRestored);
    assert.ok(
      restored.offsets[0].offset > 0,
      'the source rewinds to the checkpoint, not the start',
    );
    const counts = await recovery.call('counts');
    assert.equal(counts.pending, 0);
    assert.equal(counts.committed, reference.length);
    assert.deepEqual(canonical(await recovery.call('committed')), reference);

    // The timeline marks the failure and the restore from the checkpoint.
    const marks = (await run.call('timeline')).jobEvents;
    assert.deepEqual(
      marks.map((/** @type {any} */ m) => [m.kind, m.pt]),
      [
        ['failed', events[0].pt],
        ['restored', restored.pt],
      ],
    );
    await recovery.openTab('timeline');
    await page.getByTestId('timeline-fit').click();
    await editor.noticeGone();
    await app.screenshot(page, 'recovery-timeline-failure');

    await recovery.openTab('checkpoints');
    const history = page.getByTestId('checkpoint-history');
    assert.ok((await history.locator('tbody tr[data-status="completed"]').count()) >= 5);
    await history.getByRole('button').nth(2).click();
    await editor.noticeGone();
    await app.screenshot(page, 'recovery-checkpoints');

    // A corrupt file: its error in plain words, and the job and the pipeline as they were.
    const docBefore = await page.evaluate(() => /** @type {any} */ (window).__tidemark.document());
    const resultsBefore = (await run.call('results')).length;
    const corrupt = Buffer.from(savepoint);
    corrupt[corrupt.length >> 1] ^= 0xff;
    await recovery.upload({
      name: 'broken.tidemark-savepoint',
      mimeType: 'application/octet-stream',
      buffer: corrupt,
    });
    await page.getByTestId('restore-error').waitFor();
    assert.equal(await page.getByTestId('restore-confirm').isDisabled(), true);
    assert.equal(await run.call('phase'), 'finished');
    assert.equal((await run.call('results')).length, resultsBefore);
    assert.deepEqual(
      await page.evaluate(() => /** @type {any} */ (window).__tidemark.document()),
      docBefore,
    );
    await app.screenshot(page, 'recovery-corrupt-savepoint');
    await page.getByTestId('restore-cancel').click();

    // Change the job and reload: a longer allowed lateness keeps the window's state layout.
    await editor.select('per-10s');
    await editor.setDuration('allowedLatenessMs', 2, 's');
    await editor.settled();
    await page.reload();
    await editor.root.waitFor({ state: 'visible' });
    await editor.settled();
    const changed = (await editor.document()).nodes.find((n) => n.uid === 'per-10s');
    assert.equal(changed?.params.allowedLatenessMs, 2000);
    await run.configure('event', SEED, 'max');

    // The real file: the dry run matches, and the restored job runs on from the savepoint.
    await recovery.upload({
      name: download.suggestedFilename(),
      mimeType: 'application/octet-stream',
      buffer: savepoint,
    });
    await page.getByTestId('restore-match').waitFor();
    await app.screenshot(page, 'recovery-restore-dry-run');
    await page.getByTestId('restore-confirm').click();
    await run.waitFor(['idle', 'paused']);
    const restoredAt = (await run.call('progress'))?.recordsProcessed ?? 0;
    assert.ok(restoredAt > 150, 'the restored job starts where the savepoint was taken');

    // The inspector lists the window's keys from the savepoint, on the heap and in IndexedDB.
    const keysOnHeap = await recovery.stateKeys();
    assert.ok(keysOnHeap.length > 0);
    for (const key of keysOnHeap) assert.match(key, /^user-\d$/);
    await page.getByTestId('run-settings').click();
    await page.getByTestId('run-backend').selectOption('indexeddb');
    await page.keyboard.press('Escape');
    await run.waitFor(['idle']);
    await recovery.openTab('savepoints');
    await page.getByTestId('savepoint-restore').first().click();
    await page.getByTestId('restore-match').waitFor();
    await page.getByTestId('restore-confirm').click();
    await page.getByTestId('restore-dialog').waitFor({ state: 'detached' });
    await run.waitFor(['idle', 'paused']);
    assert.deepEqual(await recovery.stateKeys(), keysOnHeap);
    await page.getByTestId('state-subtasks').getByText('indexeddb').first().waitFor();
    await app.screenshot(page, 'recovery-state-indexeddb');

    // Just restored, the live state is the savepoint's: every key unchanged.
    await recovery.openTab('savepoints');
    await page.getByTestId('diff-compare').click();
    const diffRow = page.getByTestId('diff-table').locator('tbody tr', { hasText: 'per-10s' });
    await diffRow.waitFor();
    const cells = await diffRow.locator('td').allTextContents();
    assert.deepEqual(cells.slice(1, 4), ['0', '0', '0']);
    assert.equal(Number(cells[4]), keysOnHeap.length);
    await run.play();
    await run.waitFor(['finished']);

    // The proof: three modes beside the failure-free run.
    await recovery.openTab('proof');
    const failAfter = page.getByTestId('proof-fail-after');
    await failAfter.fill('300');
    await failAfter.press('Enter');
    const interval = page.getByTestId('proof-interval');
    await interval.fill('2000');
    await interval.press('Enter');
    await page.getByTestId('run-proof').click();
    await page.getByTestId('proof-runs').waitFor({ timeout: 30_000 });
    const exactly = page.getByTestId('proof-exactly-once');
    assert.equal(await exactly.getAttribute('data-exact'), 'true');
    assert.equal(await page.getByTestId('proof-at-least-once').getAttribute('data-exact'), 'false');
    assert.ok(Number(await page.getByTestId('proof-at-least-once-duplicated').textContent()) > 0);
    assert.ok(Number(await page.getByTestId('proof-off-lost').textContent()) > 0);
    await app.screenshot(page, 'recovery-proof');
    assert.deepEqual(errors, []);
  });
  it('tells the history, the events and the proof in Chinese in the dark theme', async () => {
    const { page, errors, editor, run, recovery } = await openOn(app, 'dark');
    await page.getByTestId('language').selectOption('zh-CN');
    // Slow enough that the pause comes well before the end of the input.
    await run.configure('event', SEED, '10');
    await recovery.enableCheckpoints('at-least-once', 2000);
    await run.run();
    await page.waitForFunction(
      () => {
        const progress = /** @type {any} */ (window).__tidemark.run.progress();
        return (progress?.recordsProcessed ?? 0) > 300;
      },
      null,
      { timeout: 20_000 },
    );
    await run.pause();
    await recovery.injectFailure();
    await run.setSpeed('max');
    await run.play();
    await run.waitFor(['finished']);
    const counts = await recovery.call('counts');
    assert.equal(counts.pending, 0);
    await page.getByTestId('job-events').getByText('恢复').first().waitFor();
    await editor.noticeGone();
    await app.screenshot(page, 'recovery-checkpoints-dark-zh');

    await recovery.openTab('proof');
    await page.getByTestId('run-proof').click();
    await page.getByTestId('proof-runs').waitFor({ timeout: 30_000 });
    await page.getByText('没有丢失，没有重复').waitFor();
    await app.screenshot(page, 'recovery-proof-dark-zh');
    assert.deepEqual(errors, []);
  });
});
