import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CONFIG } from '../run/config';
import { exportOptionsFrom } from './run-options';

describe('exportOptionsFrom', () => {
  it('maps a plain run onto a cluster job with default checkpoints', () => {
    expect(exportOptionsFrom(DEFAULT_RUN_CONFIG)).toEqual({
      parallelism: 1,
      stateBackend: 'hashmap',
      timeMode: 'event',
      checkpointIntervalMs: 10_000,
      checkpointMode: 'exactly-once',
    });
  });

  it('takes parallelism, time, the state backend and checkpointing from the run', () => {
    expect(
      exportOptionsFrom({
        ...DEFAULT_RUN_CONFIG,
        parallelism: 4,
        time: 'processing',
        stateBackend: 'indexeddb',
        checkpointing: { mode: 'at-least-once', intervalMs: 2_000, retained: 1 },
      }),
    ).toEqual({
      parallelism: 4,
      stateBackend: 'rocksdb',
      timeMode: 'processing',
      checkpointIntervalMs: 2_000,
      checkpointMode: 'at-least-once',
    });
  });

  it('turns checkpointing off when the run has it off or only on demand', () => {
    for (const checkpointing of [
      { mode: 'off', intervalMs: 1_000, retained: 1 },
      { mode: 'exactly-once', intervalMs: null, retained: 1 },
    ] as const) {
      expect(
        exportOptionsFrom({ ...DEFAULT_RUN_CONFIG, checkpointing }).checkpointIntervalMs,
      ).toBeNull();
    }
  });
});
