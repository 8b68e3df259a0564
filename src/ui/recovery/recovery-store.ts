/**
 * The recovery UI's store: the session's recovery log (checkpoints, job events, result
 * states), the savepoint list as last read, and the exactly-once proof's last outcome.
 */
import { create } from 'zustand';
import type { ProofOutcome } from '../../worker/recovery-types';
import type { TraceBatch } from '../../worker/trace-batch';
import { RecoveryLog } from './recovery-log';
import type { SavepointSummary } from './savepoint-store';

export type ProofState =
  { phase: 'idle' } | { phase: 'running' } | { phase: 'done'; outcome: ProofOutcome };

export interface RecoveryState {
  log: RecoveryLog;
  /** Bumped whenever `log` grows in place. */
  version: number;
  savepoints: SavepointSummary[];
  proof: ProofState;
  ingest(batches: readonly TraceBatch[]): void;
  /** A new session: the last one's history goes. */
  clear(): void;
  setSavepoints(list: SavepointSummary[]): void;
  setProof(proof: ProofState): void;
}

export function createRecoveryStore() {
  return create<RecoveryState>()((set, get) => ({
    log: new RecoveryLog(),
    version: 0,
    savepoints: [],
    proof: { phase: 'idle' },
    ingest(batches) {
      if (get().log.ingest(batches)) set((s) => ({ version: s.version + 1 }));
    },
    clear() {
      set((s) => ({ log: new RecoveryLog(), version: s.version + 1 }));
    },
    setSavepoints(savepoints) {
      set({ savepoints });
    },
    setProof(proof) {
      set({ proof });
    },
  }));
}

export type RecoveryStore = ReturnType<typeof createRecoveryStore>;

export const useRecoveryStore = createRecoveryStore();

export const selectLog = (s: RecoveryState) => s.log;
export const selectVersion = (s: RecoveryState) => s.version;
export const selectSavepoints = (s: RecoveryState) => s.savepoints;
export const selectProof = (s: RecoveryState) => s.proof;
