import { describe, expect, it } from 'vitest';
import { OperatorHarness } from '../testing/harness';
import type { WindowHarnessOptions } from '../testing/harness';
import { AggregateError } from '../windowing/aggregates';
import { CountWindows } from '../windowing/assigners/global';
import { SessionWindows } from '../windowing/assigners/session';
import { SlidingWindows } from '../windowing/assigners/sliding';
import { TumblingWindows } from '../windowing/assigners/tumbling';
import { EventTimeTrigger } from '../windowing/triggers/event-time';
import { PurgingTrigger } from '../windowing/triggers/purging';
import { MERGING_WINDOWS, WINDOW_CONTENTS } from './window-operator';
import type { WindowResult } from './window-operator';

interface Rec {
  key: string;
  value?: number;
}

const byKey = (r: unknown) => (r as Rec).key;
const rec = (key: string, value = 1): Rec => ({ key, value });

/** A keyed window harness summing `value` unless told otherwise. */
const windowHarness = (
  options: Partial<WindowHarnessOptions> & Pick<WindowHarnessOptions, 'assigner'>,
) => OperatorHarness.window({ aggregate: 'sum', keySelector: byKey, ...options });

/** Results as compact [key, start, end, value, timestamp] rows, sorted within one timestamp. */
function rows(h: OperatorHarness) {
  return h
    .records()
    .map((r) => {
      const w = r.value as WindowResult;
      return [w.key, w.start, w.end, w.value, r.timestamp] as const;
    })
    .sort((a, b) => a[4] - b[4] || String(a[0]).localeCompare(String(b[0])));
}

describe('WindowOperator: tumbling event-time windows', () => {
  // Flink: WindowOperatorTest.testTumblingEventTimeWindowsReduce
  it('fires each key once the watermark reaches end - 1, with the window end - 1 as timestamp', () => {
    const h = windowHarness({ assigner: new TumblingWindows(3000, 0, 'event') });
    h.elements(
      [rec('key2'), 3999],
      [rec('key2'), 3000],
      [rec('key1'), 20],
      [rec('key1'), 0],
      [rec('key1'), 999],
      [rec('key2'), 1998],
      [rec('key2'), 1999],
      [rec('key2'), 1000],
    );
    h.watermark(999).watermark(1999);
    expect(h.records()).toEqual([]);
    h.watermark(2999);
    expect(rows(h)).toEqual([
      ['key1', 0, 3000, 3, 2999],
      ['key2', 0, 3000, 3, 2999],
    ]);
    h.clearOutput().watermark(3999).watermark(4999);
    expect(h.records()).toEqual([]);
    h.watermark(5999);
    expect(rows(h)).toEqual([['key2', 3000, 6000, 2, 5999]]);
    // Watermarks are forwarded after the firings they cause.
    expect(h.output().map((e) => e.kind)).toEqual([
      'watermark',
      'watermark',
      'record',
      'watermark',
    ]);
  });

  it('handles negative timestamps and an offset', () => {
    const h = windowHarness({ assigner: new TumblingWindows(10, 3, 'event'), aggregate: 'count' });
    h.elements([rec('a'), -8], [rec('a'), -7], [rec('a'), 2], [rec('a'), 3]);
    h.watermark(Infinity);
    expect(rows(h)).toEqual([
      ['a', -17, -7, 1, -8],
      ['a', -7, 3, 2, 2],
      ['a', 3, 13, 1, 12],
    ]);
  });

  // Flink: EventTimeTriggerTest, through the operator
  it('registers one event-time timer per key and window at end - 1', () => {
    const h = windowHarness({ assigner: new TumblingWindows(10, 0, 'event') });
    h.elements([rec('a'), 1], [rec('a'), 2], [rec('b'), 3], [rec('a'), 15]);
    expect(h.timers().event.map((t) => [t.time, t.key, String(t.namespace)])).toEqual([
      [9, 'a', '[0, 10)'],
      [9, 'b', '[0, 10)'],
      [19, 'a', '[10, 20)'],
    ]);
    expect(h.timers().processing).toEqual([]);
  });

  // Flink: WindowOperatorTest.testCleanupTimerWithEmptyReduceStateForTumblingWindows
  it('drops all state and timers once windows are cleaned up', () => {
    const h = windowHarness({ assigner: new TumblingWindows(10, 0, 'event') });
    h.elements([rec('a'), 1], [rec('b'), 2], [rec('a'), 11]);
    expect(h.stateEntries()).toBe(3);
    expect(h.gauges().openWindows).toBe(3);
    h.watermark(9);
    expect(h.stateEntries()).toBe(1);
    h.watermark(19);
    expect(h.stateEntries()).toBe(0);
    expect(h.timers()).toEqual({ event: [], processing: [] });
    expect(h.gauges()).toEqual({ openWindows: 0, lateRecordsDropped: 0, firings: 3 });
  });
});

