/**
 * Feeds the recovery store from the run: every frame's batches, and a fresh history whenever
 * a new session begins. The editor shell connects the app's stores once.
 */
import { runController, useRunStore } from '../run';
import type { RunController } from '../run/run-controller';
import type { RunStore } from '../run/store/run-store';
import { useRecoveryStore, type RecoveryStore } from './recovery-store';

export function connectStores(
  controller: RunController,
  runStore: RunStore,
  recovery: RecoveryStore,
): () => void {
  const stopBatches = controller.onBatches((batches) => recovery.getState().ingest(batches));
  const stopSessions = runStore.subscribe((now, before) => {
    if (now.info === null && before.info !== null) recovery.getState().clear();
  });
  return () => {
    stopBatches();
    stopSessions();
  };
}

let connected = false;

export function connectRecovery(): void {
  if (connected) return;
  connected = true;
  connectStores(runController(), useRunStore, useRecoveryStore);
}
