import assert from 'node:assert/strict';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EditorPage } from './pages/editor.page.mjs';
import { copyEmbedLink, exportTimeline, PresentPage } from './pages/present.page.mjs';
import { RunPage } from './pages/run.page.mjs';
import { RESULTS_DIR, ROOT, startApp } from './support/app.mjs';
import { claimed, demoFile, shownAtEnd } from './support/demo-files.mjs';

/** @param {Buffer} png @returns {{ width: number, height: number }} from the IHDR chunk */
const pngSize = (png) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('presentation mode and timeline export', () => {
  /** @type {import('./support/app.mjs').App} */
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('presents a demo in Chinese, read-only, and plays it to its end', async () => {
    const demo = await demoFile('late-data');
    const { page, errors } = await app.open({
      viewport: { width: 1920, height: 1080 },
      gallery: 'keep',
    });
    const present = new PresentPage(page);
    await present.open(app.url, 'present=late-data&lang=zh-CN');
    await present.settled();

    // No editor chrome; the demo in Chinese; type larger than the editor's 14 px.
    assert.deepEqual(await present.chrome(), []);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.equal(await present.title.innerText(), demo.title['zh-CN']);
    assert.equal(await present.text.innerText(), demo.steps[0].text['zh-CN']);
    // The link's language is for this visit: the person's own pick is not overwritten.
    assert.notEqual(await page.evaluate(() => localStorage.getItem('tidemark.language')), 'zh-CN');
    assert.ok((await present.baseFontSize()) >= 18, 'presentation type is large');
    assert.ok(
      await page.evaluate(() => document.documentElement.hasAttribute('data-presentation')),
    );

    // The canvas cannot be edited: a drag moves no node, Delete removes none.
    const before = await present.document();
    const nodes = present.canvas.locator('.react-flow__node');
    const count = await nodes.count();
    assert.ok(count >= 3, 'the pipeline is drawn');
    const offset = async () => {
      const [a, b] = [await nodes.nth(0).boundingBox(), await nodes.nth(1).boundingBox()];
      return a && b ? { x: Math.round(b.x - a.x), y: Math.round(b.y - a.y) } : null;
    };
    const apart = await offset();
    const box = await nodes.nth(0).boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 160, box.y + box.height / 2 + 90, { steps: 8 });
    await page.mouse.up();
    assert.deepEqual(await offset(), apart, 'the nodes keep their places');
    // Nodes take no pointer events here: the click lands on the canvas under them.
    await nodes.nth(0).click({ force: true });
    await page.keyboard.press('Delete');
    await page.keyboard.press('Backspace');
    assert.equal(await nodes.count(), count);
    const afterEdits = await present.document();
    assert.deepEqual(
      afterEdits.nodes.map((/** @type {any} */ n) => [n.uid, n.position]),
      before.nodes.map((/** @type {any} */ n) => [n.uid, n.position]),
    );

    // Steps advance (a clicker's Page Down too) and the demo plays to its end.
    await present.next();
    assert.equal(await present.text.innerText(), demo.steps[1].text['zh-CN']);
    await app.screenshot(page, 'present-zh-1920');
    // Play and pause from the large controls.
    const phase = () => page.evaluate(() => /** @type {any} */ (window).__tidemark.run.phase());
    await present.play();
    await present.waitForPhase(['running', 'finished']);
    if ((await phase()) === 'running') {
      await page.getByTestId('present-pause').click();
      await present.waitForPhase(['paused', 'finished']);
    }
    await page.keyboard.press('PageDown');
    await page.waitForSelector('[data-testid="demo-player"][data-step="2"]');
    await present.settled();
    for (let step = 3; step < demo.steps.length; step++) await present.next();
    await present.outcome.waitFor({ state: 'visible' });
    await present.waitForPhase(['finished']);
    const results = await page.evaluate(() => /** @type {any} */ (window).__tidemark.run.results());
    assert.deepEqual(claimed(results), claimed(shownAtEnd(demo)));
    await app.screenshot(page, 'present-zh-1920-end');

    // Presenting wrote no project.
    const databases = await page.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name),
    );
    assert.ok(!databases.includes('tidemark-projects-v1'), `no projects: ${databases}`);
    assert.match((await present.editorLink.getAttribute('href')) ?? '', /#demo=late-data&step=3$/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('opens the English embed of another demo at a step, on a laptop screen', async () => {
    const demo = await demoFile('watermarks');
    const { page, errors } = await app.open({ gallery: 'keep' });
    const present = new PresentPage(page);
    await present.open(app.url, 'present=watermarks&lang=en&step=1');
    await page.waitForSelector('[data-testid="demo-player"][data-step="1"]');
    await present.settled();
    assert.equal(await present.title.innerText(), demo.title.en);
    assert.equal(await present.text.innerText(), demo.steps[1].text.en);
    assert.deepEqual(await present.chrome(), []);
    assert.ok(await present.timeline.isVisible());
    await app.screenshot(page, 'present-en-1280');

    // "Open in editor" opens the demo, at this step, as a project of its own.
    const [editorTab] = await Promise.all([
      page.context().waitForEvent('page'),
      present.editorLink.click(),
    ]);
    await editorTab.getByTestId('app').waitFor();
    await editorTab.waitForSelector(
      '[data-testid="demo-player"][data-step="1"][data-moving="false"]',
      {
        timeout: 20_000,
      },
    );
    const project = await editorTab.evaluate(() => ({
      name: /** @type {any} */ (window).__tidemark.document().name,
      hash: location.hash,
    }));
    assert.deepEqual(project, { name: demo.title.en, hash: '' });
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('exports the editor’s timeline as SVG and as a PNG at twice the density', async () => {
    const { page, errors } = await app.open();
    const run = new RunPage(page);
    await page.goto(app.url);
    await page.getByTestId('run').waitFor({ state: 'visible' });
    await run.run();
    await run.waitFor(['finished']);
    await run.openTab('timeline');
    await page.getByTestId('timeline-export').waitFor({ state: 'visible' });
    const stage = await page.locator('.timeline__body').evaluate((el) => ({
      width: el.clientWidth,
      height: el.clientHeight,
    }));

    const svgFile = await exportTimeline(page, 'svg');
    assert.match(svgFile.suggestedFilename(), /^tidemark-timeline-.+-diagram\.svg$/);
    const svg = await readFile(/** @type {string} */ (await svgFile.path()), 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        root: doc.documentElement.nodeName,
        error: doc.querySelector('parsererror') !== null,
        width: Number(doc.documentElement.getAttribute('width')),
        paths: doc.querySelectorAll('path').length,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      };
    }, svg);
    assert.equal(parsed.root, 'svg');
    assert.equal(parsed.error, false);
    assert.equal(parsed.width, stage.width);
    assert.ok(parsed.paths > 10, `the drawing's paths: ${parsed.paths}`);
    for (const words of [
      'Processing time →',
      'Event time →',
      'Watermark',
      'Window: fills, then fires',
    ]) {
      assert.ok(parsed.texts.includes(words), `the SVG says "${words}"`);
    }

    const pngFile = await exportTimeline(page, 'png');
    assert.match(pngFile.suggestedFilename(), /^tidemark-timeline-.+-diagram\.png$/);
    const png = await readFile(/** @type {string} */ (await pngFile.path()));
    assert.deepEqual(png.subarray(0, 8), PNG_MAGIC);
    const size = pngSize(png);
    assert.equal(size.width, 2 * stage.width);
    assert.ok(size.height > 2 * stage.height, 'the title and legend are added below and above');
    await copyFile(
      /** @type {string} */ (await pngFile.path()),
      path.join(RESULTS_DIR, 'timeline-export.png'),
    );

    // The lanes view exports as itself.
    await page.getByRole('button', { name: 'Subtasks' }).click();
    const lanesFile = await exportTimeline(page, 'svg');
    assert.match(lanesFile.suggestedFilename(), /-lanes\.svg$/);
    const lanes = await readFile(/** @type {string} */ (await lanesFile.path()), 'utf8');
    assert.match(lanes, />Checkpoint barrier</);
    await page.getByRole('button', { name: 'Event time', exact: true }).click();

    const slidesFile = await exportTimeline(page, 'png', { forSlides: true });
    const slides = await readFile(/** @type {string} */ (await slidesFile.path()));
    assert.equal(pngSize(slides).width, 2 * stage.width);
    await copyFile(
      /** @type {string} */ (await slidesFile.path()),
      path.join(RESULTS_DIR, 'timeline-export-slides.png'),
    );
    await app.screenshot(page, 'timeline-export-menu');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('copies embed links: a gallery card’s, and the pipeline’s, which asks before its code runs', async () => {
    const { page, errors } = await app.open(CLIPBOARD);
    const editor = new EditorPage(page);
    await editor.goto(app.url);

    await page.getByTestId('demos').click();
    const card = await copyEmbedLink(page, 'demo-embed-late-data');
    assert.equal(card, `${app.url}#present=late-data&lang=en`);
    const snippet = await copyEmbedLink(page, 'demo-embed-late-data', 'iframe');
    assert.ok(snippet.startsWith(`<iframe src="${app.url}#present=late-data&amp;lang=en"`));
    // Escape closes the menu first, then the gallery.
    await page.keyboard.press('Escape');
    await page.getByTestId('demo-embed-late-data-link').waitFor({ state: 'detached' });
    assert.ok(await page.getByTestId('demo-gallery').isVisible());
    await page.keyboard.press('Escape');
    await page.getByTestId('demo-gallery').waitFor({ state: 'detached' });

    // A pipeline with code: its embed link shows the code before anything runs.
    await editor.importFile(
      path.join(ROOT, 'e2e', 'fixtures', 'doubled-values-with-code.tidemark.json'),
    );
    await page
      .getByTestId('trust-dialog')
      .getByRole('button', { name: 'Open and allow the code' })
      .click();
    await page.waitForFunction(
      () => /** @type {any} */ (window).__tidemark.document().nodes[1]?.params.code !== undefined,
    );
    const { name } = await editor.document();
    const link = await copyEmbedLink(page, 'pipeline-embed');
    assert.match(link, /#p=[\w-]+&present=1&lang=en$/);

    const shown = await page.context().newPage();
    shown.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    const present = new PresentPage(shown);
    await shown.goto(link);
    const trust = shown.getByTestId('trust-dialog');
    await trust.waitFor();
    assert.deepEqual(await present.chrome(), []);
    await trust.getByRole('button', { name: 'Open and allow the code' }).click();
    await present.title.waitFor();
    assert.equal(await present.title.innerText(), name);
    const editorType = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.body).fontSize),
    );
    assert.ok((await present.baseFontSize()) > editorType, 'larger type than the editor’s');
    await present.play();
    await present.waitForPhase(['finished']);
    assert.ok(
      (await shown.evaluate(() => /** @type {any} */ (window).__tidemark.run.results().length)) > 0,
    );
    assert.equal(
      await present.editorLink.getAttribute('href'),
      link.replace(/&present=1&lang=en$/, ''),
    );
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
