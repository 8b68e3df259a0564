/**
 * Detail for a stretch of processing time already run: when the view zooms in on the past,
 * the records sent live there were sampled for a wider view. The engine is deterministic, so
 * a shadow job replays the run from the start (on the heap: same results as any backend) and
 * keeps the record events of that stretch at the rate the new view asks for.
 */
import type { PipelineDocument } from '../engine/pipeline/document';
import { createJob } from '../engine/runtime/create-job';
import type { RunConfig } from '../engine/runtime/job';
import type { TraceEvent } from '../engine/runtime/trace';

export type RecordEvent = Extract<TraceEvent, { type: 'record' }>;

export interface DetailRange {
  ptFrom: number;
  ptTo: number;
  /** Keep one in this many record events within the range. */
  sampleEvery: number;
}

/** Records per slice of the replay between yields. */
const SLICE_RECORDS = 2048;
/** Keeps nothing: the rate before the range starts. */
const KEEP_NONE = 2 ** 30;

/**
 * The record events of `range`; null when `stillWanted` turned false (a newer view, a reset)
 * or the job cannot be built. Yields between slices so the live run and commands go on.
 */
export async function replayDetail(
  doc: PipelineDocument,
  config: Pick<RunConfig, 'time' | 'parallelism' | 'seed'>,
  range: DetailRange,
  yieldToMessages: () => Promise<void>,
  stillWanted: () => boolean,
): Promise<RecordEvent[] | null> {
  let job;
  try {
    job = createJob(doc, { ...config, stateBackend: 'heap', trace: { sampleEvery: KEEP_NONE } });
  } catch {
    return null;
  }
  const kept: RecordEvent[] = [];
  job.onTrace((e) => {
    if (e.type === 'record' && e.pt >= range.ptFrom && e.pt <= range.ptTo) kept.push(e);
  });
  const runBefore = async (before: number): Promise<boolean> => {
    while (job.status === 'running' && job.nextArrival() < before) {
      for (let n = 0; n < SLICE_RECORDS && job.nextArrival() < before; n++) job.step();
      await yieldToMessages();
      if (!stillWanted()) return false;
    }
    return true;
  };
  if (!(await runBefore(range.ptFrom))) return null;
  job.trace!.setSampleEvery(range.sampleEvery);
  // Records arriving exactly at the range's end belong to it.
  if (!(await runBefore(nextUp(range.ptTo)))) return null;
  // A job that failed in the range failed there live too: what came before still stands.
  return kept;
}

/** The smallest number above `x`: "up to and including x" for a loop that stops before. */
function nextUp(x: number): number {
  return x + Math.max(Number.EPSILON * Math.abs(x), Number.MIN_VALUE);
}
