import { describe, expect, it } from 'vitest';
import { TimelineModel } from './model';
import { summarizeTimeline } from './summary';
import { OPERATORS, pauseAtFiring, scenario, WINDOW_LANE_2 } from './test-scenario';

describe('summarizeTimeline', () => {
  it('counts what the timeline holds and lists the firings', () => {
    const model = scenario(60, 250);
    const summary = summarizeTimeline(model);
    expect(summary.records).toBe(model.records.length);
    expect(summary.late).toBe(2);
    expect(summary.now).toBe(model.now);
    expect(summary.firings).toHaveLength(3);
    expect(summary.openWindows).toBe(model.windows.length - 3);
    const first = summary.firings.find((f) => f.key === 'user-2')!;
    expect(first).toMatchObject({ operator: 'per-10s', subtask: 1, start: 0, end: 10_000 });
    expect(first.watermark).toBeGreaterThanOrEqual(9_999);
    expect(first.result).toBe('count 2|2|0');
  });

  it('is empty before a run', () => {
    expect(summarizeTimeline(new TimelineModel(OPERATORS))).toEqual({
      now: 0,
      records: 0,
      late: 0,
      openWindows: 0,
      firings: [],
      jobEvents: [],
      breakpoint: null,
    });
  });

  it('names the breakpoint the run is paused at and the firing it points at', () => {
    const model = scenario(60, 250);
    const window = pauseAtFiring(model, WINDOW_LANE_2);
    const summary = summarizeTimeline(model);
    expect(summary.breakpoint).toEqual({
      kind: 'windowFires',
      processingTime: model.windows.columns.firedPt[window],
      operator: 'per-10s',
      firing: summary.firings.find((f) => f.subtask === 1 && f.start === 0),
    });
  });
});
