/** The worker's side of the protocol: progress lines and heap readings from the driver. */
import type { HeapAction, HeapReading, PageMessage, WorkerMessage } from './protocol';

export function send(message: WorkerMessage): void {
  self.postMessage(message);
}

export function progress(text: string): void {
  send({ type: 'progress', text });
}

let nextId = 0;
const waiting = new Map<number, (reading: HeapReading | null) => void>();

/** Asks the driver for a heap reading; null when it cannot read the worker's heap. */
function heap(action: HeapAction): Promise<HeapReading | null> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    send({ type: 'heap', id, action });
  });
}

export function onHeapReply(message: Extract<PageMessage, { type: 'heap' }>): void {
  waiting.get(message.id)?.(message.reading);
  waiting.delete(message.id);
}

export interface HeapSpan {
  /** Live heap (after a GC) before the work. */
  before: number;
  /** Highest heap sampled during the work, and when (seconds into it). */
  peak: number;
  peakAtS: number;
  /** Highest live heap of the readings taken during the work (see `liveHeap`) and after it. */
  maxLive: number;
  /** Live heap (after a GC) right after the work, before anything is released. */
  after: number;
  samples: number;
}

/** Runs `work` while the driver samples the heap; `span` is null without readings. */
export async function withHeap<T>(
  work: () => Promise<T>,
): Promise<{ result: T; span: HeapSpan | null }> {
  const begin = await heap('begin');
  const result = await work();
  const end = await heap('end');
  if (begin === null || end === null) return { result, span: null };
  return {
    result,
    span: {
      before: begin.liveBytes,
      peak: end.peakBytes,
      peakAtS: end.peakAtS,
      maxLive: end.maxLiveBytes,
      after: end.liveBytes,
      samples: end.samples,
    },
  };
}

/**
 * A live-heap reading inside `withHeap` (it forces a GC, so call it rarely): the span then
 * reports the highest live heap seen, not just the one at the end.
 */
export async function liveHeap(): Promise<void> {
  await heap('live');
}
