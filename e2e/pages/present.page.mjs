// Page object for presentation mode (what an embed link opens) and the timeline's Export menu.
import { DemoPlayerPage } from './demo-player.page.mjs';

export class PresentPage extends DemoPlayerPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    super(page);
    this.root = page.getByTestId('presentation');
    this.title = page.getByTestId('present-title');
    this.canvas = page.getByTestId('present-canvas');
    this.clock = page.getByTestId('present-clock');
    this.editorLink = page.getByTestId('present-open-editor');
    this.timeline = page.getByTestId('timeline-panel');
  }

  /** Opens an embed link's fragment, e.g. 'present=late-data&lang=zh-CN'. @param {string} app @param {string} fragment */
  async open(app, fragment) {
    await this.page.goto(`${app}#${fragment}`);
    await this.root.waitFor({ state: 'visible' });
  }

  async play() {
    await this.page.getByTestId('present-play').click();
  }

  /** @returns {Promise<number>} the font size in px the page's text starts from */
  baseFontSize() {
    return this.page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  }

  /** Whether any of the editor's chrome is on the page. */
  chrome() {
    return this.page.evaluate(() =>
      [
        '[data-testid="app"]',
        '.toolbar',
        '.palette',
        '.editor__inspector',
        '.dock',
        '[data-testid="tab-problems"]',
      ].filter((selector) => document.querySelector(selector) !== null),
    );
  }

  /** @returns {Promise<any>} the pipeline document the page shows */
  document() {
    return this.page.evaluate(() => /** @type {any} */ (window).__tidemark.document());
  }

  /** @param {string[]} phases */
  async waitForPhase(phases, timeout = 30_000) {
    await this.page.waitForFunction(
      (wanted) => wanted.includes(/** @type {any} */ (window).__tidemark.run.phase()),
      phases,
      { timeout },
    );
  }
}

/**
 * The timeline's Export menu: saves the view and hands back the downloaded file.
 * @param {import('playwright-core').Page} page
 * @param {'svg' | 'png'} format
 * @param {{ forSlides?: boolean }} [options]
 */
export async function exportTimeline(page, format, { forSlides = false } = {}) {
  const menuOpen = await page.getByTestId('timeline-export-svg').isVisible();
  if (!menuOpen) await page.getByTestId('timeline-export').click();
  const slides = page.getByTestId('timeline-export-slides');
  if ((await slides.isChecked()) !== forSlides) await slides.click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`timeline-export-${format}`).click(),
  ]);
  return download;
}

/**
 * Copies an embed link from a "Copy embed link" menu and reads it back from the clipboard.
 * @param {import('playwright-core').Page} page
 * @param {string} testId the menu's button
 * @param {'link' | 'iframe'} [what]
 */
export async function copyEmbedLink(page, testId, what = 'link') {
  const item = page.getByTestId(`${testId}-${what}`);
  if (!(await item.isVisible())) await page.getByTestId(testId).click();
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await item.click();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== '');
  return page.evaluate(() => navigator.clipboard.readText());
}
