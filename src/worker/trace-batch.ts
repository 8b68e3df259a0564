/**
 * The trace as it crosses from the engine Worker to the main thread: compact columnar batches.
 *
 * A run session sends one `TraceBatch` at most every ~50 ms of wall time (and after every
 * step). Each kind of trace event is a set of parallel columns (typed arrays, one entry per
 * event, in the order the engine emitted them), so a batch of thousands of events is a handful
 * of buffers that cross as transferables instead of thousands of cloned objects.
 *
 * Indexes, not strings:
 * - `op` columns index `SessionInfo.operators` (fixed for a session, in document order);
 *   `subtask` is the subtask index within that operator.
 * - `key` columns index the session's key table, which grows by deltas: a batch lists only the
 *   keys first seen in it (`keys.added`, starting at `keys.base`). `NO_KEY` marks unkeyed data.
 * - `id` columns are record ids, unique within an epoch: pass one to `describe(recordId)` for
 *   the record's fields. Record values are never streamed.
 *
 * This module is plain data and helpers with no engine code: the UI imports it directly.
 */
import type { Key } from '../engine/keygroups';
import type { OperatorKind } from '../engine/pipeline/document';
import type { SinkResult } from '../engine/runtime/job';
import type { CheckpointingConfig, RecoveryBatch, RestartStrategy } from './recovery-types';

/** Bumped whenever the layout of a batch changes. */
export const TRACE_BATCH_VERSION = 1;

/** A `key` column entry for records and windows that have no key (unkeyed streams, windowAll). */
export const NO_KEY = 0xffffffff;

/** A `result` column entry for window events that emit nothing (created, purged). */
export const NO_RESULT = -1;

/** An operator of the session, in the order `op` columns index them. */
export interface SessionOperator {
  uid: string;
  kind: OperatorKind;
  /** The node's label, or its uid when it has none. */
  label: string;
  parallelism: number;
  /** Position of this operator's subtask 0 in per-lane arrays such as `Progress.watermarks`. */
  firstLane: number;
}

/** How a session runs its job: the run configuration's switches. */
export interface SessionConfig {
  /** Whether windows follow event time or the processing-time clock. */
  time: 'event' | 'processing';
  stateBackend: 'heap' | 'indexeddb';
  /** Subtasks of every operator that does not set its own. */
  parallelism: number;
  /** Seeds the generators: the same document and seed give the same run. */
  seed: number;
  /** Processing time per wall second (0.1 to 1000), or 'max' for as fast as possible. */
  speed: Speed;
  /**
   * Checkpoints under a job master (interval in processing time, mode, retained count); with
   * it, failures can be injected and the job restarts under `restart`. Absent: a plain run.
   */
  checkpointing?: CheckpointingConfig;
  /** Defaults to no restart. */
  restart?: RestartStrategy;
}

export type Speed = number | 'max';

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;

/** What `start` tells the UI about the job it set up. */
export interface SessionInfo {
  operators: SessionOperator[];
  /** Sink uids, with the window whose late side output feeds them, if one does. */
  sinks: { uid: string; lateOutputOf: string | null }[];
  /** Records the sources will emit in all, when every source is bounded; else null. */
  recordsTotal: number | null;
  /** Number of operator subtask lanes (the length of `Progress.watermarks`). */
  lanes: number;
}

/**
 * The processing-time range the timeline shows, and how many records it wants to draw there.
 * Over time still to run, the live trace is sampled for it; over time already run more
 * sparsely than it asks for, a detail batch follows (see `TraceBatch.detail`).
 */
export interface TraceView {
  ptFrom: number;
  ptTo: number;
  maxEvents: number;
  /**
   * The timeline keeps the present in view: a run that outruns the range last reported is
   * still in view, one view's width at a time.
   */
  follow?: boolean;
}

/** A record's details for a tooltip: what `describe(recordId)` returns. */
export interface RecordDescription {
  id: number;
  /** Operator uid and subtask where the record was seen. */
  op: string;
  subtask: number;
  /** The record's fields as the user's functions see them. */
  value: unknown;
  eventTime: number;
  processingTime: number;
  key: Key | null;
  /** The windows of that operator subtask and key whose event-time range holds the record. */
  windows: { start: number | null; end: number | null; fired: boolean }[];
  /** Set for a late record: the watermark it was late against and where it went. */
  late: { watermark: number; behindBy: number; outcome: 'side-output' | 'dropped' } | null;
}