describe('WindowOperator: sliding event-time windows', () => {
  // Flink: WindowOperatorTest.testSlidingEventTimeWindowsReduce
  it('fires every window a record is in, in window order', () => {
    const h = windowHarness({ assigner: new SlidingWindows(3000, 1000, 0, 'event') });
    h.elements(
      [rec('key2'), 3999],
      [rec('key2'), 3000],
      [rec('key1'), 20],
      [rec('key1'), 0],
      [rec('key1'), 999],
      [rec('key2'), 1998],
      [rec('key2'), 1999],
      [rec('key2'), 1000],
    );
    for (const wm of [999, 1999, 2999, 3999, 4999, 5999, 6999]) h.watermark(wm);
    expect(rows(h)).toEqual([
      ['key1', -2000, 1000, 3, 999],
      ['key1', -1000, 2000, 3, 1999],
      ['key2', -1000, 2000, 3, 1999],
      ['key1', 0, 3000, 3, 2999],
      ['key2', 0, 3000, 3, 2999],
      ['key2', 1000, 4000, 5, 3999],
      ['key2', 2000, 5000, 2, 4999],
      ['key2', 3000, 6000, 2, 5999],
    ]);
    expect(h.stateEntries()).toBe(0);
  });

  it('fires windows that start before zero for negative timestamps', () => {
    const h = windowHarness({
      assigner: new SlidingWindows(10, 5, 0, 'event'),
      aggregate: 'count',
    });
    h.element(rec('a'), -3).watermark(Infinity);
    expect(rows(h)).toEqual([
      ['a', -10, 0, 1, -1],
      ['a', -5, 5, 1, 4],
    ]);
  });
});

