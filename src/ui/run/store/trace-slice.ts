/**
 * What the trace batches bring besides the timeline: progress, the sinks' results and the late
 * side output, per-operator badges and metrics. `merge` takes every batch that arrived within
 * one animation frame at once.
 */
import type { StateCreator } from 'zustand';
import type { SessionBatch } from '../../../worker/breakpoints';
import type { OperatorProgress, Progress } from '../../../worker/trace-batch';
import { addSample, emptySeries, type MetricSeries } from '../metrics';
import { ResultLog } from '../result-log';
import type { RunStoreState } from './run-store';

export interface TraceSlice {
  /** The trace epoch shown; a newer one (reset, seek) starts results and metrics over. */
  epoch: number;
  results: ResultLog;
  /** Bumped whenever `results` grows in place. */
  resultsVersion: number;
  metrics: MetricSeries;
  /** Per node uid, its badge figures in the session's last progress. */
  badges: Record<string, OperatorProgress>;
  merge(batches: readonly SessionBatch[]): void;
}

export const createTraceSlice: StateCreator<RunStoreState, [], [], TraceSlice> = (set, get) => ({
  epoch: -1,
  results: new ResultLog(),
  resultsVersion: 0,
  metrics: emptySeries(0),
  badges: {},
  merge(batches) {
    const { info } = get();
    const last = batches.at(-1);
    if (info === null || last === undefined) return;
    let { epoch, results, metrics } = get();
    let sampledFrom: Progress | null = get().progress;
    for (const batch of batches) {
      if (batch.epoch !== epoch) {
        epoch = batch.epoch;
        results = new ResultLog();
        metrics = emptySeries(info.operators.length);
        sampledFrom = null;
      }
      results.add(batch.results, batch.sideOutput);
      if (batch.detail === undefined) {
        metrics = addSample(metrics, info, sampledFrom, batch.progress);
        if (metrics.pt.at(-1) === batch.progress.processingTime) sampledFrom = batch.progress;
      }
    }
    const now = last.progress;
    // A detail batch re-sends the past: it says nothing of where the run stands.
    const live = batches.findLast((b) => b.detail === undefined);
    const badges: Record<string, OperatorProgress> = {};
    info.operators.forEach((op, i) => {
      const figures = now.operators[i];
      if (figures !== undefined) badges[op.uid] = figures;
    });
    set((s) => ({
      epoch,
      results,
      resultsVersion: s.resultsVersion + 1,
      metrics,
      badges,
      progress: now,
      phase: s.phase === 'hung' || s.phase === 'error' ? s.phase : now.state,
      failure: now.failure ?? s.failure,
      horizon: Math.max(s.horizon, now.processingTime),
      pausedAt: live === undefined ? s.pausedAt : (live.breakpoint ?? null),
    }));
  },
});
