/**
 * Feeds the recovery store from the run: every frame's batches, and a fresh history whenever
 * a new session begins. Called once by the editor shell.
 */
import { runController, useRunStore } from '../run';
import { useRecoveryStore } from './recovery-store';

let connected = false;

export function connectRecovery(): void {
  if (connected) return;
  connected = true;
  runController().onBatches((batches) => useRecoveryStore.getState().ingest(batches));
  useRunStore.subscribe((now, before) => {
    if (now.info === null && before.info !== null) useRecoveryStore.getState().clear();
  });
}
