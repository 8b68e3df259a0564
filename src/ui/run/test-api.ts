/**
 * The run's part of the test-only `window.__tidemark`: e2e tests read the session, its results
 * and the timeline model's counts instead of pixels, and drive the run configuration.
 */
import type { SinkResult } from '../../engine/runtime/job';
import type { BreakpointHit, Breakpoints } from '../../worker/breakpoints';
import type { SideOutputRecord } from '../../worker/trace-batch';
import { summarizeTimeline, type TimelineSummary } from '../timeline/summary';
import { runController } from './app-run';
import type { RunConfig } from './config';
import type { RunPhase } from './store/session-slice';

export interface RunTestApi {
  phase(): RunPhase;
  progress(): {
    recordsProcessed: number;
    recordsTotal: number | null;
    processingTime: number;
  } | null;
  /** What the sinks received, in arrival order per sink. */
  results(): SinkResult[];
  sideOutput(): SideOutputRecord[];
  /** What the timeline holds (its firings with their results), and how much of it is in view. */
  timeline(): TimelineSummary & { visible: number; watermarks: number };
  hang(): { operatorUid: string | null } | null;
  setConfig(patch: Partial<RunConfig>): void;
  /** Where play stops, as the run configuration holds it. */
  breakpoints(): Breakpoints;
  setBreakpoints(patch: Partial<Breakpoints>): Promise<void>;
  /** The breakpoint the run is paused at, as the last batch said; null when it is not. */
  pausedAt(): BreakpointHit | null;
}

export function runTestApi(): RunTestApi {
  const controller = runController();
  const state = () => {
    controller.flush();
    return controller.store.getState();
  };
  return {
    phase: () => state().phase,
    progress: () => {
      const p = state().progress;
      return p === null
        ? null
        : {
            recordsProcessed: p.recordsProcessed,
            recordsTotal: p.recordsTotal,
            processingTime: p.processingTime,
          };
    },
    results: () => structuredClone([...state().results.all()]),
    sideOutput: () => structuredClone(state().results.sideOutput),
    timeline: () => {
      controller.flush();
      const model = controller.model;
      const view = controller.view;
      const inView = view === null ? null : model.recordsIn(view.ptFrom, view.ptTo);
      return {
        ...structuredClone(summarizeTimeline(model)),
        visible: inView === null ? 0 : inView.to - inView.from,
        watermarks: model.watermarks.length,
      };
    },
    hang: () => {
      const { phase, hang } = state();
      return phase === 'hung' ? { operatorUid: hang?.operatorUid ?? null } : null;
    },
    setConfig: (patch) => controller.store.getState().setConfig(patch),
    breakpoints: () => structuredClone(state().config.breakpoints),
    setBreakpoints: (patch) =>
      controller.setBreakpoints({ ...controller.store.getState().config.breakpoints, ...patch }),
    pausedAt: () => structuredClone(state().pausedAt),
  };
}
