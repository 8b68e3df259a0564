/** Where the run session stands: its phase, what the worker said about it, and its progress. */
import type { StateCreator } from 'zustand';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import type { BreakpointHit } from '../../../worker/breakpoints';
import type { HangReport } from '../../../worker/client';
import type { Progress, SessionInfo, SessionState } from '../../../worker/trace-batch';
import type { RunStoreState } from './run-store';

/**
 * `none` before any run; `starting` while the worker sets the job up; the session's own states
 * after; `hung` once the watchdog stopped the engine; `error` when the engine could not be
 * reached or refused the job.
 */
export type RunPhase = 'none' | 'starting' | SessionState | 'hung' | 'error';

export interface SessionFailure {
  operatorUid: string | null;
  message: string;
}

export interface SessionSlice {
  phase: RunPhase;
  /** The document the session runs, so panels can say when the editor has moved on. */
  doc: PipelineDocument | null;
  info: SessionInfo | null;
  progress: Progress | null;
  /** The furthest processing time this session has reached, over every re-run: the scrubber's end. */
  horizon: number;
  failure: SessionFailure | null;
  hang: HangReport | null;
  /** A command (step, seek, reset) the worker is still doing. */
  busy: boolean;
  /** The breakpoint the run is paused at, as the last batch said; null when it is not. */
  pausedAt: BreakpointHit | null;
  /** "Show in timeline" was asked for: the timeline brings the breakpoint's event into view. */
  revealing: boolean;
  /** The hit the timeline last brought into view (`hitKey`), and the row of its window. */
  revealedHit: { hit: string; window: number | null } | null;
  reveal(): void;
  revealed(shown: { hit: string; window: number | null }): void;
  setPhase(phase: RunPhase): void;
  setBusy(busy: boolean): void;
}

export const createSessionSlice: StateCreator<RunStoreState, [], [], SessionSlice> = (set) => ({
  phase: 'none',
  doc: null,
  info: null,
  progress: null,
  horizon: 0,
  failure: null,
  hang: null,
  busy: false,
  pausedAt: null,
  revealing: false,
  revealedHit: null,
  reveal() {
    set({ revealing: true });
  },
  revealed(shown) {
    set({ revealing: false, revealedHit: shown });
  },
  setPhase(phase) {
    set({ phase });
  },
  setBusy(busy) {
    set({ busy });
  },
});
