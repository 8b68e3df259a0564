// Starts what an e2e test needs: the built app served by `vite preview` and a headless
// Chromium. One instance per test file: call startApp() in before() and close() in after().
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');
/** The built app to serve: `dist/`, or the folder in TIDEMARK_DIST (a build made with --outDir). */
const DIST = process.env.TIDEMARK_DIST ?? path.join(ROOT, 'dist');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** @returns {Promise<number>} a TCP port on 127.0.0.1 that was free a moment ago */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * An on-disk profile's one context, in the browser's place: newContext() gives that context
 * (its options were fixed at launch), close() closes it and the browser.
 * @param {import('playwright-core').BrowserContext} context
 * @returns {import('playwright-core').Browser}
 */
function onDisk(context) {
  return /** @type {any} */ ({ newContext: async () => context, close: () => context.close() });
}

/**
 * A first visit opens on the demo gallery. Runs in the page: closes the gallery through its close
 * control as soon as it appears, until the page asks for it from the toolbar's Demos button.
 */
function dismissGallery() {
  let asked = false;
  document.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest('[data-testid="demos"]')) {
        asked = true;
      }
    },
    true,
  );
  new MutationObserver((_, observer) => {
    if (asked) return observer.disconnect();
    const close = document.querySelector('[data-testid="demo-gallery"] .modal__header button');
    if (close instanceof HTMLElement) close.click();
  }).observe(document, { childList: true, subtree: true });
}

/**
 * @typedef {import('playwright-core').BrowserContextOptions & { gallery?: 'dismiss' | 'keep' }} OpenOptions
 *   gallery: what happens to the demo gallery a first visit opens on: closed as it appears
 *   ('dismiss', the default, for tests about the editor) or left for the test ('keep')
 */

/**
 * @typedef {object} OpenedPage
 * @property {import('playwright-core').Page} page
 * @property {string[]} errors console errors and uncaught exceptions seen so far
 */

/**
 * @typedef {object} App
 * @property {string} url base URL of the served app, ending in '/'
 * @property {(options?: OpenOptions) => Promise<OpenedPage>} open
 *   a fresh page in a new context that records console errors
 * @property {(page: import('playwright-core').Page, name: string) => Promise<string>} screenshot
 *   saves test-results/e2e/<name>.png and returns its path
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ profileDir?: string }} [options] profileDir: a folder for an on-disk browser
 *   profile, so IndexedDB is stored as in a user's browser (an incognito context keeps it in
 *   memory); every open() then gets a page in that one profile's context.
 * @returns {Promise<App>}
 */
export async function startApp({ profileDir } = {}) {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST} is missing: run \`npx vite build\` first (npm run test:e2e does).`);
  }

  const port = await freePort();
  const server = await preview({
    root: ROOT,
    build: { outDir: DIST },
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;

  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  /** @type {import('playwright-core').Browser} */
  let browser;
  try {
    browser =
      profileDir === undefined
        ? await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS })
        : onDisk(
            await chromium.launchPersistentContext(profileDir, {
              executablePath,
              headless: true,
              args: CHROMIUM_ARGS,
            }),
          );
  } catch (error) {
    await server.close();
    throw new Error(
      `Could not launch Chromium at ${executablePath}; install it or set CHROMIUM_PATH.`,
      { cause: error },
    );
  }

  return {
    url,

    async open({ gallery = 'dismiss', ...options } = {}) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        ...options,
      });
      const page = await context.newPage();
      if (gallery === 'dismiss') await page.addInitScript(dismissGallery);
      /** @type {string[]} */
      const errors = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      return { page, errors };
    },

    async screenshot(page, name) {
      await mkdir(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },

    async close() {
      await browser.close();
      await server.close();
    },
  };
}
