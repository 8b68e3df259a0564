/** The run configuration's defaults and the speeds the speed control offers. */
import type { Breakpoints } from '../../worker/breakpoints';
import type { SessionConfig, Speed } from '../../worker/trace-batch';

/** The session's switches, and where play stops by itself (sent to each session it starts). */
export type RunConfig = SessionConfig & { breakpoints: Breakpoints };

export const DEFAULT_RUN_CONFIG: RunConfig = {
  time: 'event',
  stateBackend: 'heap',
  parallelism: 1,
  seed: 0,
  speed: 10,
  breakpoints: {
    windowFires: false,
    lateRecord: false,
    checkpointCompletes: false,
    operatorUid: null,
  },
};

/** Speeds on the control, slowest first; the worker clamps anything else to 0.1x..1000x. */
export const SPEEDS: readonly Speed[] = [0.1, 0.5, 1, 2, 5, 10, 100, 1000, 'max'];

export const MAX_PARALLELISM = 16;
