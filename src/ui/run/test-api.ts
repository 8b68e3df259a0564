/**
 * The run's part of the test-only `window.__tidemark`: e2e tests read the session, its results
 * and the timeline model's counts instead of pixels, and drive the run configuration.
 */
import type { SinkResult } from '../../engine/runtime/job';
import type { SideOutputRecord } from '../../worker/trace-batch';
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
  /** The timeline model's counts, and its fired windows with their results. */
  timeline(): {
    records: number;
    /** Records in the processing-time range the timeline shows. */
    visible: number;
    late: number;
    watermarks: number;
    windows: number;
    fired: { lane: number; start: number; end: number; firedPt: number; result: unknown }[];
    now: number;
  };
  hang(): { operatorUid: string | null } | null;
  setConfig(patch: Partial<RunConfig>): void;
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
      const w = model.windows.columns;
      const fired = [];
      for (let i = 0; i < model.windows.length; i++) {
        if (!Number.isFinite(w.firedPt[i])) continue;
        const result = w.result[i]!;
        fired.push({
          lane: w.lane[i]!,
          start: w.start[i]!,
          end: w.end[i]!,
          firedPt: w.firedPt[i]!,
          result: result >= 0 ? structuredClone(model.results[result]) : null,
        });
      }
      const view = controller.view;
      const inView = view === null ? null : model.recordsIn(view.ptFrom, view.ptTo);
      return {
        records: model.records.length,
        visible: inView === null ? 0 : inView.to - inView.from,
        late: model.late.length,
        watermarks: model.watermarks.length,
        windows: model.windows.length,
        fired,
        now: model.now,
      };
    },
    hang: () => {
      const { phase, hang } = state();
      return phase === 'hung' ? { operatorUid: hang?.operatorUid ?? null } : null;
    },
    setConfig: (patch) => controller.store.getState().setConfig(patch),
  };
}
