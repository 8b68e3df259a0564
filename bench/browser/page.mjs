// Builds the bench page with Vite into the app's dist/, where the e2e support's preview server
// (e2e/support/app.mjs) serves it beside the app: IndexedDB figures only count on a page from
// a real origin.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { ROOT } from '../../e2e/support/app.mjs';

const PAGE_ROOT = fileURLToPath(new URL('.', import.meta.url));
/** Where the page is served, under the app's base URL. */
const PAGE_PATH = 'bench-browser/';
const OUT_DIR = path.join(ROOT, 'dist', PAGE_PATH);

/** @returns {Promise<{ path: string, remove: () => Promise<void> }>} */
export async function buildPage() {
  // The preview server serves the app's build, and refuses to start without one.
  if (!existsSync(path.join(ROOT, 'dist', 'index.html'))) {
    await build({ root: ROOT, logLevel: 'warn' });
  }
  await build({
    root: PAGE_ROOT,
    base: `/${PAGE_PATH}`,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: OUT_DIR, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
    worker: { format: 'es' },
  });
  return { path: PAGE_PATH, remove: () => rm(OUT_DIR, { recursive: true, force: true }) };
}
