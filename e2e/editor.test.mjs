import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { EditorPage } from './pages/editor.page.mjs';
import { startApp } from './support/app.mjs';

const fixture = (/** @type {string} */ name) =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

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

    // A warning on an edge: with late output off, the late port's edge carries nothing.
    await editor.select('per-10s');
    await editor.inspector.getByTestId('param-lateOutput').uncheck();
    await editor.settled();
    const lateEdge = doc.edges.find((e) => e.sourcePort === 'late');
    const badge = page.getByTestId(`edge-problem-${lateEdge?.id}`);
    assert.match((await badge.textContent()) ?? '', /W005/);
    assert.match((await badge.getAttribute('title')) ?? '', /late output/);
    assert.equal(await editor.runDisabled(), false, 'warnings do not block a run');
    await editor.press('Control+z');
    await editor.settled();
    assert.deepEqual(await editor.document(), doc);
    await badge.waitFor({ state: 'detached' });

    const results = await editor.runToEnd();
    assert.ok(
      (await results.locator('.run-results__table tbody tr').count()) > 0,
      'results are listed',
    );
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
    await page
      .getByTestId('problems-list')
      .getByRole('button', { name: /window-1/ })
      .first()
      .click();
    assert.deepEqual(
      await page.evaluate(() => /** @type {any} */ (window).__tidemark.selection()),
      { nodes: ['window-1'], edges: [] },
      'a click on a problem selects its node',
    );

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
    const middle = async (/** @type {string} */ uid) => {
      const box = await editor.node(uid).boundingBox();
      return box ? Math.round(box.y + box.height / 2) : NaN;
    };
    assert.ok(
      Math.abs((await middle('generator-1')) - (await middle('window-1'))) <= 1,
      'a chain is laid out on one line',
    );

    const results = await editor.runToEnd();
    assert.match((await results.textContent()) ?? '', /\[5000, 10000\)/);
    await editor.select('window-1');
    await editor.noticeGone();
    await app.screenshot(page, 'editor-light');
    await editor.setTheme('dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
      'rgb(12, 20, 26)',
    );
    await app.screenshot(page, 'editor-dark');
    assert.deepEqual(errors, []);
  });

  it('opens a file or link with code only once the user trusts it, and refuses a broken file', async () => {
    const { page, errors } = await app.open(CLIPBOARD);
    const editor = new EditorPage(page);
    await editor.goto(app.url);
    const starter = await editor.document();

    await editor.importFile(fixture('not-a-pipeline.json'));
    const refused = page.getByTestId('file-problems');
    await refused.waitFor();
    assert.match((await refused.textContent()) ?? '', /E019/);
    await refused.getByRole('button', { name: 'Close' }).last().click();
    assert.deepEqual(await editor.document(), starter, 'a broken file changes nothing');

    const withCode = JSON.parse(
      await readFile(fixture('doubled-values-with-code.tidemark.json'), 'utf8'),
    );
    const trust = page.getByTestId('trust-dialog');
    await editor.importFile(fixture('doubled-values-with-code.tidemark.json'));
    await trust.waitFor();
    assert.match((await trust.textContent()) ?? '', /r\.value \* 2/);
    await trust.getByRole('button', { name: 'Don’t open' }).click();
    assert.deepEqual(await editor.document(), starter, 'declining keeps the current pipeline');

    await editor.dropFile(fixture('doubled-values-with-code.tidemark.json'));
    await trust.getByRole('button', { name: 'Open without the code' }).click();
    await page.waitForFunction(
      (name) =>
        window.document.title !== '' &&
        /** @type {any} */ (window).__tidemark.document().name === name,
      withCode.name,
    );
    await editor.settled();
    assert.deepEqual((await editor.document()).nodes.find((n) => n.uid === 'double')?.params, {
      mode: 'code',
    });

    await editor.importFile(fixture('doubled-values-with-code.tidemark.json'));
    await trust.getByRole('button', { name: 'Open and allow the code' }).click();
    await page.waitForFunction(
      () => /** @type {any} */ (window).__tidemark.document().nodes[1]?.params.code !== undefined,
    );
    await editor.settled();
    assert.deepEqual(await editor.document(), withCode);

    await page.getByTestId('share').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="toast"]')?.textContent?.includes('copied'),
    );
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /#p=/);

    const second = await app.open(CLIPBOARD);
    const linked = new EditorPage(second.page);
    await linked.goto(link);
    const asked = second.page.getByTestId('trust-dialog');
    await asked.waitFor();
    await asked.getByRole('button', { name: 'Open and allow the code' }).click();
    await second.page.waitForFunction(
      (name) => /** @type {any} */ (window).__tidemark.document().name === name,
      withCode.name,
    );
    await linked.settled();
    assert.deepEqual(await linked.document(), withCode, 'the link carries the whole pipeline');
    assert.equal(new URL(second.page.url()).hash, '', 'the link is consumed once opened');
    assert.deepEqual(errors, []);
    assert.deepEqual(second.errors, []);
  });

  it('edits from the keyboard and menus, and speaks Chinese', async () => {
    const { page, errors } = await app.open();
    const editor = new EditorPage(page);
    await editor.goto(app.url);
    const starter = await editor.document();

    await editor.select('by-user');
    await editor.press('Control+c');
    await editor.press('Control+v');
    await editor.settled();
    const pasted = await editor.document();
    assert.equal(pasted.nodes.length, starter.nodes.length + 1);
    const copy = pasted.nodes.at(-1);
    assert.equal(copy?.kind, 'keyBy');
    assert.notEqual(copy?.uid, 'by-user');
    assert.deepEqual(copy?.params, starter.nodes.find((n) => n.uid === 'by-user')?.params);
    await editor.press('Control+z');
    await editor.settled();
    assert.deepEqual(await editor.document(), starter);

    const label = editor.node('clicks').locator('.op-node__label');
    const box = await label.boundingBox();
    if (!box) throw new Error('the source node is not visible');
    await page.mouse.move(box.x + 10, box.y + 5);
    await page.mouse.down();
    for (let step = 1; step <= 8; step++) await page.mouse.move(box.x + 10, box.y + 5 + step * 10);
    await page.mouse.up();
    await editor.settled();
    const moved = (await editor.document()).nodes.find((n) => n.uid === 'clicks')?.position;
    assert.notDeepEqual(moved, starter.nodes.find((n) => n.uid === 'clicks')?.position);
    await editor.press('Control+z');
    await editor.settled();
    assert.deepEqual(await editor.document(), starter, 'a whole drag is one undo step');

    await editor.select('clicks');
    await editor.press('ArrowRight');
    await editor.settled();
    const nudged = (await editor.document()).nodes.find((n) => n.uid === 'clicks')?.position;
    const start = starter.nodes.find((n) => n.uid === 'clicks')?.position;
    // Snapping to the grid may also settle it onto the nearest grid row.
    assert.ok(nudged && start && nudged.x > start.x, 'arrow keys move a node');
    await editor.press('Control+z');
    await editor.settled();
    assert.deepEqual(await editor.document(), starter);

    await editor.node('only-clicks').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await editor.settled();
    assert.equal(
      (await editor.document()).nodes.some((n) => n.uid === 'only-clicks'),
      false,
    );
    await editor.press('Control+Shift+z');
    await editor.press('Control+z');
    await editor.settled();
    assert.deepEqual(await editor.document(), starter);

    await editor.press('Shift+?');
    const help = page.getByTestId('help-dialog');
    await help.waitFor();
    assert.match((await help.textContent()) ?? '', /Undo/);
    await editor.press('Escape');
    await help.waitFor({ state: 'hidden' });

    const dock = page.getByRole('region', { name: 'Problems and results' });
    const dockBefore = (await dock.boundingBox())?.height ?? 0;
    await page.getByRole('separator', { name: 'Resize the panel' }).focus();
    await editor.press('ArrowUp');
    await editor.press('ArrowUp');
    assert.equal((await dock.boundingBox())?.height, dockBefore + 40, 'the panel grows');

    await page.getByTestId('language').selectOption('zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.match((await editor.runButton.textContent()) ?? '', /运行/);
    assert.match((await page.getByRole('navigation').textContent()) ?? '', /数据源/);
    await page.getByTestId('language').selectOption('en');
    assert.deepEqual(errors, []);
  });

  it('keeps several pipelines: new, rename, duplicate, open, delete', async () => {
    const { page, errors } = await app.open({ colorScheme: 'dark' });
    const editor = new EditorPage(page);
    await editor.goto(app.url);
    assert.equal(
      await page.evaluate(() => document.documentElement.dataset.theme),
      'dark',
      'the theme follows the system until the user picks one',
    );
    const starter = await editor.document();

    await editor.newProject();
    await page.getByTestId('palette-map').focus();
    await editor.press('Enter');
    await editor.settled();
    assert.deepEqual(
      (await editor.document()).nodes.map((n) => n.kind),
      ['map'],
      'Enter on a palette item adds it',
    );

    await page.getByRole('button', { name: 'Collapse the operators' }).click();
    await page.getByTestId('palette-sink').click();
    await editor.settled();
    await page.getByRole('button', { name: 'Expand the operators' }).click();
    assert.deepEqual(
      (await editor.document()).nodes.map((n) => n.kind),
      ['map', 'sink'],
      'the collapsed palette still adds operators',
    );

    await editor.select('map-1');
    await editor.press('Shift+F10');
    await page.getByRole('menuitem', { name: 'Connect Output to Sink sink-1' }).click();
    await editor.settled();
    assert.deepEqual(
      (await editor.document()).edges.map((e) => `${e.source}>${e.target}`),
      ['map-1>sink-1'],
      'the context menu connects operators without a pointer',
    );

    await editor.projectMenu('Rename…');
    const rename = page.getByRole('dialog', { name: 'Rename pipeline' });
    await rename.getByLabel('Name').fill('Mapped');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await editor.settled();
    assert.equal((await editor.document()).name, 'Mapped');
    assert.equal(await page.getByTestId('pipeline-name').inputValue(), 'Mapped');

    await editor.projectMenu('Duplicate');
    await page.waitForFunction(
      () => /** @type {any} */ (window).__tidemark.document().name === 'Mapped (copy)',
    );
    await editor.settled();

    await editor.projectMenu(new RegExp(starter.name));
    await page.waitForFunction(
      (name) => /** @type {any} */ (window).__tidemark.document().name === name,
      starter.name,
    );
    await editor.settled();
    assert.deepEqual(await editor.document(), starter);

    await editor.projectMenu('Delete…');
    const confirm = page.getByTestId('confirm-dialog');
    assert.match((await confirm.textContent()) ?? '', new RegExp(starter.name));
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.waitForFunction(
      (name) => /** @type {any} */ (window).__tidemark.document().name !== name,
      starter.name,
    );
    await editor.settled();
    const after = (await editor.document()).name;
    assert.ok(['Mapped', 'Mapped (copy)'].includes(after), `opened ${after}`);

    await page.reload();
    await editor.root.waitFor();
    await editor.settled();
    assert.equal((await editor.document()).name, after, 'the last opened pipeline reopens');
    await page.getByTestId('project-menu').click();
    await page.getByRole('menuitemradio').nth(1).waitFor();
    assert.equal(await page.getByRole('menuitemradio').count(), 2, 'two pipelines are left');
    assert.deepEqual(errors, []);
  });
});
