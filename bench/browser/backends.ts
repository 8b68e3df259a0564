/** MasterConfigs for the two keyed state backends, and the databases they leave to delete. */
import type { CheckpointingConfig, MasterConfig } from '../../src/engine/runtime/job-master';
import { IndexedDbKeyedStateBackend } from '../../src/engine/state/indexeddb/backend';
import { StateStore } from '../../src/engine/state/indexeddb/store';

export type BackendName = 'heap' | 'indexeddb';

export interface BackendOptions {
  checkpointing: CheckpointingConfig;
  /** IndexedDB only; the backend's default when absent. */
  cacheEntries?: number;
  maxParallelism?: number;
}

export interface Backend {
  config: MasterConfig;
  /** Closes and deletes every database the job opened. */
  dispose(): Promise<void>;
}

// Databases outlive a page load in a real profile: the time keeps names fresh anyway.
const runId = Date.now().toString(36);
let databases = 0;

export function backend(name: BackendName, options: BackendOptions): Backend {
  const stores: StateStore[] = [];
  const config: MasterConfig = {
    time: 'event',
    stateBackend: name,
    parallelism: 1,
    ...(options.maxParallelism !== undefined ? { maxParallelism: options.maxParallelism } : {}),
    seed: 0,
    checkpointing: options.checkpointing,
    restart: { kind: 'none' },
    // Checkpoint stats then carry the engine's own duration, beside ours around the call.
    wallClock: () => performance.now(),
  };
  if (name === 'indexeddb') {
    // A fresh database per attempt, as the app's worker does.
    config.keyedStateForAttempt = async () => {
      const store = await StateStore.open({
        factory: self.indexedDB,
        name: `bench-${runId}-${databases++}`,
      });
      stores.push(store);
      return (operatorUid, keyGroupRange) =>
        new IndexedDbKeyedStateBackend(store, {
          operatorUid,
          keyGroupRange,
          ...(options.cacheEntries !== undefined ? { cacheEntries: options.cacheEntries } : {}),
        });
    };
  }
  return {
    config,
    async dispose() {
      for (const store of stores.splice(0)) await store.destroy();
    },
  };
}

export const ON_DEMAND: CheckpointingConfig = {
  mode: 'at-least-once',
  intervalMs: null,
  retained: 1,
};
