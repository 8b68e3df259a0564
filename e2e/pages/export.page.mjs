// Page object for the Export to Flink panel.

import { languageApplied } from '../support/language.mjs';

export class ExportPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.dialog = page.getByTestId('flink-export');
  }

  /** Opens the panel, in the language picked, and waits for its highlighted code. */
  async open() {
    await languageApplied(this.page);
    await this.page.getByTestId('export-flink').click();
    await this.dialog.waitFor({ state: 'visible' });
    await this.highlighted();
  }

  async close() {
    await this.page.keyboard.press('Escape');
    await this.dialog.waitFor({ state: 'detached' });
  }

  /** @param {'sql' | 'java'} target */
  async showTarget(target) {
    await this.dialog.getByTestId(`export-tab-${target}`).click();
    await this.highlighted();
  }

  /** Waits for CodeMirror (a lazy chunk) to show the code; returns how many tokens it styled. */
  async highlighted() {
    await this.dialog.locator('.cm-editor').waitFor({ state: 'visible' });
    return this.dialog.locator('.cm-line span[class]').count();
  }

  /** Clicks the zip button and returns the download's suggested name and path. */
  async downloadProject() {
    const download = this.page.waitForEvent('download');
    await this.dialog.getByTestId('export-zip').click();
    const file = await download;
    return { name: file.suggestedFilename(), path: await file.path() };
  }

  /** @returns {Promise<string[]>} the paths of the shown target's files */
  files() {
    return this.dialog
      .getByTestId('export-file')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-path') ?? ''));
  }

  /** @returns {Promise<string>} the path of the file on show */
  async shownPath() {
    return ((await this.dialog.getByTestId('export-path').textContent()) ?? '').trim();
  }

  /** @param {string} path */
  async showFile(path) {
    await this.dialog.locator(`[data-testid="export-file"][data-path="${path}"]`).click();
    await this.page.waitForFunction(
      (p) => document.querySelector('[data-testid="export-path"]')?.textContent === p,
      path,
    );
  }

  /**
   * The whole text of the file on show, through the Copy button (CodeMirror renders only the
   * lines in view). Needs clipboard permissions on the context.
   * @returns {Promise<string>}
   */
  async copiedCode() {
    await this.dialog.getByTestId('export-copy').click();
    await this.dialog
      .getByTestId('export-copy')
      .filter({ hasText: /Copied|已复制/ })
      .waitFor();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** @returns {Promise<string[]>} "uid what" per item the target could not express */
  async unsupported() {
    const items = this.dialog.getByTestId('export-unsupported').locator('li');
    return (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** @returns {Promise<boolean>} whether the panel says everything is expressed */
  async complete() {
    return this.dialog.getByTestId('export-unsupported-none').isVisible();
  }
}
