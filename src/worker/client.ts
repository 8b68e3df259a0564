/**
 * The main thread's handle on the engine. Only types come from the engine side, so no engine
 * code lands in the main bundle: it all runs in the Worker this module starts.
 */
import * as Comlink from 'comlink';
import type { Endpoint, Remote } from 'comlink';
import type { EngineApi } from './engine-api';

export type { EngineApi, RunFailure, RunOptions, RunOutcome } from './engine-api';
export type Engine = Remote<EngineApi>;

let shared: Engine | undefined;

/** The one engine Worker, started on first use. */
export function engine(): Engine {
  shared ??= connectEngine(
    new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' }),
  );
  return shared;
}

/** The engine API over any message endpoint that serves it (a Worker, or a port in tests). */
export function connectEngine(endpoint: Endpoint): Engine {
  return Comlink.wrap<EngineApi>(endpoint);
}
