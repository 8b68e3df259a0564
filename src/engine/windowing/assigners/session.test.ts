import { describe, expect, it } from 'vitest';
import { TimeWindow } from '../window';
import { EventTimeTrigger } from '../triggers/event-time';
import { ProcessingTimeTrigger } from '../triggers/processing-time';
import { SessionWindows } from './session';

const w = (start: number, end: number) => new TimeWindow(start, end);
const merges = (a: SessionWindows, ws: TimeWindow[]) =>
  a.mergeWindows(ws).map((r) => ({
    merged: r.merged.toString(),
    from: r.from.map((x) => x.toString()),
  }));

describe('SessionWindows', () => {
  // Flink: EventTimeSessionWindowsTest.testWindowAssignment
  it('assigns [t, t + gap) per record', () => {
    const a = new SessionWindows(3000, 'event');
    expect(a.assignWindows(5000, 0).map(String)).toEqual(['[5000, 8000)']);
    expect(a.assignWindows(-10, 0).map(String)).toEqual(['[-10, 2990)']);
    expect(a.defaultTrigger()).toBeInstanceOf(EventTimeTrigger);
  });

  // Flink: ProcessingTimeSessionWindowsTest.testWindowAssignment
  it('uses the clock in processing time', () => {
    const a = new SessionWindows(3000, 'processing');
    expect(a.assignWindows(5000, 42).map(String)).toEqual(['[42, 3042)']);
    expect(a.isEventTime).toBe(false);
    expect(a.defaultTrigger()).toBeInstanceOf(ProcessingTimeTrigger);
  });

  // Flink: TimeWindowTest / EventTimeSessionWindowsTest.testMergeConsecutiveWindows
  it('merges runs of intersecting windows, whatever their order', () => {
    const a = new SessionWindows(3, 'event');
    expect(merges(a, [w(5, 8), w(0, 2), w(10, 13), w(1, 3), w(6, 9), w(2, 4)])).toEqual([
      { merged: '[0, 4)', from: ['[0, 2)', '[1, 3)', '[2, 4)'] },
      { merged: '[5, 9)', from: ['[5, 8)', '[6, 9)'] },
    ]);
  });

  it('merges touching windows, as Flink does', () => {
    const a = new SessionWindows(3000, 'event');
    expect(w(0, 3000).intersects(w(3000, 6000))).toBe(true);
    expect(w(0, 3000).intersects(w(3001, 6001))).toBe(false);
    expect(merges(a, [w(3000, 6000), w(0, 3000)])).toEqual([
      { merged: '[0, 6000)', from: ['[0, 3000)', '[3000, 6000)'] },
    ]);
  });

  // Flink: EventTimeSessionWindowsTest.testMergeCoveringWindow
  it('merges a window covered by another', () => {
    const a = new SessionWindows(3, 'event');
    expect(merges(a, [w(1, 4), w(0, 10)])).toEqual([
      { merged: '[0, 10)', from: ['[0, 10)', '[1, 4)'] },
    ]);
    expect(merges(a, [w(0, 1), w(5, 6)])).toEqual([]);
  });

  it('identifies a window by both ends', () => {
    const a = new SessionWindows(3, 'event');
    expect(a.windowId(w(1, 4))).toBe('1:4');
    expect(a.windowId(w(1, 9))).not.toBe(a.windowId(w(1, 4)));
  });

  // Flink: EventTimeSessionWindowsTest.testInvalidParameters
  it('rejects a non-positive gap', () => {
    expect(() => new SessionWindows(0, 'event')).toThrow(RangeError);
    expect(() => new SessionWindows(-1, 'event')).toThrow(RangeError);
  });
});
