// Page object for the guided demos: the gallery, the step player and its highlight ring.
import { languageApplied } from '../support/language.mjs';
import { DemoPlayerPage } from './demo-player.page.mjs';

export class DemosPage extends DemoPlayerPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    super(page);
    this.gallery = page.getByTestId('demo-gallery');
    this.cards = page.locator('[data-testid^="demo-card-"]');
    this.progress = page.getByTestId('demo-progress');
    this.explanation = page.getByTestId('demo-explanation');
    this.highlight = page.getByTestId('demo-highlight');
    this.dryRun = page.getByTestId('demo-dry-run');
  }

  /** Closes the gallery with its close control. */
  async closeGallery() {
    await this.gallery.locator('.modal__header button').click();
    await this.gallery.waitFor({ state: 'detached' });
  }

  /** Switches the UI language from the toolbar. @param {'en' | 'zh-CN'} language */
  async speak(language) {
    await this.page.getByTestId('language').selectOption(language);
    await languageApplied(this.page);
  }

  /** Opens the gallery from the toolbar. */
  async openGallery() {
    await this.page.getByTestId('demos').click();
    await this.gallery.waitFor({ state: 'visible' });
  }

  /** Opens a demo from the gallery and waits for its first step. @param {string} id */
  async open(id) {
    await this.page.getByTestId(`demo-card-${id}`).click();
    await this.player.waitFor({ state: 'visible' });
    await this.settled();
  }

  /** Picks a choice of the current step's question. @param {number} index */
  async answer(index) {
    await this.page.getByTestId(`demo-choice-${index}`).click();
    await this.explanation.waitFor({ state: 'visible' });
  }

  /** Whether the current step asks a question. */
  async hasQuestion() {
    return (await this.page.getByTestId('demo-choice-0').count()) > 0;
  }

  async finish() {
    await this.page.getByTestId('demo-finish').click();
    await this.player.waitFor({ state: 'detached' });
  }
}
