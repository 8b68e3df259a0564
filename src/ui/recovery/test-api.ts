/**
 * The recovery part of the test-only `window.__tidemark`: result states, checkpoints and job
 * events as data, so e2e tests compare committed output rather than reading tables.
 */
import type { SinkResult } from '../../engine/runtime/job';
import type { CheckpointRecord, JobEvent, ResultState } from '../../worker/recovery-types';
import { runController } from '../run';
import { useRecoveryStore } from './recovery-store';

export interface RecoveryTestApi {
  status(): { attempt: number; status: string | null };
  counts(): Record<ResultState, number>;
  /** The results whose state is committed, in the order the sinks received them. */
  committed(): SinkResult[];
  checkpoints(): CheckpointRecord[];
  events(): JobEvent[];
}

export function recoveryTestApi(): RecoveryTestApi {
  const log = () => {
    runController().flush();
    return useRecoveryStore.getState().log;
  };
  return {
    status: () => ({ attempt: log().attempt, status: log().status }),
    counts: () => ({ ...log().counts }),
    committed: () => {
      const states = log().states;
      const all = runController().store.getState().results.all();
      return structuredClone(all.filter((_, i) => states[i] === 'committed'));
    },
    checkpoints: () => structuredClone(log().checkpoints),
    events: () => structuredClone(log().events),
  };
}
