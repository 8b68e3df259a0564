/**
 * The main thread's handle on the engine. Only types come from the engine side, so no engine
 * code lands in the main bundle: it all runs in the Worker this module starts.
 */
import * as Comlink from 'comlink';
import type { Endpoint, Remote } from 'comlink';
import type { EngineApi } from './engine-api';
import { EngineWatchdog } from './watchdog';

export type { EngineApi, RunFailure, RunOptions, RunOutcome } from './engine-api';
export type { SessionStart, StepKind } from './run-session';
export type {
  CheckpointRecord,
  DiffResult,
  DryRunResult,
  FailureTarget,
  JobEvent,
  ProofOptions,
  ProofOutcome,
  RecoveryBatch,
  SavepointDownload,
  SavepointFileError,
  SavepointMeta,
  StateDiff,
  StateInspection,
  StateQuery,
} from './recovery-types';
export type { HangReport, WatchdogState } from './watchdog';
export { EngineStoppedError, EngineWatchdog } from './watchdog';
export type Engine = Remote<EngineApi>;

let shared: EngineWatchdog | undefined;

/** The watchdog over the one engine Worker: hang reports, and a restart after one. */
export function engineWatchdog(): EngineWatchdog {
  shared ??= new EngineWatchdog({
    spawn: () =>
      new Worker(new URL('./engine.worker.ts', import.meta.url), {
        type: 'module',
        name: 'engine',
      }),
  });
  return shared;
}

/** The engine in its Worker, started on first use and watched for hangs. */
export function engine(): Engine {
  return engineWatchdog().engine;
}

/** The engine API over any message endpoint that serves it (a Worker, or a port in tests). */
export function connectEngine(endpoint: Endpoint): Engine {
  return Comlink.wrap<EngineApi>(endpoint);
}