describe('WindowOperator: session windows', () => {
  // Flink: WindowOperatorTest.testSessionWindows
  it('merges each key into sessions and fires them at the session end', () => {
    const h = windowHarness({ assigner: new SessionWindows(3000, 'event') });
    h.elements(
      [rec('key2', 1), 0],
      [rec('key2', 2), 1000],
      [rec('key2', 3), 2500],
      [rec('key1', 1), 10],
      [rec('key1', 2), 1000],
      [rec('key1', 3), 2500],
      [rec('key2', 4), 5501],
      [rec('key2', 5), 6000],
      [rec('key2', 5), 6000],
      [rec('key2', 6), 6050],
    );
    h.watermark(12000);
    expect(rows(h)).toEqual([
      ['key1', 10, 5500, 6, 5499],
      ['key2', 0, 5500, 6, 5499],
      ['key2', 5501, 9050, 20, 9049],
    ]);
    h.clearOutput();
    h.element(rec('key2', 10), 15000).element(rec('key2', 20), 15000).watermark(17999);
    expect(rows(h)).toEqual([['key2', 15000, 18000, 30, 17999]]);
    expect(h.stateEntries()).toBe(0);
  });

  it('merges out-of-order records, and a record bridging two sessions merges three', () => {
    const h = windowHarness({ assigner: new SessionWindows(3000, 'event'), aggregate: 'count' });
    h.elements([rec('a'), 10000], [rec('a'), 1000], [rec('a'), 5000]);
    expect(h.stateTable(WINDOW_CONTENTS)).toHaveLength(3);
    // [4000, 7000) touches [1000, 4000) and overlaps [5000, 8000).
    h.element(rec('a'), 4000);
    expect(h.stateTable(WINDOW_CONTENTS)).toHaveLength(2);
    // [8000, 11000) touches [1000, 8000) and overlaps [10000, 13000).
    h.element(rec('a'), 8000);
    expect(h.stateTable(WINDOW_CONTENTS).map((e) => e.value)).toEqual([5]);
    const [[window, stateWindow]] = h.stateTable(MERGING_WINDOWS)[0]!.value as [
      { start: number; end: number },
      unknown,
    ][];
    expect([window!.start, window!.end]).toEqual([1000, 13000]);
    expect(stateWindow).toBeDefined();
    // The timers of the absorbed windows are gone: only the merged one fires.
    expect(h.timers().event.map((t) => t.time)).toEqual([12999]);
    h.watermark(20000);
    expect(rows(h)).toEqual([['a', 1000, 13000, 5, 12999]]);
  });

  it('merges sessions that only touch', () => {
    const h = windowHarness({ assigner: new SessionWindows(3000, 'event'), aggregate: 'count' });
    h.element(rec('a'), 0).element(rec('a'), 3000).element(rec('a'), 6001).watermark(Infinity);
    expect(rows(h)).toEqual([
      ['a', 0, 6000, 2, 5999],
      ['a', 6001, 9001, 1, 9000],
    ]);
  });

  // Flink: WindowOperatorTest.testProcessingTimeSessionWindows
  it('merges processing-time sessions and fires them on the clock', () => {
    const h = windowHarness({
      assigner: new SessionWindows(3000, 'processing'),
      aggregate: 'count',
      processingTime: 3,
    });
    h.element(rec('key2'), 1);
    h.advanceProcessingTime(1000).element(rec('key2'), 1002);
    h.advanceProcessingTime(3999);
    expect(h.records()).toEqual([]);
    h.advanceProcessingTime(5000);
    expect(rows(h)).toEqual([['key2', 3, 4000, 2, 3999]]);
    expect(h.stateEntries()).toBe(0);
  });
});

describe('WindowOperator: count windows', () => {
  // Flink: WindowOperatorTest.testCountTrigger
  it('fires and purges every N records per key; an incomplete window never fires', () => {
    const h = windowHarness({ assigner: new CountWindows(3), aggregate: 'count' });
    h.elements([rec('a'), 1], [rec('a'), 2], [rec('b'), 3], [rec('a'), 4]);
    expect(rows(h)).toEqual([['a', null, null, 3, Infinity]]);
    h.elements([rec('a'), 5], [rec('a'), 6], [rec('a'), 7]);
    expect(rows(h)).toHaveLength(2);
    // Nothing is due on time, not even at the end of input.
    h.watermark(Infinity).advanceProcessingTime(1e9);
    expect(rows(h)).toHaveLength(2);
    expect(h.timers()).toEqual({ event: [], processing: [] });
  });

  it('keeps contents and the trigger count of incomplete windows only', () => {
    const h = windowHarness({ assigner: new CountWindows(3), aggregate: 'count' });
    h.elements([rec('a'), 1], [rec('a'), 2], [rec('b'), 3]);
    const counts = h.stateTable('trigger:count').map((e) => [e.key, e.value]);
    expect(counts.sort()).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(h.stateEntries()).toBe(4);
    h.element(rec('a'), 4);
    // 'a' fired and purged: its contents and count are gone.
    expect(h.stateEntries()).toBe(2);
  });

  it('never treats a record as late', () => {
    const h = windowHarness({
      assigner: new CountWindows(1),
      aggregate: 'count',
      lateOutput: true,
    });
    h.watermark(100).element(rec('a'), 5);
    expect(h.late()).toEqual([]);
    expect(rows(h)).toEqual([['a', null, null, 1, Infinity]]);
  });
});

