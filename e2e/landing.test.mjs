import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LandingPage } from './pages/landing.page.mjs';
import { startApp } from './support/app.mjs';

describe('landing page', () => {
  /** @type {import('./support/app.mjs').App} */
  let app;

  before(async () => {
    app = await startApp();
  });

  after(async () => {
    await app?.close();
  });

  it('renders the title and heading without console errors', async () => {
    const { page, errors } = await app.open();
    const landing = new LandingPage(page);
    await landing.goto(app.url);

    assert.equal(await landing.title(), 'Tidemark');
    assert.equal(await landing.heading.textContent(), 'Tidemark');
    assert.match((await landing.tagline.textContent()) ?? '', /stream processing/);
    assert.ok(await landing.previewPanel.isVisible(), 'the preview panel is visible');

    await app.screenshot(page, 'landing');
    assert.deepEqual(errors, []);
  });

  it('renders in dark mode without console errors', async () => {
    const { page, errors } = await app.open({ colorScheme: 'dark' });
    const landing = new LandingPage(page);
    await landing.goto(app.url);

    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(12, 20, 26)');

    await app.screenshot(page, 'landing-dark');
    assert.deepEqual(errors, []);
  });
});
