/**
 * The bench page: starts the worker and relays between it and the Node driver, which exposes
 * the functions below on the page (Playwright's exposeFunction). No DOM is touched, so this
 * file type-checks with the worker's globals like the rest of bench/.
 */
import type { BenchOptions, HeapAction, HeapReading, PageMessage, WorkerMessage } from './protocol';
import { DEFAULT_OPTIONS } from './protocol';

interface Driver {
  benchProgress(text: string): Promise<void>;
  benchHeap(action: HeapAction): Promise<HeapReading | null>;
  benchDone(outcome: { report: unknown } | { error: string }): Promise<void>;
}

const driver = globalThis as unknown as Driver;
const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
const post = (message: PageMessage) => worker.postMessage(message);

worker.onmessage = async ({ data }: MessageEvent<WorkerMessage>) => {
  switch (data.type) {
    case 'progress':
      await driver.benchProgress(data.text);
      break;
    case 'heap':
      post({ type: 'heap', id: data.id, reading: await driver.benchHeap(data.action) });
      break;
    case 'done':
      await driver.benchDone({ report: data.report });
      break;
    case 'error':
      await driver.benchDone({ error: data.message });
      break;
  }
};
worker.onerror = (event) => void driver.benchDone({ error: `worker error: ${event.message}` });

const given = new URLSearchParams(location.search).get('options');
const options: BenchOptions = { ...DEFAULT_OPTIONS, ...(given ? JSON.parse(given) : {}) };
post({ type: 'start', options });
