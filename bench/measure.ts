/**
 * Timing and heap accounting for one contender. Heap figures come from V8's GC profiler:
 * used heap only drops at a GC, so its peak is the largest "before GC" reading (or the
 * final one), and bytes allocated are the bytes GCs freed plus the net growth.
 */
import { GCProfiler, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchRecord, WindowCount } from './workload';

export interface Prepared {
  run(): WindowCount[];
  traceEvents?(): number;
}

export interface Contender {
  name: string;
  /** Setup, timed apart from the run: for the engine, creating the job. */
  prepare(input: readonly BenchRecord[]): Prepared;
}

export interface Measurement {
  name: string;
  records: number;
  /** Of the fastest run. */
  setupMs: number;
  runMs: number;
  runsMs: number[];
  /** Highest used heap over setup and run, above the heap before them (input included there). */
  peakHeapBytes: number;
  /** Bytes allocated per record during the run (setup excluded). */
  allocBytesPerRecord: number;
  traceEvents: number | null;
}

// A full GC before each run keeps one contender's garbage off the next one's figures.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface HeapSpan {
  peak: number;
  allocated: number;
}

function watchHeap(): () => HeapSpan {
  const profiler = new GCProfiler();
  const start = getHeapStatistics().used_heap_size;
  profiler.start();
  return () => {
    const end = getHeapStatistics().used_heap_size;
    let peak = Math.max(start, end);
    let freed = 0;
    for (const s of profiler.stop().statistics) {
      const before = s.beforeGC.heapStatistics.usedHeapSize;
      peak = Math.max(peak, before);
      freed += before - s.afterGC.heapStatistics.usedHeapSize;
    }
    return { peak, allocated: freed + end - start };
  };
}

/** Runs a contender `runs` times, checking each result set; reports the fastest run. */
export function measure(
  contender: Contender,
  input: readonly BenchRecord[],
  runs: number,
  check: (results: WindowCount[]) => void,
): Measurement {
  let best: Measurement | null = null;
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const baseline = getHeapStatistics().used_heap_size;
    const setupHeap = watchHeap();
    const t0 = performance.now();
    const prepared = contender.prepare(input);
    const t1 = performance.now();
    const setup = setupHeap();
    const runHeap = watchHeap();
    const t2 = performance.now();
    const results = prepared.run();
    const t3 = performance.now();
    const run = runHeap();
    check(results);
    runsMs.push(t3 - t2);
    if (best === null || t3 - t2 < best.runMs) {
      best = {
        name: contender.name,
        records: input.length,
        setupMs: t1 - t0,
        runMs: t3 - t2,
        runsMs,
        peakHeapBytes: Math.max(setup.peak, run.peak) - baseline,
        allocBytesPerRecord: run.allocated / input.length,
        traceEvents: prepared.traceEvents?.() ?? null,
      };
    }
  }
  return best!;
}
