/**
 * Checkpoints and savepoints: everything needed to continue a job as if nothing happened.
 * Per source its offset and watermark state; per operator subtask its keyed state by key
 * group, its timers, and its watermark with its inputs' watermarks and alignment. (Flink
 * does not snapshot watermarks; keeping them makes a recovered run equal a failure-free one.)
 * The file format is versioned: bump SAVEPOINT_VERSION only together with a migration.
 */
import type { Key } from '../keygroups';
import type { KeyGroupState } from '../state/keyed-state';
import { deserializeState, serializeState } from '../state/serialization';
import type { WindowId } from '../windowing/window';
import type { ValveSnapshot } from './watermark-valve';

export const SAVEPOINT_FORMAT = 'tidemark-savepoint';
export const SAVEPOINT_VERSION = 1;

export interface SourceState {
  offset: number;
  maxTimestamp: number;
  emittedWatermark: number;
  idle: boolean;
  lastArrival: number;
  nextPeriodic: number;
}

export interface TimerState {
  time: number;
  key: Key;
  keyGroup: number;
  namespace: unknown;
  namespaceId: WindowId;
}

export interface SubtaskState {
  index: number;
  valve: ValveSnapshot;
  eventTimers: TimerState[];
  processingTimers: TimerState[];
  keyGroups: KeyGroupState[];
}

export interface JobSnapshot {
  format: typeof SAVEPOINT_FORMAT;
  version: typeof SAVEPOINT_VERSION;
  /** The checkpoint (or savepoint) id; a restored job numbers its next one after it. */
  checkpointId: number;
  pipelineName: string;
  backend: 'heap' | 'indexeddb';
  maxParallelism: number;
  processingTime: number;
  sources: { uid: string; parallelism: number; subtasks: SourceState[] }[];
  operators: {
    uid: string;
    kind: string;
    /** What the state means, e.g. "window/tumbling/count"; must match on restore. */
    layout: string;
    parallelism: number;
    subtasks: SubtaskState[];
  }[];
}

export class SavepointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SavepointError';
  }
}

export function serializeSnapshot(snapshot: JobSnapshot): string {
  return serializeState(snapshot);
}

/** Reads a savepoint file, saying in plain words what is wrong with a bad one. */
export function parseSnapshot(text: string): JobSnapshot {
  let value: unknown;
  try {
    value = deserializeState(text);
  } catch (e) {
    throw new SavepointError(
      `This file is not a savepoint: it is not valid JSON (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
  const s = value as Partial<JobSnapshot> | null;
  if (typeof s !== 'object' || s === null || s.format !== SAVEPOINT_FORMAT) {
    throw new SavepointError(
      'This file is not a Tidemark savepoint (its "format" field is missing).',
    );
  }
  if (s.version !== SAVEPOINT_VERSION) {
    throw new SavepointError(
      `This savepoint has format version ${String(s.version)}; this version of Tidemark reads version ${SAVEPOINT_VERSION}.`,
    );
  }
  if (
    !Array.isArray(s.sources) ||
    !Array.isArray(s.operators) ||
    typeof s.processingTime !== 'number'
  ) {
    throw new SavepointError('This savepoint is damaged: its sources or operators are missing.');
  }
  return s as JobSnapshot;
}
