// Builds the bench page with Vite into a temporary folder and serves it on 127.0.0.1, as the
// e2e suite serves the app: IndexedDB figures only count on a page from a real origin.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

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

/** @returns {Promise<{ url: string, close: () => Promise<void> }>} */
export async function servePage() {
  const outDir = await mkdtemp(path.join(tmpdir(), 'tidemark-bench-'));
  const base = {
    root: ROOT,
    configFile: /** @type {false} */ (false),
    logLevel: /** @type {'warn'} */ ('warn'),
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
    worker: { format: /** @type {'es'} */ ('es') },
  };
  try {
    await build(base);
    const port = await freePort();
    const server = await preview({
      ...base,
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    return {
      url: server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`,
      async close() {
        await server.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}
