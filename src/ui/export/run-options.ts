/**
 * The run configuration as export options: what the user ran in the playground is what the
 * exported job is configured with, in Flink's terms.
 */
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../export';
import type { RunConfig } from '../run/config';

export function exportOptionsFrom(config: RunConfig): ExportOptions {
  const checkpointing = config.checkpointing;
  // A plain playground run has no checkpoints; a cluster job should, so it gets the default.
  const checkpoints =
    checkpointing === undefined
      ? {
          checkpointIntervalMs: DEFAULT_EXPORT_OPTIONS.checkpointIntervalMs,
          checkpointMode: DEFAULT_EXPORT_OPTIONS.checkpointMode,
        }
      : checkpointing.mode === 'off' || checkpointing.intervalMs === null
        ? { checkpointIntervalMs: null, checkpointMode: DEFAULT_EXPORT_OPTIONS.checkpointMode }
        : { checkpointIntervalMs: checkpointing.intervalMs, checkpointMode: checkpointing.mode };
  return {
    parallelism: config.parallelism,
    // The heap backend keeps state in memory as HashMapStateBackend does; IndexedDB spills to
    // storage as RocksDB does.
    stateBackend: config.stateBackend === 'indexeddb' ? 'rocksdb' : 'hashmap',
    timeMode: config.time,
    ...checkpoints,
  };
}
