/**
 * The run store: the session the toolbar controls, the panels read and the canvas badges
 * show. One zustand store from typed slices; the controller (run-controller.ts) writes it.
 */
import { create } from 'zustand';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import type { HangReport } from '../../../worker/client';
import type { SessionInfo } from '../../../worker/trace-batch';
import { emptySeries } from '../metrics';
import { ResultLog } from '../result-log';
import { createConfigSlice, type ConfigSlice } from './config-slice';
import { createSessionSlice, type SessionFailure, type SessionSlice } from './session-slice';
import { createTraceSlice, type TraceSlice } from './trace-slice';

export interface LifecycleSlice {
  /** A new session for `doc` is being set up: everything of the last one goes. */
  begin(doc: PipelineDocument): void;
  started(info: SessionInfo): void;
  /** The worker refused the job or could not be reached. */
  failed(failure: SessionFailure): void;
  /** The watchdog stopped a hung engine; null until (or when) its report names no operator. */
  hung(report: HangReport | null): void;
  /** Back to no session (after a restart of the engine). */
  clear(): void;
}

export type RunStoreState = ConfigSlice & SessionSlice & TraceSlice & LifecycleSlice;

const fresh = () => ({
  info: null,
  progress: null,
  horizon: 0,
  failure: null,
  hang: null,
  busy: false,
  pausedAt: null,
  revealing: false,
  revealedHit: null,
  epoch: -1,
  results: new ResultLog(),
  metrics: emptySeries(0),
  badges: {},
});

export function createRunStore() {
  return create<RunStoreState>()((...a) => {
    const [set] = a;
    return {
      ...createConfigSlice(...a),
      ...createSessionSlice(...a),
      ...createTraceSlice(...a),
      begin(doc) {
        set((s) => ({ ...fresh(), doc, phase: 'starting', resultsVersion: s.resultsVersion + 1 }));
      },
      started(info) {
        set({ info, phase: 'idle', metrics: emptySeries(info.operators.length) });
      },
      failed(failure) {
        set({ phase: 'error', failure, busy: false });
      },
      hung(hang) {
        set({ phase: 'hung', hang, busy: false });
      },
      clear() {
        set((s) => ({
          ...fresh(),
          doc: null,
          phase: 'none',
          resultsVersion: s.resultsVersion + 1,
        }));
      },
    };
  });
}

export type RunStore = ReturnType<typeof createRunStore>;

/** The app's run store. */
export const useRunStore = createRunStore();
