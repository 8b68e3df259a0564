// Opens the bench page in headless Chromium and waits for the worker's report. Each call gets
// its own on-disk profile: IndexedDB is then stored as in a user's browser (an incognito
// context would keep it in memory), and no scenario inherits another one's deleted databases.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { monitorWorkerHeap } from './heap-monitor.mjs';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * @param {string} url
 * @param {object} benchOptions
 * @returns {Promise<import('./protocol').BenchReport>}
 */
export async function runInChromium(url, benchOptions) {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const profile = await mkdtemp(path.join(tmpdir(), 'tidemark-bench-profile-'));
  /** @type {import('playwright-core').BrowserContext | undefined} */
  let context;
  try {
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
      });
    } catch (error) {
      throw new Error(
        `Could not launch Chromium at ${executablePath}; install it or set CHROMIUM_PATH.`,
        { cause: error },
      );
    }
    return await report(await context.newPage(), url, benchOptions);
  } finally {
    await context?.close();
    await rm(profile, { recursive: true, force: true });
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
  const result = /** @type {{ report: any } | { error: string }} */ (await outcome);
  await heap?.close();
  if ('error' in result) throw new Error(`The bench failed in the worker:\n${result.error}`);
  return result.report;
}
