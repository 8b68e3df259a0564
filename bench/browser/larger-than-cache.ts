/**
 * State far larger than the cache: distinct keys until the IndexedDB backend holds
 * `largeEntries` entries, with a 10,000-entry cache. Reports throughput and the worker's
 * JS heap, which must stay under 100 MB: the state itself lives in IndexedDB. Then one
 * checkpoint, to show what it costs in heap (informational: no target).
 */
import { JobMaster } from '../../src/engine/runtime/job-master';
import { backend } from './backends';
import { count, kb, mb, ms, perSecond, verdict } from './format';
import { distinctKeysJob, ENTRIES_PER_KEY } from './jobs';
import type { BenchOptions } from './protocol';
import type { ScenarioResult } from './scenario';
import { expectStatus, rowsOf, stateEntries } from './scenario';
import type { HeapSpan } from './worker-io';
import { liveHeap, progress, withHeap } from './worker-io';

const TARGET_ENTRIES = 1_000_000;
const CACHE_ENTRIES = 10_000;
const HEAP_LIMIT_BYTES = 100 * 1024 * 1024;
const PROGRESS_EVERY = 10;

/** Runs `records` records or until the budget is spent: how many ran, in how long. */
async function ingest(
  master: JobMaster,
  records: number,
  budgetMs: number,
): Promise<{ processed: number; millis: number }> {
  const chunk = Math.max(1, Math.ceil(records / PROGRESS_EVERY));
  let t0 = performance.now();
  let processed = 0;
  while (processed < records && performance.now() - t0 < budgetMs) {
    processed += await master.runUntil('idle', Math.min(chunk, records - processed));
    expectStatus(master, 'running', 'larger-than-cache');
    // Outside the timing: the forced GC is the driver's, not the job's.
    const paused = performance.now();
    await liveHeap();
    t0 += performance.now() - paused;
    const elapsed = performance.now() - t0;
    progress(
      `larger-than-cache: ${count(processed)} / ${count(records)} records, ` +
        `${ms(elapsed)}, ${perSecond(processed, elapsed)}`,
    );
  }
  return { processed, millis: performance.now() - t0 };
}

const heapFigure = (span: HeapSpan | null, pick: (s: HeapSpan) => string) =>
  span === null ? 'n/a' : pick(span);

export async function largerThanCache(options: BenchOptions): Promise<ScenarioResult> {
  const wanted = Math.round(options.largeEntries * options.scale);
  const records = Math.max(1, Math.ceil(wanted / ENTRIES_PER_KEY));
  const b = backend('indexeddb', {
    checkpointing: { mode: 'at-least-once', intervalMs: null, retained: 1 },
    cacheEntries: CACHE_ENTRIES,
    maxParallelism: options.largeMaxParallelism,
  });
  try {
    // Endless, so the job is still running for the checkpoint after the last record.
    const master = await JobMaster.create(distinctKeysJob(null), b.config);
    const run = await withHeap(() => ingest(master, records, options.largeBudgetMin * 60_000));
    const { processed, millis } = run.result;
    const entries = stateEntries(master);
    const checkpoint = await withHeap(async () => {
      const t0 = performance.now();
      const stats = await master.triggerCheckpoint();
      return { stats, millis: performance.now() - t0 };
    });

    const completed = processed === records;
    const row = rowsOf('larger-than-cache');
    const heapOk = run.span !== null && run.span.peak < HEAP_LIMIT_BYTES;
    const rows = [
      row(
        'run completes',
        completed ? 'yes' : `no: ${count(processed)} of ${count(records)} records in budget`,
        'completes',
        verdict(completed),
      ),
      row('records (distinct keys)', count(processed)),
      row('state entries in IndexedDB', count(entries), count(wanted), verdict(entries >= wanted)),
      row(
        'cache entries / key groups',
        `${count(CACHE_ENTRIES)} / ${count(options.largeMaxParallelism)}`,
      ),
      row('throughput', perSecond(processed, millis)),
      row('wall time', ms(millis)),
      row(
        'peak JS heap (sampled)',
        heapFigure(run.span, (s) => `${mb(s.peak)} at ${s.peakAtS.toFixed(0)} s`),
        '< 100 MB',
        verdict(heapOk),
      ),
      row(
        'live JS heap: before / max / after',
        heapFigure(run.span, (s) => `${mb(s.before)} / ${mb(s.maxLive)} / ${mb(s.after)}`),
      ),
      row(
        'then one checkpoint: time, size',
        `${ms(checkpoint.result.millis)}, ${kb(checkpoint.result.stats.bytes)}`,
      ),
      row(
        'checkpoint: peak / retained JS heap',
        heapFigure(checkpoint.span, (s) => `${mb(s.peak)} / ${mb(s.after)}`),
      ),
    ];
    const notes = [
      `larger-than-cache: no checkpoint during the run; the heap peak is the highest of ` +
        `${run.span?.samples ?? 0} samples (every 25 ms), garbage included, as ` +
        `performance.memory would count it; "live" readings follow a forced GC (before, at ` +
        `every 10% of the run, after). "retained" is the live heap after the checkpoint, ` +
        `which the job master keeps.`,
    ];
    if (wanted < TARGET_ENTRIES) {
      const fullMinutes = (millis / 60_000) * (TARGET_ENTRIES / Math.max(1, entries));
      notes.push(
        `larger-than-cache: SCALED DOWN to ${count(wanted)} entries (the target is ` +
          `${count(TARGET_ENTRIES)}; at this rate that takes ~${fullMinutes.toFixed(0)} min).`,
      );
    }
    return { rows, notes };
  } finally {
    await b.dispose();
  }
}
