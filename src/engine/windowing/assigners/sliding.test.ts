import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SlidingWindows } from './sliding';

const assign = (a: SlidingWindows, ts: number, now = 0) =>
  a.assignWindows(ts, now).map((w) => [w.start, w.end]);

describe('SlidingWindows', () => {
  // Flink: SlidingEventTimeWindowsTest.testWindowAssignment
  it('puts a record in size / slide windows, latest first', () => {
    const a = new SlidingWindows(5000, 1000, 0, 'event');
    expect(assign(a, 0)).toEqual([
      [0, 5000],
      [-1000, 4000],
      [-2000, 3000],
      [-3000, 2000],
      [-4000, 1000],
    ]);
    expect(assign(a, 4999)).toEqual([
      [4000, 9000],
      [3000, 8000],
      [2000, 7000],
      [1000, 6000],
      [0, 5000],
    ]);
    expect(assign(a, 5000)[4]).toEqual([1000, 6000]);
  });

  // Flink: SlidingEventTimeWindowsTest.testWindowAssignmentWithOffset
  it('shifts windows by an offset', () => {
    const a = new SlidingWindows(5000, 1000, 100, 'event');
    expect(assign(a, 100)).toEqual([
      [100, 5100],
      [-900, 4100],
      [-1900, 3100],
      [-2900, 2100],
      [-3900, 1100],
    ]);
  });

  it('handles negative timestamps and a size that is not a multiple of the slide', () => {
    const a = new SlidingWindows(10, 4, 0, 'event');
    expect(assign(a, -1)).toEqual([
      [-4, 6],
      [-8, 2],
    ]);
    expect(assign(a, 2)).toEqual([
      [0, 10],
      [-4, 6],
    ]);
    // 10 / 4 is not whole: a record is in two or three windows depending on its phase.
    expect(assign(a, 5)).toEqual([
      [4, 14],
      [0, 10],
      [-4, 6],
    ]);
  });

  it('gives exactly the aligned windows that contain the record', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        (ts, slide, size) => {
          const a = new SlidingWindows(size, slide, 0, 'event');
          const got = assign(a, ts);
          const expected: number[][] = [];
          for (let s = Math.floor(ts / slide) * slide; s > ts - size; s -= slide) {
            expected.push([s, s + size]);
          }
          expect(got).toEqual(expected);
          for (const [s, e] of got) expect(s! <= ts && ts < e!).toBe(true);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('uses the clock in processing time', () => {
    const a = new SlidingWindows(10, 5, 0, 'processing');
    expect(assign(a, 999, 12)).toEqual([
      [10, 20],
      [5, 15],
    ]);
  });

  // Flink: SlidingEventTimeWindowsTest.testInvalidParameters
  it('rejects a non-positive size or slide and |offset| >= slide', () => {
    expect(() => new SlidingWindows(0, 1, 0, 'event')).toThrow(RangeError);
    expect(() => new SlidingWindows(10, 0, 0, 'event')).toThrow(RangeError);
    expect(() => new SlidingWindows(10, 5, 5, 'event')).toThrow(/offset/);
    expect(() => new SlidingWindows(10, 5, -5, 'event')).toThrow(/offset/);
  });
});
