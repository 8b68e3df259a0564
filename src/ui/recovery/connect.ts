/**
 * Feeds the recovery store from the run: every frame's batches, and a fresh history whenever
 * a new session begins. The editor shell connects the app's stores once.
 */
import { runController, useRunStore } from '../run';
import type { RunController } from '../run/run-controller';
import type { RunStore } from '../run/store/run-store';
import { useBarrierStore, type BarrierStore } from './barrier-store';
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

/** Feeds the barrier tracker: the session's document and operators, then its batches. */
export function connectBarriers(
  controller: RunController,
  runStore: RunStore,
  barriers: BarrierStore,
): () => void {
  const stopBatches = controller.onBatches((batches) => barriers.getState().ingest(batches));
  const stopSessions = runStore.subscribe((now, before) => {
    if (now.info !== null && now.info !== before.info && now.doc !== null) {
      barriers.getState().start(now.doc, now.info.operators);
    }
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
  connectBarriers(runController(), useRunStore, useBarrierStore);
}
