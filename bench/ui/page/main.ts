/**
 * The loop-bench page: starts the worker and hands its figures to the Node driver, which
 * exposes `benchDone` on the page. No DOM is touched, so it checks with the worker's globals.
 */
import type { LoopMessage } from './protocol';

const driver = globalThis as unknown as { benchDone(message: LoopMessage): Promise<void> };
const worker = new Worker(new URL('./loop.worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = ({ data }: MessageEvent<LoopMessage>) => void driver.benchDone(data);
worker.onerror = (event) =>
  void driver.benchDone({ type: 'error', message: `worker error: ${event.message}` });
const records = Number(new URLSearchParams(location.search).get('records') ?? '1000000');
worker.postMessage(records);
