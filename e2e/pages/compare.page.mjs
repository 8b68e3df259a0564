// Page object for compare mode: the toolbar button, the controls, both timelines and the
// joined results table; what the view holds is read through window.__tidemark.compare.

import { languageApplied } from '../support/language.mjs';

export class ComparePage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.button = page.getByTestId('compare-open');
    this.view = page.getByTestId('compare');
    this.summary = page.getByTestId('compare-summary');
    this.table = page.getByTestId('compare-table');
    this.rows = page.getByTestId('compare-row');
    this.kind = page.getByTestId('compare-kind');
  }

  /** Opens compare mode from the toolbar and waits for both runs. */
  async open() {
    await this.button.click();
    await this.view.waitFor({ state: 'visible' });
    await this.done();
  }

  /** Waits until the comparison of the current setup is shown, in the language picked. */
  async done() {
    await languageApplied(this.page);
    await this.page.waitForFunction(
      () => {
        const s = /** @type {any} */ (window).__tidemark.compare.state();
        return s.phase === 'done' && JSON.stringify(s.ran) === JSON.stringify(s.setup);
      },
      null,
      { timeout: 30_000 },
    );
  }

  /** @param {'time' | 'watermark' | 'lateness'} kind */
  async compare(kind) {
    await this.kind.selectOption(kind);
    await this.done();
  }

  /**
   * Types a value (in the unit shown) for one side and commits it with Enter.
   * @param {'a' | 'b'} side @param {string} amount @param {'ms' | 's' | 'min'} unit
   */
  async setValue(side, amount, unit) {
    await this.page.getByTestId(`compare-value-${side}-unit`).selectOption(unit);
    await this.done();
    const field = this.page.getByTestId(`compare-value-${side}`);
    await field.fill(amount);
    await field.press('Enter');
    await this.done();
  }

  /** @returns {Promise<any>} the view's state: setup, the joined rows and the summary */
  state() {
    return this.page.evaluate(() => /** @type {any} */ (window).__tidemark.compare.state());
  }

  /** The table's rows as shown: row id, kind, and the difference column's text. */
  shownRows() {
    return this.rows.evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-row'),
        kind: row.getAttribute('data-kind'),
        difference: row.querySelector('[data-testid="compare-difference"]')?.textContent ?? '',
      })),
    );
  }

  /** Clicks the row of a window. @param {string} id */
  async select(id) {
    await this.page.locator(`[data-testid="compare-row"][data-row=${JSON.stringify(id)}]`).click();
  }

  /** Closes the view with Escape (from wherever focus is, unless a field keeps it). */
  async close() {
    await this.page.keyboard.press('Escape');
    await this.view.waitFor({ state: 'detached' });
  }

  /** Closes the view with its close button. */
  async closeButton() {
    await this.page.getByTestId('compare-close').click();
    await this.view.waitFor({ state: 'detached' });
  }
}
