/**
 * Working state that fits the cache: 1,000 keys, 1 s tumbling event-time count, exactly-once
 * with a checkpoint every second of processing time. Heap and IndexedDB run in turns in this
 * same worker; the best run of each counts.
 */
import type { WindowResult } from '../../src/engine/operators/window-operator';
import { JobMaster } from '../../src/engine/runtime/job-master';
import { KEYS, makeInput } from '../input';
import type { BackendName } from './backends';
import { backend } from './backends';
import { count, mb, median, ms, perSecond, verdict } from './format';
import { keyedTumblingCount } from './jobs';
import type { BenchOptions } from './protocol';
import type { ScenarioResult } from './scenario';
import { expectStatus, rowsOf } from './scenario';
import { progress, withHeap } from './worker-io';

/** 200k records arrive at 10 per ms: 20 s of processing time, so 20 checkpoints. */
const RECORDS = 200_000;
const CHECKPOINT_INTERVAL_MS = 1000;
/** Rounds of heap then IndexedDB: alternating, neither gets all the cold or warm runs. */
const ROUNDS = 3;
const TARGET_RATIO = 0.2;

interface Run {
  millis: number;
  checkpoints: number;
  results: number;
  peakHeap: number | null;
}

async function runOnce(name: BackendName, input: ReturnType<typeof makeInput>): Promise<Run> {
  const b = backend(name, {
    checkpointing: { mode: 'exactly-once', intervalMs: CHECKPOINT_INTERVAL_MS, retained: 1 },
  });
  try {
    const master = await JobMaster.create(keyedTumblingCount(input), b.config);
    let results = 0;
    let counted = 0;
    master.onResult((r) => {
      if (r.state !== 'committed') return;
      results++;
      counted += (r.value as WindowResult).value as number;
    });
    const { result: millis, span } = await withHeap(async () => {
      const t0 = performance.now();
      await master.runUntil('end');
      return performance.now() - t0;
    });
    expectStatus(master, 'finished', `fits-cache on ${name}`);
    // Every record is on time, so the committed counts must add up to the input.
    if (counted !== input.length) {
      throw new Error(`fits-cache on ${name}: windows counted ${counted} of ${input.length}`);
    }
    const checkpoints = master.checkpoints().at(-1)?.id ?? 0;
    return { millis, checkpoints, results, peakHeap: span?.peak ?? null };
  } finally {
    await b.dispose();
  }
}

export async function fitsCache(options: BenchOptions): Promise<ScenarioResult> {
  const input = makeInput(Math.max(1, Math.round(RECORDS * options.scale)));
  const runs: Record<BackendName, Run[]> = { heap: [], indexeddb: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const name of ['heap', 'indexeddb'] as const) {
      const run = await runOnce(name, input);
      progress(
        `fits-cache ${name} #${round}: ${ms(run.millis)}, ` +
          `${perSecond(input.length, run.millis)}, ${run.checkpoints} checkpoints`,
      );
      runs[name].push(run);
    }
  }
  const fastest = (rs: Run[]) => rs.reduce((a, b) => (b.millis < a.millis ? b : a));
  const heap = fastest(runs.heap);
  const idb = fastest(runs.indexeddb);
  const ratio = heap.millis / idb.millis;
  const typical = (rs: Run[]) => median(rs.map((r) => r.millis));
  const medianRatio = typical(runs.heap) / typical(runs.indexeddb);
  const row = rowsOf('fits-cache');
  const peak = (r: Run) => (r.peakHeap === null ? 'n/a' : mb(r.peakHeap));
  return {
    rows: [
      row('records / keys', `${count(input.length)} / ${count(KEYS)}`),
      row('checkpoints (exactly-once, every 1 s)', `${idb.checkpoints} (heap ${heap.checkpoints})`),
      row('heap backend', perSecond(input.length, heap.millis)),
      row('IndexedDB backend', perSecond(input.length, idb.millis)),
      row(
        'IndexedDB / heap (best runs)',
        `${ratio.toFixed(3)}x (medians: ${medianRatio.toFixed(3)}x)`,
        `>= ${TARGET_RATIO}x`,
        verdict(ratio >= TARGET_RATIO),
      ),
      row('peak JS heap heap / IndexedDB', `${peak(heap)} / ${peak(idb)}`),
    ],
    notes: [
      `fits-cache: ${ROUNDS} rounds of heap then IndexedDB in one worker, the best run per ` +
        `backend counts; job creation excluded; ${heap.results} committed window results each.`,
    ],
  };
}
