// Page object for the pipeline editor: tests say what they do, not how to find it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export class EditorPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('app');
    this.canvas = page.locator('.react-flow__pane');
    this.runButton = page.getByTestId('run');
    this.inspector = page.getByTestId('inspector');
    this.problemsTab = page.getByTestId('tab-problems');
    this.resultsTab = page.getByTestId('tab-results');
    this.toast = page.getByTestId('toast');
  }

  /** Runs the pipeline to the end and shows its results. */
  async runToEnd() {
    await this.runButton.click();
    await this.resultsTab.click();
    await this.page.waitForFunction(
      () => /** @type {any} */ (window).__tidemark.run.phase() === 'finished',
      null,
      { timeout: 30_000 },
    );
    return this.page.getByTestId('results');
  }

  /** @param {string} url */
  async goto(url) {
    await this.page.goto(url);
    await this.root.waitFor({ state: 'visible' });
    await this.settled();
  }

  /** Waits until the document is validated and saved. */
  async settled() {
    await this.page.waitForFunction(
      () => /** @type {any} */ (window).__tidemark?.settled() === true,
      null,
      {
        timeout: 10_000,
      },
    );
  }

  /** @returns {Promise<import('../../src/engine/pipeline/document').PipelineDocument>} */
  document() {
    return this.page.evaluate(() => /** @type {any} */ (window).__tidemark.document());
  }

  /** @returns {Promise<import('../../src/engine/pipeline/problems').Problem[]>} */
  problems() {
    return this.page.evaluate(() => /** @type {any} */ (window).__tidemark.problems());
  }

  /** @param {string} uid */
  node(uid) {
    return this.page.locator(`.react-flow__node[data-id="${uid}"]`);
  }

  /** Opens the project menu and clicks one of its items. @param {string | RegExp} name */
  async projectMenu(name) {
    await this.page.getByTestId('project-menu').click();
    await this.page
      .getByRole('menu')
      .getByRole(typeof name === 'string' ? 'menuitem' : 'menuitemradio', { name })
      .click();
  }

  async newProject() {
    await this.page.getByTestId('project-menu').click();
    await this.page.getByTestId('project-new').click();
    await this.page.waitForFunction(
      () => /** @type {any} */ (window).__tidemark.document().nodes.length === 0,
    );
    await this.settled();
  }

  /**
   * Drags an operator from the palette and drops it on the canvas with the real mouse.
   * @param {string} kind
   * @param {{ x: number; y: number }} at offset from the canvas's top-left corner
   */
  async dragFromPalette(kind, at) {
    const item = this.page.getByTestId(`palette-${kind}`);
    await item.scrollIntoViewIfNeeded();
    const from = await centre(item);
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + at.x, box.y + at.y, { steps: 12 });
    await this.page.mouse.up();
  }

  /**
   * Drags from a node's output handle to another node's input handle.
   * @param {string} source
   * @param {string} target
   * @param {string} [port]
   */
  async connect(source, target, port = 'out') {
    const from = await centre(
      this.node(source).locator(`.react-flow__handle.source[data-handleid="${port}"]`),
    );
    const to = await centre(this.node(target).locator('.react-flow__handle.target'));
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps: 10 });
    await this.page.mouse.up();
  }

  /** @param {string} uid */
  async select(uid) {
    await this.node(uid).locator('.op-node__label').click();
  }

  /**
   * Sets a duration parameter in the inspector of the selected node.
   * @param {string} name
   * @param {number} value
   * @param {string} unit
   */
  async setDuration(name, value, unit) {
    await this.inspector.getByTestId(`param-${name}-unit`).selectOption(unit);
    const input = this.inspector.getByTestId(`param-${name}`);
    await input.fill(String(value));
    await input.press('Enter');
  }

  /** Clicks Export and returns the downloaded file's path. */
  async exportFile() {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('export').click();
    return (await download).path();
  }

  /** @param {string} file */
  async importFile(file) {
    await this.page.getByTestId('import-input').setInputFiles(file);
  }

  async autoLayout() {
    await this.page.getByRole('toolbar').getByRole('button', { name: 'Auto-layout' }).click();
  }

  /**
   * Drops a file on the canvas, as from the desktop.
   * @param {string} file
   */
  async dropFile(file) {
    const text = await readFile(file, 'utf8');
    const name = path.basename(file);
    const dataTransfer = await this.page.evaluateHandle(
      ([content, fileName]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], fileName, { type: 'application/json' }));
        return transfer;
      },
      [text, name],
    );
    await this.canvas.dispatchEvent('drop', { dataTransfer });
  }

  /** @param {string} keys */
  async press(keys) {
    await this.page.keyboard.press(keys);
  }

  /** Waits for a notice to go away, so a screenshot shows the editor itself. */
  async noticeGone() {
    await this.toast.locator('.toast__message').waitFor({ state: 'detached', timeout: 10_000 });
  }

  /** @param {'light' | 'dark' | 'system'} theme */
  async setTheme(theme) {
    await this.page.getByTestId('theme').selectOption(theme);
  }

  async runDisabled() {
    return (await this.runButton.getAttribute('aria-disabled')) === 'true';
  }
}

/** @param {import('playwright-core').Locator} locator */
async function centre(locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
