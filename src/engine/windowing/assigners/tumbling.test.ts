import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TimeWindow } from '../window';
import type { WindowAssigner } from './assigner';
import { EventTimeTrigger } from '../triggers/event-time';
import { ProcessingTimeTrigger } from '../triggers/processing-time';
import { TumblingWindows, windowStart } from './tumbling';

const assign = (a: TumblingWindows, ts: number, now = 0) =>
  a.assignWindows(ts, now).map((w) => [w.start, w.end]);

describe('TumblingWindows', () => {
  // Flink: TumblingEventTimeWindowsTest.testWindowAssignment
  it('assigns [start, start + size) and the boundary to the next window', () => {
    const a = new TumblingWindows(5000, 0, 'event');
    expect(assign(a, 0)).toEqual([[0, 5000]]);
    expect(assign(a, 4999)).toEqual([[0, 5000]]);
    expect(assign(a, 5000)).toEqual([[5000, 10000]]);
  });

  // Flink: TumblingEventTimeWindowsTest.testWindowAssignmentWithOffset
  it('shifts windows by a positive offset', () => {
    const a = new TumblingWindows(5000, 100, 'event');
    expect(assign(a, 100)).toEqual([[100, 5100]]);
    expect(assign(a, 5099)).toEqual([[100, 5100]]);
    expect(assign(a, 5100)).toEqual([[5100, 10100]]);
    expect(assign(a, 99)).toEqual([[-4900, 100]]);
  });

  // Flink: TumblingEventTimeWindowsTest.testWindowAssignmentWithNegativeOffset
  it('shifts windows by a negative offset', () => {
    const a = new TumblingWindows(5000, -100, 'event');
    expect(assign(a, 0)).toEqual([[-100, 4900]]);
    expect(assign(a, 4899)).toEqual([[-100, 4900]]);
    expect(assign(a, 4900)).toEqual([[4900, 9900]]);
  });

  it('floors negative timestamps to the window below, not towards zero', () => {
    const a = new TumblingWindows(5000, 0, 'event');
    expect(assign(a, -1)).toEqual([[-5000, 0]]);
    expect(assign(a, -5000)).toEqual([[-5000, 0]]);
    expect(assign(a, -5001)).toEqual([[-10000, -5000]]);
  });

  it('window start math holds for any timestamp, offset and size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: -0.999, max: 0.999, noNaN: true }),
        (ts, size, frac) => {
          const offset = Math.trunc(frac * size);
          const start = windowStart(ts, offset, size);
          expect(start).toBeLessThanOrEqual(ts);
          expect(ts).toBeLessThan(start + size);
          expect(Math.abs((start - offset) % size)).toBe(0);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  // Flink: TumblingProcessingTimeWindowsTest.testWindowAssignment
  it('uses the clock, not the timestamp, in processing time', () => {
    const a = new TumblingWindows(5000, 0, 'processing');
    expect(assign(a, 1_000_000, 0)).toEqual([[0, 5000]]);
    expect(assign(a, -1, 5000)).toEqual([[5000, 10000]]);
    expect(a.isEventTime).toBe(false);
    expect(a.defaultTrigger()).toBeInstanceOf(ProcessingTimeTrigger);
  });

  it('is event time with an event-time trigger, identified by window start', () => {
    const a = new TumblingWindows(10, 0, 'event');
    expect(a.isEventTime).toBe(true);
    expect(a.defaultTrigger()).toBeInstanceOf(EventTimeTrigger);
    expect(a.windowId(new TimeWindow(20, 30))).toBe(20);
    expect((a as WindowAssigner).mergeWindows).toBeUndefined();
  });

  // Flink: TumblingEventTimeWindowsTest.testInvalidParameters
  it('rejects a non-positive size and |offset| >= size', () => {
    expect(() => new TumblingWindows(0, 0, 'event')).toThrow(RangeError);
    expect(() => new TumblingWindows(-1, 0, 'event')).toThrow(RangeError);
    expect(() => new TumblingWindows(10, 10, 'event')).toThrow(/offset/);
    expect(() => new TumblingWindows(10, -10, 'event')).toThrow(/offset/);
    expect(() => new TumblingWindows(10, 9, 'event')).not.toThrow();
  });
});
