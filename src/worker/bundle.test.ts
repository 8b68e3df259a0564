import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'tidemark-bundle-'));

/**
 * Text that only the engine's runtime and sandbox contain (not its metadata). The validator's
 * English wordings are also the UI's English translations, so they mark nothing; ESLint keeps
 * its code off the main thread.
 */
const ENGINE_RUNTIME_MARKERS = [
  'Tracing is off for this job', // runtime/job.ts
  'Parallelism must be a positive integer', // runtime/create-job.ts
  'Injected failure after record', // runtime/job-master.ts
  'This savepoint file is empty', // runtime/snapshot.ts
  'the code must evaluate to a function', // sandbox/user-function.ts
];

let chunks: { name: string; code: string }[] = [];

beforeAll(async () => {
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      // The app, plus the client as its own entry with its exports kept, so the check holds
      // whether or not the app calls the engine yet.
      rollupOptions: {
        input: { app: join(root, 'index.html'), client: join(root, 'src/worker/client.ts') },
        preserveEntrySignatures: 'strict',
      },
    },
  });
  const assets = join(outDir, 'assets');
  chunks = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, code: readFileSync(join(assets, name), 'utf8') }));
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the production bundle', () => {
  it('puts the engine in its own worker chunk', () => {
    const workers = chunks.filter((c) => c.name.startsWith('engine.worker-'));
    expect(workers).toHaveLength(1);
    for (const marker of ENGINE_RUNTIME_MARKERS) expect(workers[0].code).toContain(marker);
  });

  it('keeps engine runtime code out of every main-thread chunk', () => {
    const mainThread = chunks.filter((c) => !c.name.startsWith('engine.worker-'));
    expect(mainThread.map((c) => c.name)).toContainEqual(expect.stringMatching(/^client-/));
    // The worker is started from the main thread by its URL, not bundled into it.
    expect(mainThread.some((c) => /engine\.worker-[\w-]+\.js/.test(c.code))).toBe(true);
    for (const chunk of mainThread) {
      for (const marker of ENGINE_RUNTIME_MARKERS) expect(chunk.code).not.toContain(marker);
    }
  });
});
