import { describe, expect, it } from 'vitest';
import type { BreakpointHit } from '../../worker/breakpoints';
import { LATE_SIDE_OUTPUT, NO_KEY, RECORD_IN, RECORD_OUT, TimelineModel } from './model';
import { OPERATORS, scenario, WINDOW_LANE, WINDOW_LANE_2, WINDOW_OP } from './test-scenario';

describe('TimelineModel', () => {
  it('lays out one lane per operator subtask', () => {
    const model = new TimelineModel(OPERATORS);
    expect(model.lanes).toEqual([
      { operator: 0, subtask: 0 },
      { operator: 1, subtask: 0 },
      { operator: 1, subtask: 1 },
    ]);
    expect(model.laneOf(1, 1)).toBe(2);
    expect(model.operatorOfLane(2)).toBe(1);
  });

  it('appends records in processing-time order and finds those in a range', () => {
    const model = new TimelineModel(OPERATORS);
    for (let i = 0; i < 1000; i++) model.appendRecord(i, 0, RECORD_OUT, i * 10, i * 10 - 5, NO_KEY);
    const { from, to } = model.recordsIn(2000, 2990);
    expect(from).toBe(200);
    expect(to).toBe(300);
    expect(model.records.columns.pt[from]).toBe(2000);
    expect(model.recordsIn(20_000, 30_000)).toEqual({ from: 1000, to: 1000 });
  });

  it('keeps order when a record arrives late in processing time', () => {
    const model = new TimelineModel(OPERATORS);
    for (const pt of [10, 20, 40]) model.appendRecord(pt, 0, RECORD_OUT, pt, pt, NO_KEY);
    model.appendRecord(30, 0, RECORD_OUT, 30, 30, NO_KEY);
    expect([...model.records.columns.pt.subarray(0, 4)]).toEqual([10, 20, 30, 40]);
    expect([...model.records.columns.id.subarray(0, 4)]).toEqual([10, 20, 30, 40]);
  });

  it('replaces a stretch of records by a denser sample, without counting them again', () => {
    const model = new TimelineModel(OPERATORS);
    model.windowCreated(WINDOW_LANE, 0, 0, 100_000, 0);
    for (let pt = 0; pt < 10_000; pt += 1000) {
      model.appendRecord(pt, WINDOW_LANE, RECORD_IN, pt, pt + 10, 0);
    }
    const dense = Float64Array.from({ length: 30 }, (_, i) => 3000 + i * 100);
    model.replaceRecords(3000, 5900, {
      count: dense.length,
      id: dense,
      lane: dense.map(() => WINDOW_LANE),
      dir: dense.map(() => RECORD_IN),
      pt: dense,
      ts: dense.map((pt) => pt - 10),
      key: dense.map(() => 0),
    });
    const pts = [...model.records.columns.pt.subarray(0, model.records.length)];
    expect(pts).toEqual([0, 1000, 2000, ...dense, 6000, 7000, 8000, 9000]);
    expect(model.windows.columns.records[0]).toBe(10);
  });

  it('counts the records that arrive into an open window of their key', () => {
    const model = new TimelineModel(OPERATORS);
    model.windowCreated(WINDOW_LANE, 0, 0, 10_000, 100);
    model.windowCreated(WINDOW_LANE, 1, 0, 10_000, 100);
    model.appendRecord(1, WINDOW_LANE, RECORD_IN, 100, 500, 0);
    model.appendRecord(2, WINDOW_LANE, RECORD_IN, 200, 9_999, 0);
    model.appendRecord(3, WINDOW_LANE, RECORD_IN, 300, 10_000, 0);
    model.appendRecord(4, WINDOW_LANE_2, RECORD_IN, 300, 700, 0);
    model.appendRecord(5, WINDOW_LANE, RECORD_IN, 400, 800, 1);
    expect([...model.windows.columns.records.subarray(0, 2)]).toEqual([2, 1]);
    model.windowPurged(WINDOW_LANE, 0, 0, 10_000, 500);
    model.appendRecord(6, WINDOW_LANE, RECORD_IN, 600, 900, 0);
    expect(model.windows.columns.records[0]).toBe(2);
  });

  it('records the first firing with its watermark, and the latest result', () => {
    const model = new TimelineModel(OPERATORS);
    model.addResults([3, 4]);
    model.windowCreated(WINDOW_LANE, 0, 0, 10_000, 100);
    model.windowFired(WINDOW_LANE, 0, 0, 10_000, 11_000, 10_050, 0);
    model.windowFired(WINDOW_LANE, 0, 0, 10_000, 12_000, 10_900, 1);
    const c = model.windows.columns;
    expect(c.firedPt[0]).toBe(11_000);
    expect(c.firedWatermark[0]).toBe(10_050);
    expect(c.lastFiredPt[0]).toBe(12_000);
    expect(model.results[c.result[0]]).toBe(4);
    expect(c.firings[0]).toBe(2);
  });

  it('opens a window that fires without a traced creation where it fires', () => {
    const model = new TimelineModel(OPERATORS);
    model.windowFired(WINDOW_LANE, 0, 0, 10_000, 11_000, 10_050, -1);
    expect(model.windows.length).toBe(1);
    expect(model.windows.columns.createdPt[0]).toBe(11_000);
  });

  it('tracks the low watermark of an operator over its subtasks', () => {
    const model = new TimelineModel(OPERATORS);
    model.appendWatermark(WINDOW_LANE, 100, 50);
    model.appendWatermark(WINDOW_LANE_2, 200, 80);
    model.appendWatermark(WINDOW_LANE, 300, 120);
    model.appendWatermark(WINDOW_LANE_2, 400, 150);
    const series = model.lowWatermarks[WINDOW_OP]!;
    // Nothing until both subtasks have a watermark; then the slower one rules.
    expect([...series.columns.pt.subarray(0, series.length)]).toEqual([200, 300, 400]);
    expect([...series.columns.watermark.subarray(0, series.length)]).toEqual([50, 80, 120]);
    // The step holding at the start of a range comes with it.
    expect(model.lowWatermarksIn(WINDOW_OP, 350, 380)).toEqual({ from: 1, to: 2 });
  });

  it('finds the windows whose band overlaps a processing-time range', () => {
    const model = scenario(120, 250);
    const c = model.windows.columns;
    const found = model.windowsIn(12_000, 13_000, WINDOW_OP);
    expect(found.length).toBeGreaterThan(0);
    for (const i of found) {
      expect(c.createdPt[i]).toBeLessThanOrEqual(13_000);
      const until = Number.isNaN(c.purgedPt[i]) ? model.now : c.purgedPt[i];
      expect(until).toBeGreaterThanOrEqual(12_000);
    }
    const outside = [...Array(model.windows.length).keys()].filter((i) => !found.includes(i));
    for (const i of outside) {
      const until = Number.isNaN(c.purgedPt[i]) ? model.now : c.purgedPt[i];
      expect(c.createdPt[i] > 13_000 || until < 12_000).toBe(true);
    }
  });

  it('knows its extent and latest event time', () => {
    const model = new TimelineModel(OPERATORS);
    expect(model.extent()).toBeNull();
    expect(model.latestEventTime()).toBeNull();
    model.appendRecord(1, 0, RECORD_OUT, 1000, 700, NO_KEY);
    model.appendLate(2, WINDOW_LANE, 2000, 100, 0, 900, LATE_SIDE_OUTPUT);
    model.advanceTo(2500);
    expect(model.extent()).toEqual({ ptFrom: 1000, ptTo: 2500, etFrom: 100, etTo: 700 });
    expect(model.latestEventTime()).toBe(700);
  });

  it('tells listeners once per commit and starts over on reset', () => {
    const model = scenario();
    let calls = 0;
    const stop = model.subscribe(() => calls++);
    const { version, generation } = model;
    model.commit();
    expect(calls).toBe(1);
    expect(model.version).toBe(version + 1);
    model.reset();
    expect(model.generation).toBe(generation + 1);
    expect(model.records.length + model.windows.length + model.late.length).toBe(0);
    expect(model.keys).toEqual([]);
    expect(model.now).toBe(0);
    expect(model.operators).toBe(OPERATORS);
    stop();
    model.commit();
    expect(calls).toBe(2);
  });
});

