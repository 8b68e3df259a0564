import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { EditorPage } from './pages/editor.page.mjs';
import { startApp } from './support/app.mjs';

/** @param {import('../src/engine/pipeline/document').PipelineDocument} doc */
const shape = (doc) => ({
  kinds: doc.nodes.map((n) => `${n.uid}:${n.kind}`),
  edges: doc.edges.map((e) => `${e.source}>${e.target}`),
});

describe('pipeline editor', () => {
  /** @type {import('./support/app.mjs').App} */
  let app;

  before(async () => {
    app = await startApp();
  });

  after(async () => {
    await app?.close();
  });

  it('opens a first-time visitor on a starter pipeline that runs', async () => {
    const { page, errors } = await app.open({ viewport: { width: 1280, height: 720 } });
    const editor = new EditorPage(page);
    await editor.goto(app.url);

    const doc = await editor.document();
    assert.ok(doc.nodes.length >= 5, 'the starter has a whole pipeline');
    assert.ok(
      doc.nodes.every((n) => n.position),
      'every starter node has a place on the canvas',
    );
    assert.deepEqual(
      (await editor.problems()).filter((p) => p.severity === 'error'),
      [],
    );
    assert.equal(await editor.runDisabled(), false);

    await editor.runButton.click();
    await page.getByTestId('results').waitFor();
    assert.match((await page.getByTestId('results').textContent()) ?? '', /Finished/);
    assert.ok((await page.locator('.results__table tbody tr').count()) > 0, 'results are listed');
    await app.screenshot(page, 'editor-starter-light');
    assert.deepEqual(errors, []);
  });

  it('builds a pipeline by dragging and connecting, keeps it over a reload, exports, imports, and flags a broken graph', async () => {
    const { page, errors } = await app.open();
    const editor = new EditorPage(page);
    await editor.goto(app.url);
    await editor.newProject();

    await editor.dragFromPalette('source.generator', { x: 120, y: 110 });
    await editor.dragFromPalette('map', { x: 340, y: 110 });
    await editor.dragFromPalette('keyBy', { x: 560, y: 110 });
    await editor.dragFromPalette('window', { x: 340, y: 290 });
    await editor.dragFromPalette('sink', { x: 560, y: 290 });
    await editor.settled();
    assert.deepEqual(shape(await editor.document()).kinds, [
      'generator-1:source.generator',
      'map-1:map',
      'keyby-1:keyBy',
      'window-1:window',
      'sink-1:sink',
    ]);

    await editor.connect('generator-1', 'map-1');
    await editor.connect('map-1', 'keyby-1');
    await editor.connect('keyby-1', 'window-1');
    await editor.connect('window-1', 'sink-1');
    await editor.settled();
    assert.deepEqual(shape(await editor.document()).edges, [
      'generator-1>map-1',
      'map-1>keyby-1',
      'keyby-1>window-1',
      'window-1>sink-1',
    ]);

    await editor.select('window-1');
    await editor.setDuration('sizeMs', 5, 's');
    await editor.settled();
    const built = await editor.document();
    assert.equal(built.nodes.find((n) => n.uid === 'window-1')?.params.sizeMs, 5_000);
    assert.deepEqual(await editor.problems(), []);
    assert.match((await editor.node('window-1').textContent()) ?? '', /tumbling 5 s/);

    await page.reload();
    await editor.root.waitFor();
    await editor.settled();
    assert.deepEqual(await editor.document(), built, 'the same pipeline is back after a reload');

    const exported = await editor.exportFile();
    const file = JSON.parse(await readFile(exported, 'utf8'));
    assert.deepEqual(file, built, 'the exported file is the document');
    await editor.importFile(exported);
    await page.waitForFunction(
      (projectName) =>
        document.querySelector('[data-testid="toast"]')?.textContent?.includes(projectName),
      built.name,
    );
    await editor.settled();
    assert.deepEqual(await editor.document(), file, 'importing the export gives the same JSON');

    await editor.select('keyby-1');
    await editor.press('Delete');
    await editor.settled();
    assert.deepEqual(shape(await editor.document()).kinds, [
      'generator-1:source.generator',
      'map-1:map',
      'window-1:window',
      'sink-1:sink',
    ]);
    assert.equal(await editor.node('window-1').getAttribute('data-id'), 'window-1');
    assert.equal(
      await editor.node('window-1').locator('.op-node').getAttribute('data-severity'),
      'error',
    );
    const windowErrors = (await editor.problems()).filter(
      (p) => p.nodeUid === 'window-1' && p.severity === 'error',
    );
    assert.ok(windowErrors.length > 0, 'the window reports an error');
    assert.equal(await editor.runDisabled(), true);
    const reason = await editor.runButton.getAttribute('title');
    assert.match(reason ?? '', /error/i);
    await page.getByTestId('problems-list').waitFor();

    await editor.press('Control+z');
    await editor.settled();
    assert.deepEqual(await editor.document(), file, 'undo restores the KeyBy and its edges');
    assert.equal(await editor.runDisabled(), false);
    assert.equal(
      await editor.node('window-1').locator('.op-node').getAttribute('data-severity'),
      null,
    );

    const before = await editor.document();
    await editor.autoLayout();
    await editor.settled();
    const laidOut = await editor.document();
    assert.notDeepEqual(
      laidOut.nodes.map((n) => n.position),
      before.nodes.map((n) => n.position),
    );
    const y = (/** @type {string} */ uid) => laidOut.nodes.find((n) => n.uid === uid)?.position?.y;
    assert.equal(y('generator-1'), y('window-1'), 'a chain is laid out on one line');

    await editor.runButton.click();
    await page.getByTestId('results').waitFor();
    assert.match((await page.getByTestId('results').textContent()) ?? '', /\[5000, 10000\)/);
    await editor.select('window-1');
    await app.screenshot(page, 'editor-light');
    await editor.setTheme('dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await app.screenshot(page, 'editor-dark');
    assert.deepEqual(errors, []);
  });
});