describe('WindowOperator: lateness', () => {
  // Flink: WindowOperatorTest.testLateness (with EventTimeTrigger: no purge, so re-firings hold everything)
  it('re-fires a fired window with its whole contents for each record within the lateness', () => {
    const h = windowHarness({
      assigner: new TumblingWindows(10, 0, 'event'),
      aggregate: 'count',
      allowedLateness: 5,
      lateOutput: true,
    });
    h.element(rec('a'), 1).element(rec('a'), 2).watermark(9);
    expect(rows(h)).toEqual([['a', 0, 10, 2, 9]]);
    h.watermark(13).element(rec('a'), 3);
    expect(rows(h).at(-1)).toEqual(['a', 0, 10, 3, 9]);
    expect(h.stateEntries()).toBe(1);
    // Cleanup at end - 1 + lateness: 14.
    h.watermark(14);
    expect(h.stateEntries()).toBe(0);
    h.element(rec('a'), 9);
    expect(rows(h)).toHaveLength(2);
    expect(h.late()).toEqual([{ value: rec('a'), timestamp: 9 }]);
  });

  // Flink: WindowOperatorTest.testLateness (PurgingTrigger: a re-firing holds only the new records)
  it('re-fires with only the late records when the trigger purges', () => {
    const h = windowHarness({
      assigner: new TumblingWindows(2000, 0, 'event'),
      trigger: new PurgingTrigger(new EventTimeTrigger()),
      aggregate: 'count',
      allowedLateness: 500,
      lateOutput: true,
    });
    h.element(rec('key2'), 500).watermark(1500);
    h.element(rec('key2'), 1300).watermark(2300);
    h.element(rec('key2'), 1997).watermark(6000);
    h.element(rec('key2'), 1998).watermark(7000);
    expect(rows(h)).toEqual([
      ['key2', 0, 2000, 2, 1999],
      ['key2', 0, 2000, 1, 1999],
    ]);
    expect(h.late()).toEqual([{ value: rec('key2'), timestamp: 1998 }]);
  });

  // Flink: WindowOperatorTest.testSideOutputDueToLatenessTumbling
  it('sends a record whose every window is late to the late side output', () => {
    const h = windowHarness({
      assigner: new TumblingWindows(2000, 0, 'event'),
      aggregate: 'count',
      lateOutput: true,
    });
    h.element(rec('key2'), 1999).watermark(1999).watermark(2000);
    h.element(rec('key2'), 1998).element(rec('key2'), 2001).watermark(3999);
    expect(rows(h)).toEqual([
      ['key2', 0, 2000, 1, 1999],
      ['key2', 2000, 4000, 1, 3999],
    ]);
    expect(h.late()).toEqual([{ value: rec('key2'), timestamp: 1998 }]);
    expect(h.gauges().lateRecordsDropped).toBe(0);
  });

  // Flink: WindowOperatorTest.testDropDueToLatenessTumbling
  it('drops a late record and counts it when there is no side output', () => {
    const h = windowHarness({
      assigner: new TumblingWindows(2000, 0, 'event'),
      aggregate: 'count',
    });
    h.element(rec('key2'), 1999).watermark(2000);
    h.element(rec('key2'), 1998).element(rec('key2'), 0);
    expect(h.late()).toEqual([]);
    expect(h.gauges().lateRecordsDropped).toBe(2);
    expect(h.stateEntries()).toBe(0);
  });

  // Flink: WindowOperatorTest.testSideOutputDueToLatenessSliding
  it('keeps a sliding record that still has one window open', () => {
    const h = windowHarness({
      assigner: new SlidingWindows(3000, 1000, 0, 'event'),
      aggregate: 'count',
      lateOutput: true,
    });
    h.watermark(2999);
    // In [-1000, 2000), [0, 3000) (both late) and [1000, 4000) (open).
    h.element(rec('a'), 1000);
    expect(h.late()).toEqual([]);
    // In [-2000, 1000), [-1000, 2000), [0, 3000): all late.
    h.element(rec('a'), 999);
    expect(h.late()).toEqual([{ value: rec('a'), timestamp: 999 }]);
    h.watermark(3999);
    expect(rows(h)).toEqual([['a', 1000, 4000, 1, 3999]]);
  });

  // Flink: WindowOperatorTest.testSideOutputDueToLatenessSessionZeroLateness
  it('sends a late session record to the side output, and starts a new session for a record that is not', () => {
    const h = windowHarness({
      assigner: new SessionWindows(3000, 'event'),
      aggregate: 'count',
      lateOutput: true,
    });
    h.element(rec('a'), 1000).watermark(4000);
    expect(rows(h)).toEqual([['a', 1000, 4000, 1, 3999]]);
    h.element(rec('a'), 500);
    expect(h.late()).toEqual([{ value: rec('a'), timestamp: 500 }]);
    h.element(rec('a'), 1500).watermark(4499);
    expect(rows(h).at(-1)).toEqual(['a', 1500, 4500, 1, 4499]);
    expect(h.stateEntries()).toBe(0);
  });

  // Flink: WindowOperatorTest.testDropDueToLatenessSessionWithLateness
  it('re-fires a session that a record within the lateness extends backwards', () => {
    const h = windowHarness({
      assigner: new SessionWindows(3000, 'event'),
      aggregate: 'count',
      allowedLateness: 10,
    });
    h.element(rec('a'), 1000).watermark(4005);
    expect(rows(h)).toEqual([['a', 1000, 4000, 1, 3999]]);
    // [500, 3500) merges into [500, 4000), which is already due: it fires at once.
    h.element(rec('a'), 500);
    expect(rows(h).at(-1)).toEqual(['a', 500, 4000, 2, 3999]);
    h.watermark(4009);
    expect(h.stateEntries()).toBe(0);
    expect(h.timers().event).toEqual([]);
  });

  it('fires a session extended forwards by a record within the lateness at its new end', () => {
    const h = windowHarness({
      assigner: new SessionWindows(3000, 'event'),
      aggregate: 'count',
      allowedLateness: 10,
    });
    h.element(rec('a'), 1000).watermark(3999);
    h.clearOutput().element(rec('a'), 3000);
    expect(h.records()).toEqual([]);
    h.watermark(5999);
    expect(rows(h)).toEqual([['a', 1000, 6000, 2, 5999]]);
  });
});

