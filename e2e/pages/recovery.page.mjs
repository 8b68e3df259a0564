// Page object for checkpoints, failures, savepoints and the exactly-once proof: the run
// settings' checkpointing switches, the recovery tabs, and window.__tidemark.recovery.

export class RecoveryPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  /**
   * Turns checkpointing on in the run settings.
   * @param {'exactly-once' | 'at-least-once' | 'off'} mode
   * @param {number} intervalMs
   */
  async enableCheckpoints(mode, intervalMs) {
    await this.page.getByTestId('run-settings').click();
    await this.page.getByTestId('checkpoint-mode').selectOption(mode);
    const interval = this.page.getByTestId('checkpoint-interval');
    await interval.fill(String(intervalMs));
    await interval.press('Enter');
    await this.page.getByTestId('restart-strategy').selectOption('fixed-delay');
    await this.page.keyboard.press('Escape');
  }

  /** @param {'checkpoints' | 'savepoints' | 'proof' | 'state' | 'timeline'} tab */
  async openTab(tab) {
    await this.page.getByTestId(`tab-${tab}`).click();
  }

  /** Arms "fail on record N" in the Checkpoints tab. @param {number} n */
  async failOnRecord(n) {
    await this.openTab('checkpoints');
    const input = this.page.getByTestId('fail-on-record');
    await input.fill(String(n));
    await input.press('Enter');
    await this.page.getByTestId('arm-failure').click();
    await this.page
      .getByRole('status')
      .filter({ hasText: String(n) })
      .waitFor();
  }

  /** Fails the whole job now from the Checkpoints tab and waits for the failure to show. */
  async injectFailure() {
    await this.openTab('checkpoints');
    await this.page.getByTestId('inject-failure').click();
    await this.page.getByTestId('job-events').waitFor();
  }

  /** Takes a savepoint from the Savepoints tab and returns the browser's download. */
  async takeSavepoint() {
    await this.openTab('savepoints');
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('take-savepoint').click();
    return download;
  }

  /** Chooses a file to restore from in the Savepoints tab. @param {{ name: string, mimeType: string, buffer: Buffer }} file */
  async upload(file) {
    await this.openTab('savepoints');
    await this.page.getByTestId('savepoint-file').setInputFiles(file);
    await this.page.getByTestId('restore-dialog').waitFor();
  }

  /** The distinct keys the state inspector lists for the paused run, sorted. */
  async stateKeys() {
    await this.openTab('state');
    const rows = this.page.getByTestId('state-entries').locator('tbody tr');
    await rows.first().waitFor();
    const keys = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.getAttribute('data-key') ?? ''),
    );
    return [...new Set(keys)].sort();
  }

  /**
   * Reads one of the recovery test API's getters.
   * @param {'status' | 'counts' | 'committed' | 'checkpoints' | 'events'} name
   * @returns {Promise<any>}
   */
  call(name) {
    return this.page.evaluate((n) => /** @type {any} */ (window).__tidemark.recovery[n](), name);
  }
}
