/** The run configuration's defaults and the speeds the speed control offers. */
import type { SessionConfig, Speed } from '../../worker/trace-batch';

export type RunConfig = SessionConfig;

export const DEFAULT_RUN_CONFIG: RunConfig = {
  time: 'event',
  stateBackend: 'heap',
  parallelism: 1,
  seed: 0,
  speed: 10,
};

/** Speeds on the control, slowest first; the worker clamps anything else to 0.1x..1000x. */
export const SPEEDS: readonly Speed[] = [0.1, 0.5, 1, 2, 5, 10, 100, 1000, 'max'];

export const MAX_PARALLELISM = 16;
