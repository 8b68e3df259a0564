import { describe, expect, it } from 'vitest';
import type { OperatorProgress, Progress, SessionInfo } from '../../worker/trace-batch';
import { addSample, emptySeries, MAX_SAMPLES } from './metrics';

const info: SessionInfo = {
  operators: [
    { uid: 'src', kind: 'source.generator', label: 'src', parallelism: 1, firstLane: 0 },
    { uid: 'win', kind: 'window', label: 'win', parallelism: 1, firstLane: 1 },
  ],
  sinks: [],
  recordsTotal: null,
  lanes: 2,
};

const figures = (patch: Partial<OperatorProgress>): OperatorProgress => ({
  recordsIn: 0,
  recordsOut: 0,
  watermark: -Infinity,
  openWindows: 0,
  stateEntries: 0,
  lateRecordsDropped: 0,
  firings: 0,
  ...patch,
});

const progress = (pt: number, src: Partial<OperatorProgress>, win: Partial<OperatorProgress>) =>
  ({ processingTime: pt, operators: [figures(src), figures(win)] }) as Progress;

describe('run metrics', () => {
  it('rates what each operator handled per second of processing time', () => {
    const first = progress(2_000, { recordsOut: 100 }, { recordsIn: 80, stateEntries: 4 });
    const second = progress(
      3_000,
      { recordsOut: 150, watermark: 2_500 },
      { recordsIn: 140, watermark: 1_800, stateEntries: 6 },
    );
    let series = addSample(emptySeries(2), info, null, first);
    series = addSample(series, info, first, second);
    expect(series.pt).toEqual([2_000, 3_000]);
    // A source counts what it emitted, the rest what they received.
    expect(series.throughput).toEqual([
      [50, 50],
      [40, 60],
    ]);
    expect(series.watermarkLag).toEqual([
      [null, 500],
      [null, 1_200],
    ]);
    expect(series.stateEntries[1]).toEqual([4, 6]);
  });

  it('adds nothing while processing time stands still, and keeps the latest samples', () => {
    const at = progress(1_000, { recordsOut: 1 }, {});
    const series = addSample(emptySeries(2), info, null, at);
    expect(addSample(series, info, at, at)).toBe(series);

    let long = series;
    let prev = at;
    for (let i = 2; i <= MAX_SAMPLES + 10; i++) {
      const next = progress(i * 1_000, { recordsOut: i }, {});
      long = addSample(long, info, prev, next);
      prev = next;
    }
    expect(long.pt.length).toBe(MAX_SAMPLES);
    expect(long.pt.at(-1)).toBe((MAX_SAMPLES + 10) * 1_000);
  });
});
