/**
 * One run of a pipeline from start to the end of its bounded sources (or up to a processing
 * time): how the CLI and the editor's Run button drive a job, so both give the same results.
 */
import type { PipelineDocument } from '../pipeline/document';
import { createJob, InvalidPipelineError } from './create-job';
import type { JobFailure, JobStatus, RunConfig, SinkResult } from './job';
import type { TraceEvent } from './trace';

export interface RunJobOptions {
  /** Stop once the processing-time clock reaches this; by default run through the end of input. */
  until?: number;
  onResult?: (result: SinkResult) => void;
  /** Needs `config.trace` to be set. */
  onTrace?: (event: TraceEvent) => void;
}

/** A job that could not be built (invalid document, code that does not compile) never started. */
export type JobRun =
  | { started: false; failure: JobFailure }
  | {
      started: true;
      status: JobStatus;
      failure: JobFailure | null;
      processingTime: number;
      /** Records the sources emitted. */
      recordsIn: number;
    };

export function runJob(
  doc: PipelineDocument,
  config: RunConfig,
  options: RunJobOptions = {},
): JobRun {
  let job;
  try {
    job = createJob(doc, config);
  } catch (e) {
    return { started: false, failure: failureOf(e) };
  }
  const endless = doc.nodes.find((n) => n.kind === 'source.generator' && n.params.count === null);
  if (options.until === undefined && endless !== undefined) {
    const message = `Source "${endless.uid}" is endless, so a run to the end of input never ends: set its number of records, or run up to a processing time.`;
    return { started: false, failure: { operatorUid: endless.uid, message } };
  }
  if (options.onResult !== undefined) job.onResult(options.onResult);
  if (options.onTrace !== undefined) job.onTrace(options.onTrace);

  if (options.until !== undefined) job.advanceProcessingTime(options.until);
  else job.runUntil('end');

  const recordsIn = job.metrics().sources.reduce((sum, s) => sum + s.recordsOut, 0);
  return {
    started: true,
    status: job.status,
    failure: job.failure,
    processingTime: job.processingTime,
    recordsIn,
  };
}

function failureOf(e: unknown): JobFailure {
  if (e instanceof InvalidPipelineError) {
    return { operatorUid: e.problems[0]?.nodeUid ?? null, message: e.message };
  }
  const operatorUid =
    typeof e === 'object' && e !== null && 'operatorUid' in e ? String(e.operatorUid) : null;
  return { operatorUid, message: e instanceof Error ? e.message : String(e) };
}