describe('WindowOperator: processing-time windows', () => {
  // Flink: WindowOperatorTest.testProcessingTimeTumblingWindows
  it('assigns by the clock and fires once it passes end - 1', () => {
    const h = windowHarness({
      assigner: new TumblingWindows(3000, 0, 'processing'),
      aggregate: 'count',
      processingTime: 3,
    });
    // The timestamp plays no part.
    h.elements([rec('key2'), Infinity], [rec('key2'), 7000], [rec('key2'), 7000]);
    h.elements([rec('key1'), 7000], [rec('key1'), 7000]);
    h.advanceProcessingTime(2999);
    expect(h.records()).toEqual([]);
    h.advanceProcessingTime(5000);
    expect(rows(h)).toEqual([
      ['key1', 0, 3000, 2, 2999],
      ['key2', 0, 3000, 3, 2999],
    ]);
    h.clearOutput().elements([rec('key1'), 7000], [rec('key1'), 7000], [rec('key1'), 7000]);
    h.advanceProcessingTime(7000);
    expect(rows(h)).toEqual([['key1', 3000, 6000, 3, 5999]]);
  });

  // Flink: WindowOperatorTest.testProcessingTimeSlidingWindows
  it('fires sliding processing-time windows in time order', () => {
    const h = windowHarness({
      assigner: new SlidingWindows(3000, 1000, 0, 'processing'),
      aggregate: 'count',
    });
    // At clock 0: [-2000, 1000), [-1000, 2000), [0, 3000); at 1500 the last two and [1000, 4000).
    h.element(rec('a'), 0).advanceProcessingTime(1500).element(rec('a'), 0);
    expect(rows(h).map((r) => [r[1], r[3]])).toEqual([[-2000, 1]]);
    h.advanceProcessingTime(10_000);
    expect(rows(h).map((r) => [r[1], r[3]])).toEqual([
      [-2000, 1],
      [-1000, 2],
      [0, 2],
      [1000, 1],
    ]);
  });

  it('ignores lateness and the watermark: nothing is late, state goes at end - 1', () => {
    const h = windowHarness({
      assigner: new TumblingWindows(10, 0, 'processing'),
      aggregate: 'count',
      allowedLateness: 1000,
      lateOutput: true,
    });
    h.watermark(1_000_000).element(rec('a'), 0);
    expect(h.late()).toEqual([]);
    expect(h.timers().event).toEqual([]);
    expect(h.timers().processing.map((t) => t.time)).toEqual([9]);
    h.advanceProcessingTime(10);
    expect(rows(h)).toEqual([['a', 0, 10, 1, 9]]);
    expect(h.stateEntries()).toBe(0);
  });
});

