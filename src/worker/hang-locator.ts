/**
 * Finds the operator a run hangs in, after the watchdog stopped a worker that stopped
 * answering. The engine is deterministic, so a fresh worker replays the same run: quickly (a
 * mark every few records) up to where the stopped one last marked its progress, then record by
 * record, naming each operator just before its function runs. The replay hangs again where the
 * first run did, and the last name it gave is the operator's.
 */
import type { PipelineDocument } from '../engine/pipeline/document';
import { createJob } from '../engine/runtime/create-job';
import type { RunConfig } from '../engine/runtime/job';

/** Where the replay is: records processed so far, and the operator it is entering. */
export interface HangNotices {
  mark(recordsProcessed: number): void;
  enter(operatorUid: string): void;
}

/** Records between marks while replaying quickly. */
export const MARK_EVERY = 1024;

/** A replay that ended on its own: the run does not hang here (or no longer). */
export interface Replayed {
  hung: false;
  recordsProcessed: number;
}

export function replayToHang(
  doc: PipelineDocument,
  config: Pick<RunConfig, 'time' | 'parallelism' | 'seed'>,
  namedFrom: number,
  notices: HangNotices,
): Replayed {
  // Tracing runs at a rate that keeps nothing until the replay names operators.
  const job = createJob(doc, { ...config, stateBackend: 'heap', trace: { sampleEvery: 2 ** 30 } });
  let naming = false;
  job.onTrace((e) => {
    if (naming && e.type === 'record' && e.dir === 'in') notices.enter(e.op);
  });
  let records = 0;
  while (job.status === 'running' && job.nextArrival() !== Infinity) {
    notices.mark(records);
    if (records < namedFrom) {
      records += job.runUntil('idle', Math.min(MARK_EVERY, namedFrom - records));
      continue;
    }
    if (!naming) {
      naming = true;
      job.trace!.setSampleEvery(1);
    }
    job.step();
    records++;
  }
  if (job.status === 'running') job.drain();
  return { hung: false, recordsProcessed: records };
}