/** Records arriving at (`in`) or leaving (`out`) an operator subtask, sampled. */
export interface RecordColumns {
  id: Uint32Array;
  op: Uint16Array;
  subtask: Uint16Array;
  /** `RECORD_IN` (arrived at the operator) or `RECORD_OUT` (emitted by it; sources only emit). */
  dir: Uint8Array;
  /** Processing time of arrival (the job's virtual clock). */
  pt: Float64Array;
  /** Event time (the record's timestamp). */
  ts: Float64Array;
  /** Index into the key table, `NO_KEY` where the stream is not keyed at that operator. */
  key: Uint32Array;
}

export const RECORD_IN = 0;
export const RECORD_OUT = 1;

/** An operator subtask's watermark advanced (its combined input watermark). */
export interface WatermarkColumns {
  op: Uint16Array;
  subtask: Uint16Array;
  pt: Float64Array;
  /** The new watermark; -Infinity before the first and +Infinity at the end of input. */
  watermark: Float64Array;
}

/** An operator subtask became idle (1) or active again (0): idle inputs hold no watermark back. */
export interface IdlenessColumns {
  op: Uint16Array;
  subtask: Uint16Array;
  pt: Float64Array;
  idle: Uint8Array;
}

export const WINDOW_CREATED = 0;
export const WINDOW_FIRED = 1;
export const WINDOW_PURGED = 2;
export type WindowAction = typeof WINDOW_CREATED | typeof WINDOW_FIRED | typeof WINDOW_PURGED;

/** A window (of one key, in one subtask) was created by its first record, fired, or purged. */
export interface WindowColumns {
  op: Uint16Array;
  subtask: Uint16Array;
  /** `WINDOW_CREATED`, `WINDOW_FIRED` or `WINDOW_PURGED`. */
  action: Uint8Array;
  key: Uint32Array;
  /** Event-time range [start, end); NaN for the global window, which has none. */
  start: Float64Array;
  end: Float64Array;
  pt: Float64Array;
  /** The operator's watermark at that moment (for a firing: the watermark that fired it). */
  watermark: Float64Array;
  /** For a firing: index into the session's table of fired results (`firedResults`). */
  result: Int32Array;
}

export const LATE_SIDE_OUTPUT = 0;
export const LATE_DROPPED = 1;
export type LateOutcome = typeof LATE_SIDE_OUTPUT | typeof LATE_DROPPED;

/** A record came too late for every window it belongs to. */
export interface LateColumns {
  /** Record id: `describe` says why it was late. */
  id: Uint32Array;
  op: Uint16Array;
  subtask: Uint16Array;
  pt: Float64Array;
  ts: Float64Array;
  key: Uint32Array;
  /** The watermark it was late against. */
  watermark: Float64Array;
  /** `LATE_SIDE_OUTPUT` (diverted to the late output) or `LATE_DROPPED`. */
  outcome: Uint8Array;
}

export const BARRIER_RECEIVED = 0;
export const BARRIER_ALIGNED = 1;

/** Checkpoint barriers: received on one input channel, or aligned on all of them. */
export interface BarrierColumns {
  op: Uint16Array;
  subtask: Uint16Array;
  pt: Float64Array;
  checkpoint: Uint32Array;
  /** `BARRIER_RECEIVED` or `BARRIER_ALIGNED` (the subtask snapshots its state). */
  action: Uint8Array;
  /** Input channel of a received barrier; -1 for an alignment. */
  channel: Int32Array;
}

/** One operator's badge figures, summed (or, for the watermark, the minimum) over subtasks. */
export interface OperatorProgress {
  recordsIn: number;
  recordsOut: number;
  watermark: number;
  openWindows: number;
  stateEntries: number;
  lateRecordsDropped: number;
  firings: number;
}

/** Where the session stands; `paused` also after a step or a seek. */
export type SessionState = 'idle' | 'running' | 'paused' | 'finished' | 'failed' | 'canceled';

