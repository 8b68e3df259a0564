// Opens the bench page in headless Chromium, served beside the app by the e2e support, and
// waits for the worker's report. Each call gets its own on-disk profile: IndexedDB is then
// stored as in a user's browser (an incognito context would keep it in memory), and no
// scenario inherits another one's deleted databases.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../e2e/support/app.mjs';
import { monitorWorkerHeap } from './heap-monitor.mjs';

/**
 * @param {string} pagePath the bench page's path under the app's URL
 * @param {object} benchOptions
 * @returns {Promise<import('./protocol').BenchReport>}
 */
export async function runInChromium(pagePath, benchOptions) {
  const profileDir = await mkdtemp(path.join(tmpdir(), 'tidemark-bench-profile-'));
  /** @type {import('../../e2e/support/app.mjs').App | undefined} */
  let app;
  try {
    app = await startApp({ profileDir });
    const url = `${app.url}${pagePath}`;
    console.log(`  (fresh profile, ${url})`);
    const { page } = await app.open();
    return await report(page, url, benchOptions);
  } finally {
    await app?.close();
    await rm(profileDir, { recursive: true, force: true });
  }
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} url
 * @param {object} benchOptions
 */
async function report(page, url, benchOptions) {
  page.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  /** @type {Awaited<ReturnType<typeof monitorWorkerHeap>> | null} */
  let heap = null;
  let heapFailed = false;
  /** @type {(outcome: any) => void} */
  let finish = () => undefined;
  const outcome = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('benchDone', (/** @type {any} */ o) => finish(o));
  await page.exposeFunction('benchProgress', (/** @type {string} */ text) => {
    const used = heap?.latest() ?? null;
    console.log(`  ${text}${used === null ? '' : `, heap ${(used / 2 ** 20).toFixed(1)} MB`}`);
  });
  await page.exposeFunction('benchHeap', async (/** @type {'begin' | 'live' | 'end'} */ action) => {
    // The worker exists by the time it asks, so its target can be found now.
    if (heap === null && !heapFailed) {
      try {
        heap = await monitorWorkerHeap(page, /bench\.worker/);
      } catch (error) {
        heapFailed = true;
        console.log(`  (no heap figures: ${error instanceof Error ? error.message : error})`);
      }
    }
    return heap === null ? null : heap[action]();
  });
  await page.goto(`${url}?options=${encodeURIComponent(JSON.stringify(benchOptions))}`);
  // A missing page is answered with the app's (the preview server's fallback), not a 404.
  if ((await page.title()) !== 'Tidemark browser bench') {
    throw new Error(`The bench page is missing from ${url}: was dist/ rebuilt meanwhile?`);
  }
  const result = /** @type {{ report: any } | { error: string }} */ (await outcome);
  await heap?.close();
  if ('error' in result) throw new Error(`The bench failed in the worker:\n${result.error}`);
  return result.report;
}
