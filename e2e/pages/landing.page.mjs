// Page object for the landing page: tests say what they look for, not how to find it.

export class LandingPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('app');
    this.heading = page.getByRole('heading', { level: 1 });
    this.tagline = page.locator('.tagline');
    this.previewPanel = page.getByRole('region', { name: 'The pipeline editor is on its way' });
  }

  /** @param {string} baseUrl */
  async goto(baseUrl) {
    await this.page.goto(baseUrl);
    await this.root.waitFor({ state: 'visible' });
  }

  title() {
    return this.page.title();
  }
}