export interface Progress {
  state: SessionState;
  /** Records the sources have emitted. */
  recordsProcessed: number;
  /** Records the sources will emit in all, when every source is bounded; else null. */
  recordsTotal: number | null;
  /** Source records per wall-clock second over the last second or so. */
  ratePerSecond: number;
  /** The job's virtual processing-time clock. */
  processingTime: number;
  /** Current watermark per operator subtask lane (see `SessionOperator.firstLane`). */
  watermarks: Float64Array;
  /** Per operator, in `SessionInfo.operators` order. */
  operators: OperatorProgress[];
  /** One in this many record events is sent (1 = every one). */
  sampleEvery: number;
  /** Set when the job failed: the operator that failed, when one did, and why. */
  failure: { operatorUid: string | null; message: string } | null;
}

/** A late record diverted to a window's late side output, with its value. */
export interface SideOutputRecord {
  id: number;
  op: number;
  subtask: number;
  pt: number;
  ts: number;
  value: unknown;
}

export interface TraceBatch {
  version: typeof TRACE_BATCH_VERSION;
  /**
   * Bumped by `reset` and `seek`: a batch of a newer epoch starts the trace over (drop all
   * events, keys and results held so far; record ids start again).
   */
  epoch: number;
  /** Position of this batch within its epoch, from 0: a gap means a lost batch. */
  seq: number;
  /** Keys first seen in this batch; their indexes are `base`, `base + 1`, ... */
  keys: { base: number; added: Key[] };
  records: RecordColumns;
  watermarks: WatermarkColumns;
  idleness: IdlenessColumns;
  windows: WindowColumns;
  late: LateColumns;
  barriers: BarrierColumns;
  /** Values of windows fired in this batch; `WindowColumns.result` indexes from `base`. */
  firedResults: { base: number; added: unknown[] };
  /** What the sinks received in this batch, in order. */
  results: SinkResult[];
  /** Late records that went to a late side output in this batch, with their values. */
  sideOutput: SideOutputRecord[];
  progress: Progress;
  /**
   * Set on a batch of detail for processing time already run (the view zoomed in on the
   * past, see `setView`): its records replace every record held with a processing time in
   * [ptFrom, ptTo]. It holds records only (and the keys they bring); all else was sent live.
   */
  detail?: { ptFrom: number; ptTo: number };
  /**
   * Sessions with checkpointing only: the state of each result, checkpoints completed or
   * failed, and the job's failures, restarts and restores since the last batch.
   */
  recovery?: RecoveryBatch;
}

/** The buffers of a batch, to hand to `postMessage` / `Comlink.transfer`. */
export function transferablesOf(batch: TraceBatch): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  const columns = [
    batch.records,
    batch.watermarks,
    batch.idleness,
    batch.windows,
    batch.late,
    batch.barriers,
  ];
  for (const group of columns) {
    for (const column of Object.values(group) as ArrayBufferView[]) {
      buffers.push(column.buffer as ArrayBuffer);
    }
  }
  buffers.push(batch.progress.watermarks.buffer as ArrayBuffer);
  return buffers;
}

/** Number of events of each kind in a batch. */
export function batchSize(batch: TraceBatch): number {
  return (
    batch.records.id.length +
    batch.watermarks.op.length +
    batch.idleness.op.length +
    batch.windows.op.length +
    batch.late.id.length +
    batch.barriers.op.length
  );
}

/**
 * The session's growing tables (keys, fired results) on the receiving side: apply every batch
 * in order, then look indexes up. A batch of a newer epoch clears them first.
 */
export class TraceTables {
  readonly keys: Key[] = [];
  readonly firedResults: unknown[] = [];
  private epoch = -1;

  apply(batch: TraceBatch): void {
    if (batch.epoch !== this.epoch) {
      this.epoch = batch.epoch;
      this.keys.length = 0;
      this.firedResults.length = 0;
    }
    if (
      batch.keys.base !== this.keys.length ||
      batch.firedResults.base !== this.firedResults.length
    ) {
      throw new Error(
        `Trace batch ${batch.seq} of epoch ${batch.epoch} does not follow the last one.`,
      );
    }
    this.keys.push(...batch.keys.added);
    this.firedResults.push(...batch.firedResults.added);
  }

  /** The key at an index of a `key` column; undefined for `NO_KEY`. */
  key(index: number): Key | undefined {
    return index === NO_KEY ? undefined : this.keys[index];
  }
}
