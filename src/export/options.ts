/**
 * What an export is configured with and what it returns. The run configuration in the editor
 * maps onto these options; anything left out takes the default.
 */

/** The Flink release the generated SQL and Java target (the SESSION windowing TVF needs 1.19+). */
export const FLINK_VERSION = '1.20.0';

export type FlinkStateBackend = 'hashmap' | 'rocksdb';
export type CheckpointMode = 'exactly-once' | 'at-least-once';
export type TimeMode = 'event' | 'processing';

export interface ExportOptions {
  parallelism: number;
  stateBackend: FlinkStateBackend;
  /** null turns checkpointing off. */
  checkpointIntervalMs: number | null;
  checkpointMode: CheckpointMode;
  timeMode: TimeMode;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  parallelism: 1,
  stateBackend: 'hashmap',
  checkpointIntervalMs: 10_000,
  checkpointMode: 'exactly-once',
  timeMode: 'event',
};

export interface ExportedFile {
  path: string;
  content: string;
}

/** Why a target could not express something: a stable code the panel translates. */
export type UnsupportedReason =
  | 'leftOut'
  | 'javascript'
  | 'javaTodo'
  | 'lateOutput'
  | 'allowedLateness'
  | 'countWindow'
  | 'broadcast'
  | 'nestedFields'
  | 'scriptSteps';

/** Something in the pipeline the target cannot say; the panel lists these. */
export interface Unsupported {
  nodeUid: string;
  reason: UnsupportedReason;
  /** In English, as the generated comments are. */
  what: string;
  why: string;
}

export interface ExportResult {
  files: ExportedFile[];
  unsupported: Unsupported[];
}

export function resolveOptions(options: Partial<ExportOptions> = {}): ExportOptions {
  return { ...DEFAULT_EXPORT_OPTIONS, ...options };
}
