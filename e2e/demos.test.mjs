import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DemosPage } from './pages/demos.page.mjs';
import { RunPage } from './pages/run.page.mjs';
import { startApp } from './support/app.mjs';
import { claimed, demoFiles, shownAtEnd } from './support/demo-files.mjs';

/** @param {import('playwright-core').Page} page */
const recovery = (page) =>
  page.evaluate(() => {
    const api = /** @type {any} */ (window).__tidemark.recovery;
    return { committed: api.committed(), events: api.events(), counts: api.counts() };
  });

/**
 * Plays the open demo to its last step in `language`, answering every question with its right
 * choice, and checks what the player shows on the way and the results at its end.
 * @param {import('playwright-core').Page} page @param {any} demo @param {'en' | 'zh-CN'} language
 * @param {(step: number) => Promise<void>} onStep
 */
async function playThrough(page, demo, language, onStep) {
  const demos = new DemosPage(page);
  const run = new RunPage(page);
  for (let i = 0; i < demo.steps.length; i++) {
    if (i > 0) await demos.next();
    const step = demo.steps[i];
    const where = `${demo.id} step ${i + 1} (${language})`;
    assert.equal(await demos.step(), i, where);
    assert.equal(await demos.text.innerText(), step.text[language], where);
    if (typeof step.pause === 'number') {
      assert.equal((await run.call('progress'))?.processingTime, step.pause, where);
    }
    if (step.highlight) {
      await demos.highlight.waitFor({ state: 'visible' });
      assert.equal(await demos.highlight.getAttribute('data-highlight'), step.highlight, where);
    }
    if (step.action === 'takeSavepoint') {
      await page.getByTestId('savepoint-list').locator('tbody tr').first().waitFor();
    }
    if (step.action === 'changeParam') {
      const doc = await page.evaluate(() => /** @type {any} */ (window).__tidemark.document());
      for (const [uid, params] of Object.entries(demo.savepoint.params)) {
        const node = doc.nodes.find((/** @type {any} */ n) => n.uid === uid);
        assert.deepEqual({ ...node.params, ...params }, node.params, where);
      }
    }
    if (step.action === 'restoreSavepoint') {
      assert.equal(await demos.dryRun.getAttribute('data-ok'), 'true', where);
    }
    if (step.action === 'openCompare') {
      // Compare mode runs the input under event time and under processing time: windows differ.
      await page.waitForFunction(
        () => /** @type {any} */ (window).__tidemark.compare.state().phase === 'done',
      );
      const compare = await page.evaluate(() =>
        /** @type {any} */ (window).__tidemark.compare.state(),
      );
      assert.equal(compare.ran.kind, 'time', where);
      assert.ok(compare.comparison.summary.differ > 0, where);
    }
    if (step.question) {
      await demos.answer(step.question.answer);
      assert.equal(
        await demos.explanation.innerText(),
        `${language === 'en' ? 'Right.' : '答对了。'} ${step.question.explanation[language]}`,
        where,
      );
    }
    await onStep(i);
  }
  if (demo.steps.at(-1).pause === 'end') await run.waitFor(['finished']);
  await demos.outcome.waitFor({ state: 'visible' });
  assert.equal(
    await demos.outcome.innerText(),
    `${language === 'en' ? 'Outcome: ' : '结果： '}${demo.outcome.text[language]}`,
  );

  const expected = shownAtEnd(demo);
  if (demo.failAfterRecords !== undefined) {
    // The failure happened, the job restarted from the checkpoint the outcome names, and what
    // committed equals the run without the failure.
    const { committed, events, counts } = await recovery(page);
    assert.ok(counts.discarded > 0, `${demo.id}: the failed attempt's output is discarded`);
    const failed = events.find((/** @type {any} */ e) => e.kind === 'failed');
    assert.equal(failed?.record, demo.failAfterRecords, demo.id);
    const restored = events.find((/** @type {any} */ e) => e.kind === 'restored');
    assert.equal(restored?.checkpointId, demo.outcome.restoredCheckpoint, demo.id);
    assert.deepEqual(claimed(committed), expected, demo.id);
    const withoutFailure = demo.outcome.variants.find(
      (/** @type {any} */ v) => v.config?.checkpointing?.mode === 'off',
    );
    assert.deepEqual(claimed(committed), withoutFailure.results, demo.id);
  } else {
    assert.deepEqual(claimed(await run.call('results')), expected, demo.id);
  }
  if (demo.savepoint !== undefined) {
    // Restored into the changed job: its results are not those of the unchanged one.
    const unchanged = demo.outcome.variants.find((/** @type {any} */ v) => v.name === 'unchanged');
    assert.notDeepEqual(claimed(await run.call('results')), unchanged.results, demo.id);
  }
  await demos.finish();
  if (demo.steps.some((/** @type {any} */ s) => s.action === 'openCompare')) {
    await page.getByTestId('compare-close').click();
  }
}

describe('guided demos', () => {
  /** @type {import('./support/app.mjs').App} */
  let app;
  /** @type {any[]} */
  let all;

  before(async () => {
    app = await startApp();
    all = await demoFiles();
  });

  after(async () => {
    await app?.close();
  });

  /**
   * A first visit in a fresh context: the gallery, every demo played to its end in
   * `language` at the run's top speed, and screenshots at the pause points `shots` names.
   * @param {'en' | 'zh-CN'} language @param {Record<string, number>} shots step index by demo id
   */
  async function playAll(language, shots) {
    // Chinese at the laptop size the player is checked at; English on a larger screen.
    const viewport =
      language === 'en' ? { width: 1440, height: 900 } : { width: 1280, height: 800 };
    const { page, errors } = await app.open({ gallery: 'keep', viewport });
    await page.addInitScript((dockHeight) => {
      // Only on the first load: the test's own reloads keep what it chose.
      if (localStorage.getItem('tidemark.prefs') !== null) return;
      localStorage.setItem(
        'tidemark.prefs',
        JSON.stringify({ theme: 'light', dockHeight, bottomOpen: true }),
      );
    }, viewport.height - 500);
    const demos = new DemosPage(page);
    await page.goto(app.url);
    await demos.gallery.waitFor({ state: 'visible' });
    assert.equal(await demos.cards.count(), all.length);
    if (language !== 'en') {
      await demos.closeGallery();
      await demos.speak(language);
      await demos.openGallery();
    }
    for (const demo of all) {
      const card = page.getByTestId(`demo-card-${demo.id}`);
      assert.ok((await card.innerText()).includes(demo.title[language]), demo.id);
    }
    await app.screenshot(page, `demos-gallery-${language}`);
    await page.evaluate(() =>
      /** @type {any} */ (window).__tidemark.run.setConfig({ speed: 'max' }),
    );

    for (const [n, demo] of all.entries()) {
      if (n > 0) await demos.openGallery();
      await demos.open(demo.id);
      await playThrough(page, demo, language, async (i) => {
        if (shots[demo.id] === i) await app.screenshot(page, `demos-${demo.id}-${language}`);
      });
    }
    assert.deepEqual(errors, []);
  }

  it('plays every demo to its end in English, with the results it states', async () => {
    await playAll('en', { watermarks: 1, 'exactly-once': 2, 'processing-vs-event-time': 4 });
  });

  it('plays every demo to its end in Chinese, with the results it states', async () => {
    await playAll('zh-CN', { watermarks: 1, savepoint: 4 });
  });
});
