// Page object for the demo step player, as the editor's demos and presentation mode show it.

export class DemoPlayerPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.player = page.getByTestId('demo-player');
    this.text = page.getByTestId('demo-text');
    this.outcome = page.getByTestId('demo-outcome');
  }

  /** Waits until the run has reached the current step's pause point. */
  async settled() {
    await this.page.waitForSelector('[data-testid="demo-player"][data-moving="false"]', {
      timeout: 20_000,
    });
  }

  /** The current step, counted from 0. */
  async step() {
    return Number(await this.player.getAttribute('data-step'));
  }

  async next() {
    const before = await this.step();
    await this.page.getByTestId('demo-next').click();
    await this.page.waitForSelector(`[data-testid="demo-player"][data-step="${before + 1}"]`);
    await this.settled();
  }
}
