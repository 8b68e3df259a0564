import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DemosPage } from './pages/demos.page.mjs';
import { RunPage } from './pages/run.page.mjs';
import { ROOT, startApp } from './support/app.mjs';

/** A demo file as the app bundles it. @param {string} id */
const demoFile = async (id) =>
  JSON.parse(await readFile(path.join(ROOT, 'demos', `${id}.json`), 'utf8'));

/** What the sinks received, as a demo's outcome states it. @param {RunPage} run */
async function results(run) {
  const all = /** @type {any[]} */ (await run.call('results'));
  return all.map(({ sink, subtask, value, processingTime }) => ({
    sink,
    subtask,
    value,
    processingTime,
  }));
}

/**
 * Plays the open demo to its last step, answering every question with its right choice,
 * and checks what the player shows on the way.
 * @param {DemosPage} demos @param {any} demo @param {(step: number) => Promise<void>} [onStep]
 */
async function playThrough(demos, demo, onStep) {
  for (let i = 0; i < demo.steps.length; i++) {
    if (i > 0) await demos.next();
    assert.equal(await demos.step(), i);
    const step = demo.steps[i];
    if (step.question) await demos.answer(step.question.answer);
    if (step.highlight) {
      assert.equal(await demos.highlight.getAttribute('data-highlight'), step.highlight);
    }
    await onStep?.(i);
  }
}

/**
 * What the run shows at a demo's last step: the results of the variant in force there, of the
 * job before its change for a savepoint demo (the run here takes none), else the outcome's.
 * @param {any} demo
 */
function shownAtEnd(demo) {
  const name =
    [...demo.steps].reverse().find((/** @type {any} */ s) => s.variant)?.variant ??
    (demo.savepoint ? 'unchanged' : undefined);
  if (name === undefined) return demo.outcome.results;
  return demo.outcome.variants.find((/** @type {any} */ v) => v.name === name).results;
}

describe('guided demos', () => {
  /** @type {import('./support/app.mjs').App} */
  let app;

  before(async () => {
    app = await startApp();
  });

  after(async () => {
    await app?.close();
  });

  it('opens on the gallery, plays two demos to their end, one in Chinese', async () => {
    const { page, errors } = await app.open({
      gallery: 'keep',
      viewport: { width: 1440, height: 900 },
    });
    await page.addInitScript(() => {
      localStorage.setItem(
        'tidemark.prefs',
        JSON.stringify({ theme: 'light', dockHeight: 340, bottomOpen: true }),
      );
    });
    const demos = new DemosPage(page);
    const run = new RunPage(page);
    await page.goto(app.url);
    await demos.gallery.waitFor({ state: 'visible' });
    assert.ok((await demos.cards.count()) >= 10);
    await app.screenshot(page, 'demos-gallery');

    // The processing time of the run moves fast; the stories are about where it stops.
    await page.evaluate(() =>
      /** @type {any} */ (window).__tidemark.run.setConfig({ speed: 'max' }),
    );

    const watermarks = await demoFile('watermarks');
    await demos.open('watermarks');
    assert.match(await demos.text.innerText(), /out of order/);
    await playThrough(demos, watermarks, async (i) => {
      if (i === 1) {
        assert.equal((await run.call('progress'))?.processingTime, watermarks.steps[1].pause);
        assert.match(await demos.explanation.innerText(), /^Right\./);
        await app.screenshot(page, 'demos-watermarks-step-2');
      }
    });
    await run.waitFor(['finished']);
    assert.deepEqual(await results(run), watermarks.outcome.results);
    await demos.outcome.waitFor({ state: 'visible' });
    await demos.finish();

    await page.getByTestId('language').selectOption('zh-CN');
    await demos.openGallery();
    assert.match(await demos.gallery.innerText(), /会话窗口合并/);
    const sessions = await demoFile('session-windows');
    await demos.open('session-windows');
    assert.equal(await demos.text.innerText(), sessions.steps[0].text['zh-CN']);
    await playThrough(demos, sessions, async (i) => {
      if (i === 1) {
        assert.match(await demos.explanation.innerText(), /^答对了。/);
        await app.screenshot(page, 'demos-session-windows-zh');
      }
    });
    await run.waitFor(['finished']);
    assert.deepEqual(await results(run), sessions.outcome.results);
    assert.match(await demos.progress.innerText(), /第 4 步，共 4 步/);
    await demos.finish();

    assert.deepEqual(errors, []);
  });

  it('plays every demo to its last step with the results it states', async () => {
    const { page, errors } = await app.open();
    const demos = new DemosPage(page);
    const run = new RunPage(page);
    await page.goto(app.url);
    await page.getByTestId('app').waitFor({ state: 'visible' });
    await page.evaluate(() =>
      /** @type {any} */ (window).__tidemark.run.setConfig({ speed: 'max' }),
    );
    const files = (await readdir(path.join(ROOT, 'demos'))).filter((f) => f.endsWith('.json'));
    for (const file of files) {
      const demo = await demoFile(file.replace(/\.json$/, ''));
      await demos.openGallery();
      await demos.open(demo.id);
      await playThrough(demos, demo);
      const last = demo.steps.at(-1);
      if (last.pause === 'end') await run.waitFor(['finished']);
      assert.deepEqual(await results(run), shownAtEnd(demo), demo.id);
      await demos.finish();
    }
    assert.deepEqual(errors, []);
  });
});
