/**
 * The app's one run controller: the engine Worker behind its watchdog, the app's run store,
 * and animation frames. A hang the watchdog reports lands in the store; `restartEngine` starts
 * a fresh engine after one.
 */
import { EngineStoppedError, engine, engineWatchdog } from '../../worker/client';
import type { RunEngine } from './run-controller';
import { RunController } from './run-controller';
import { useRunStore } from './store/run-store';

let controller: RunController | undefined;

export function runController(): RunController {
  if (controller === undefined) {
    const created = new RunController(
      // Remote<EngineApi> types the batch callback as proxied; the watchdog proxies it itself.
      () => engine() as unknown as RunEngine,
      useRunStore,
      (fn) => requestAnimationFrame(fn),
      (error) => error instanceof EngineStoppedError,
    );
    engineWatchdog().onHang((report) => useRunStore.getState().hung(report));
    controller = created;
  }
  return controller;
}

/** A fresh engine Worker after a hang; the stopped session is gone with the old one. */
export function restartEngine(): void {
  engineWatchdog().restart();
  runController().clear();
}
