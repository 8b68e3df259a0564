// Page object for running a pipeline: the run controls, the bottom panels, and the run's part
// of the test-only window.__tidemark API.

/** @typedef {'timeline' | 'results' | 'metrics' | 'problems'} Tab */

export class RunPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.bar = page.getByTestId('run-bar');
    this.hangNotice = page.getByTestId('hang-notice');
    this.results = page.getByTestId('results');
  }

  /** Starts a fresh run of the editor's pipeline from the toolbar's Run button. */
  async run() {
    await this.page.getByTestId('run').click();
  }

  async pause() {
    await this.page.getByTestId('run-pause').click();
    await this.waitFor(['paused', 'finished']);
  }

  async play() {
    await this.page.getByTestId('run-play').click();
  }

  /** @param {'record' | 'watermark' | 'firing'} kind */
  async step(kind) {
    const before = await this.call('progress');
    await this.page.getByTestId(`step-${kind}`).click();
    // A step is done when the controls are enabled again with the session moved on.
    await this.page.waitForFunction(
      (pt) => {
        const run = /** @type {any} */ (window).__tidemark.run;
        const p = run.progress();
        return run.phase() !== 'running' && p !== null && p.processingTime !== pt;
      },
      before?.processingTime ?? -1,
      { timeout: 20_000 },
    );
  }

  /** @param {'event' | 'processing'} time @param {number} seed @param {string} speed */
  async configure(time, seed, speed) {
    await this.page.getByTestId('run-settings').click();
    await this.page.getByTestId('run-time').selectOption(time);
    const seedInput = this.page.getByTestId('run-seed');
    await seedInput.fill(String(seed));
    await seedInput.press('Enter');
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('run-speed').selectOption(speed);
  }

  /** @param {string} speed a value of the speed control: '0.1'..'1000' or 'max' */
  async setSpeed(speed) {
    await this.page.getByTestId('run-speed').selectOption(speed);
  }

  /**
   * Turns breakpoints on or off in the run bar's Breakpoints menu, then closes it.
   * @param {Partial<Record<'windowFires' | 'lateRecord' | 'checkpointCompletes', boolean>>} kinds
   */
  async setBreakpoints(kinds) {
    await this.page.getByTestId('breakpoints').click();
    for (const [kind, on] of Object.entries(kinds)) {
      await this.page.getByTestId(`breakpoint-${kind}`).setChecked(Boolean(on));
    }
    await this.page.keyboard.press('Escape');
  }

  /**
   * Waits for the run to pause at a breakpoint other than `previous`; returns the hit.
   * @param {any} [previous] the hit it was paused at before
   * @returns {Promise<any>}
   */
  async waitForBreakpoint(previous = null) {
    const notice = this.page.getByTestId('breakpoint-notice');
    await this.page.waitForFunction(
      (before) => {
        const run = /** @type {any} */ (window).__tidemark.run;
        const hit = run.pausedAt();
        return (
          run.phase() === 'paused' &&
          hit !== null &&
          (before === null || JSON.stringify(hit) !== JSON.stringify(before))
        );
      },
      previous,
      { timeout: 30_000 },
    );
    await notice.waitFor();
    return this.page.evaluate(() => /** @type {any} */ (window).__tidemark.run.pausedAt());
  }

  /**
   * Step to next firing while paused at a breakpoint: the next firing may be another of the
   * same instant, so this waits for the hit to change, not the clock. Returns the new hit.
   * @param {any} previous the hit it was paused at
   * @returns {Promise<any>}
   */
  async stepFiringFrom(previous) {
    await this.page.getByTestId('step-firing').click();
    return this.waitForBreakpoint(previous);
  }

  /** The banner's Continue: plays on to the next breakpoint. */
  async continue() {
    await this.page.getByTestId('breakpoint-continue').click();
  }

  /** @param {Tab} tab */
  async openTab(tab) {
    await this.page.getByTestId(`tab-${tab}`).click();
  }

  /**
   * Waits until the run is in one of `phases`.
   * @param {string[]} phases
   * @param {number} [timeout]
   */
  async waitFor(phases, timeout = 30_000) {
    await this.page.waitForFunction(
      (wanted) => wanted.includes(/** @type {any} */ (window).__tidemark.run.phase()),
      phases,
      { timeout },
    );
  }

  /**
   * Reads one of the run test API's getters.
   * @param {'phase' | 'progress' | 'results' | 'sideOutput' | 'timeline' | 'hang' | 'pausedAt' | 'breakpoints'} name
   * @returns {Promise<any>}
   */
  call(name) {
    return this.page.evaluate((n) => /** @type {any} */ (window).__tidemark.run[n](), name);
  }

  /** Rows of one sink's table in the Results panel, as their cells' text. @param {string} sink */
  async resultRows(sink) {
    return this.page
      .getByTestId(`sink-${sink}`)
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [.../** @type {HTMLTableRowElement} */ (row).cells].map((c) => c.textContent ?? ''),
        ),
      );
  }
}
