/** The bench itself: runs the scenarios in this module Worker and posts the report. */
import { fitsCache } from './fits-cache';
import { largerThanCache } from './larger-than-cache';
import type { BenchOptions, BenchReport, PageMessage } from './protocol';
import type { ScenarioResult } from './scenario';
import { CHECKPOINT_ENTRIES, checkpointRows, RESTORE_ENTRIES, restoreRows } from './state-rows';
import type { SizeMeasurement } from './state-sizes';
import { measureSize } from './state-sizes';
import { onHeapReply, progress, send } from './worker-io';

async function stateSizes(options: BenchOptions): Promise<ScenarioResult[]> {
  const wantCost = options.only.includes('checkpoint-cost');
  const sizes: SizeMeasurement[] = [];
  for (const entries of wantCost ? CHECKPOINT_ENTRIES : [RESTORE_ENTRIES]) {
    sizes.push(await measureSize(entries));
  }
  const results: ScenarioResult[] = [];
  if (options.only.includes('restore')) results.push(restoreRows(sizes.at(-1)!));
  if (wantCost) results.push(checkpointRows(sizes));
  return results;
}

async function run(options: BenchOptions): Promise<BenchReport> {
  const results: ScenarioResult[] = [];
  if (options.only.includes('fits-cache')) results.push(await fitsCache(options));
  if (options.only.includes('larger-than-cache')) results.push(await largerThanCache(options));
  if (options.only.includes('restore') || options.only.includes('checkpoint-cost')) {
    results.push(...(await stateSizes(options)));
  }
  return {
    rows: results.flatMap((r) => r.rows),
    notes: results.flatMap((r) => r.notes),
    userAgent: self.navigator.userAgent,
  };
}

self.onmessage = ({ data }: MessageEvent<PageMessage>) => {
  if (data.type === 'heap') {
    onHeapReply(data);
    return;
  }
  progress(`worker started (${self.navigator.userAgent})`);
  run(data.options).then(
    (report) => send({ type: 'done', report }),
    (error: unknown) =>
      send({
        type: 'error',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
};