describe('WindowOperator: aggregates', () => {
  it('computes min, max and avg per window', () => {
    for (const [aggregate, expected] of [
      ['min', -4],
      ['max', 7],
      ['avg', 1.5],
    ] as const) {
      const h = windowHarness({ assigner: new TumblingWindows(10, 0, 'event'), aggregate });
      h.elements([rec('a', 3), 1], [rec('a', -4), 2], [rec('a', 7), 3], [rec('a', 0), 4]);
      h.watermark(9);
      expect(rows(h)).toEqual([['a', 0, 10, expected, 9]]);
    }
  });

  it('merges avg accumulators when sessions merge', () => {
    const h = windowHarness({ assigner: new SessionWindows(15, 'event'), aggregate: 'avg' });
    // [15, 30) bridges [0, 15) and [30, 45).
    h.elements([rec('a', 1), 0], [rec('a', 5), 30], [rec('a', 3), 15]).watermark(Infinity);
    expect(rows(h)).toEqual([['a', 0, 45, 3, 44]]);
  });

  // Flink: WindowOperatorTest.testReduceSessionWindows
  it('reduces with a user function', () => {
    const h = windowHarness({
      assigner: new SessionWindows(3000, 'event'),
      aggregate: 'reduce',
      reduce: '(a, b) => ({ key: a.key, value: a.value * b.value })',
    });
    h.elements([rec('a', 2), 0], [rec('a', 3), 5000], [rec('a', 5), 2500]).watermark(Infinity);
    expect(h.results()).toEqual([
      { key: 'a', start: 0, end: 8000, value: { key: 'a', value: 30 } },
    ]);
  });

  it('fails clearly, naming field and operator, on a non-numeric field', () => {
    const h = windowHarness({
      uid: 'avg-window',
      assigner: new TumblingWindows(10, 0, 'event'),
      aggregate: 'avg',
      field: 'price',
    });
    expect(() => h.element({ key: 'a', price: '12' }, 1)).toThrow(AggregateError);
    expect(() => h.element({ key: 'a', price: '12' }, 1)).toThrow(
      /avg in operator "avg-window" needs a number in field "price"/,
    );
  });
});

describe('WindowOperator: tracing', () => {
  it('traces creation, firing and purging of a window, and late records', () => {
    const h = windowHarness({
      assigner: new TumblingWindows(10, 0, 'event'),
      aggregate: 'count',
      lateOutput: true,
      trace: { sampleEvery: 1 },
    });
    h.element(rec('a'), 1).watermark(9).element(rec('a'), 2);
    const summary = h
      .traces()
      .map((e) =>
        e.type === 'window'
          ? `${e.action} ${e.start}-${e.end}`
          : e.type === 'late'
            ? `late ${e.outcome}`
            : e.type === 'timer'
              ? `timer ${e.action} ${e.time}`
              : e.type,
      );
    expect(summary).toEqual([
      'created 0-10',
      'timer registered 9',
      'timer fired 9',
      'fired 0-10',
      'purged 0-10',
      'late side-output',
    ]);
  });
});