describe('the breakpoint', () => {
  const at = { processingTime: 12_000, recordsProcessed: 40, watermark: 10_500 };

  it('finds the fired window of a hit, and the lane of a late record', () => {
    const model = scenario(60, 250);
    const c = model.windows.columns;
    const fired = [...Array(model.windows.length).keys()].find(
      (i) => c.lane[i] === WINDOW_LANE_2 && !Number.isNaN(c.firedPt[i]),
    )!;
    model.setBreakpoint({
      ...at,
      kind: 'windowFires',
      operatorUid: 'per-10s',
      subtask: 1,
      key: model.keys[c.key[fired]!]!,
      start: c.start[fired]!,
      end: c.end[fired]!,
      result: 1,
    });
    expect(model.breakpoint).toMatchObject({
      operator: WINDOW_OP,
      lane: WINDOW_LANE_2,
      window: fired,
    });

    model.setBreakpoint({
      ...at,
      kind: 'lateRecord',
      operatorUid: 'per-10s',
      subtask: 0,
      recordId: 99,
      key: 'user-0',
      eventTime: 500,
      outcome: 'dropped',
      value: null,
    });
    expect(model.breakpoint).toMatchObject({ operator: WINDOW_OP, lane: WINDOW_LANE, window: -1 });
  });

  it('is the whole job’s for a checkpoint, and gone when the run moves on or starts over', () => {
    const model = scenario(60, 250);
    const checkpoint: Extract<BreakpointHit, { kind: 'checkpointCompletes' }>['checkpoint'] = {
      status: 'completed',
      id: 1,
      kind: 'checkpoint',
      triggeredAt: 3000,
      durationMs: 1,
      alignmentMs: 0,
      attempt: 0,
      bytes: 10,
      writtenBytes: 10,
      sharedKeyGroups: 0,
      subtasks: [],
      offsets: [],
    };
    model.setBreakpoint({
      kind: 'checkpointCompletes',
      checkpoint,
      processingTime: 3000,
      recordsProcessed: 4,
    });
    expect(model.breakpoint).toMatchObject({ operator: -1, lane: -1, window: -1 });
    model.setBreakpoint(null);
    expect(model.breakpoint).toBeNull();
    model.setBreakpoint({
      kind: 'checkpointCompletes',
      checkpoint,
      processingTime: 3000,
      recordsProcessed: 4,
    });
    model.reset();
    expect(model.breakpoint).toBeNull();
  });
});

describe('idleness', () => {
  it('turns idle and active events into spans; an open one runs to now', () => {
    const model = new TimelineModel(OPERATORS);
    model.appendIdleness(WINDOW_LANE, 1000, true);
    model.appendIdleness(WINDOW_LANE_2, 1500, true);
    model.appendIdleness(WINDOW_LANE, 3000, false);
    model.appendIdleness(WINDOW_LANE, 5000, true);
    model.advanceTo(8000);
    expect(model.idleSpans(WINDOW_LANE)).toEqual([
      { from: 1000, to: 3000 },
      { from: 5000, to: 8000 },
    ]);
    expect(model.idleSpans(WINDOW_LANE_2)).toEqual([{ from: 1500, to: 8000 }]);
    expect(model.idleSpans(0)).toEqual([]);
  });
});
