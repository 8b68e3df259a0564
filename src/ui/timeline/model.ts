/**
 * TimelineModel: the trace events the timeline draws, kept in typed-array columns in
 * processing-time order so a frame finds what is in view by binary search. The adapter fills it
 * from the worker's batches; tests fill it by hand. It knows nothing of pixels or colours.
 */
import type { Key } from '../../engine/keygroups';
import type { OperatorKind } from '../../engine/pipeline/document';
import type { TimeCharacteristic } from '../../engine/time';

/**
 * A failure, or the restart that restored a checkpoint (whose sources rewound to its offsets):
 * the moments a learner looks for when a job recovers.
 */
export type TimelineJobEvent =
  { kind: 'failed'; pt: number } | { kind: 'restored'; pt: number; checkpointId: number | null };

/** Where the run stands paused at a breakpoint: the hit, and where its event is in the model. */
export interface TimelineBreakpoint {
  hit: BreakpointHit;
  /** The hit's operator; -1 for a checkpoint, which is the whole job's. */
  operator: number;
  /** The lane of its event; -1 for a checkpoint. */
  lane: number;
  /** The fired window's row in `windows`; -1 for other hits. */
  window: number;
}
import type { BreakpointHit } from '../../worker/breakpoints';
import {
  BARRIER_ALIGNED,
  BARRIER_RECEIVED,
  LATE_DROPPED,
  LATE_SIDE_OUTPUT,
  NO_KEY,
  RECORD_IN,
  RECORD_OUT,
} from '../../worker/trace-batch';
import { ColumnTable, lowerBound, upperBound, type TypedArray } from './columns';

// The model keeps the batch format's encodings, so the adapter copies columns as they are.
export {
  BARRIER_ALIGNED,
  BARRIER_RECEIVED,
  LATE_DROPPED,
  LATE_SIDE_OUTPUT,
  NO_KEY,
  RECORD_IN,
  RECORD_OUT,
};

/** An operator of the run, as the session describes it. */
export interface TimelineOperator {
  uid: string;
  kind: OperatorKind;
  label: string;
  parallelism: number;
  /** Lane of subtask 0; subtask i is lane `firstLane + i`. */
  firstLane: number;
}

/** One operator subtask: a row of the lanes view. */
export interface Lane {
  operator: number;
  subtask: number;
}

type RecordColumns = {
  id: Uint32Array;
  lane: Uint16Array;
  /** RECORD_IN (arrived at the operator) or RECORD_OUT (emitted by it). */
  dir: Uint8Array;
  pt: Float64Array;
  ts: Float64Array;
  key: Uint32Array;
};

type LateColumns = {
  id: Uint32Array;
  lane: Uint16Array;
  pt: Float64Array;
  ts: Float64Array;
  key: Uint32Array;
  /** The watermark the record was late against. */
  watermark: Float64Array;
  /** LATE_SIDE_OUTPUT or LATE_DROPPED. */
  outcome: Uint8Array;
};

type WatermarkColumns = { lane: Uint16Array; pt: Float64Array; watermark: Float64Array };
type SeriesColumns = { pt: Float64Array; watermark: Float64Array };

type WindowColumns = {
  lane: Uint16Array;
  key: Uint32Array;
  /** Event-time range [start, end); NaN for the global window. */
  start: Float64Array;
  end: Float64Array;
  createdPt: Float64Array;
  /** First firing; NaN while the window has not fired. */
  firedPt: Float64Array;
  /** The watermark that fired it (first firing). */
  firedWatermark: Float64Array;
  /** Latest firing, which differs from the first when late records fire it again. */
  lastFiredPt: Float64Array;
  purgedPt: Float64Array;
  /** Index into `results` of the latest firing's value; -1 before it fires. */
  result: Int32Array;
  firings: Uint32Array;
  /** Records (as traced, so after sampling) that arrived while the window was open. */
  records: Uint32Array;
};

type IdlenessColumns = { lane: Uint16Array; pt: Float64Array; idle: Uint8Array };

type BarrierColumns = {
  lane: Uint16Array;
  pt: Float64Array;
  checkpoint: Uint32Array;
  action: Uint8Array;
};

/** Indices [from, to) of a processing-time-ordered table. */
export interface IndexRange {
  from: number;
  to: number;
}

/** Records that replace those held over a stretch of processing time (a denser sample). */
export interface RecordRows {
  count: number;
  id: ArrayLike<number>;
  lane: ArrayLike<number>;
  dir: ArrayLike<number>;
  /** Ascending, all within the stretch replaced. */
  pt: ArrayLike<number>;
  ts: ArrayLike<number>;
  key: ArrayLike<number>;
}

export interface Extent {
  ptFrom: number;
  ptTo: number;
  etFrom: number;
  etTo: number;
}

const record = () =>
  new ColumnTable<RecordColumns>(
    {
      id: Uint32Array,
      lane: Uint16Array,
      dir: Uint8Array,
      pt: Float64Array,
      ts: Float64Array,
      key: Uint32Array,
    },
    4096,
  );

export class TimelineModel {
  operators: readonly TimelineOperator[] = [];
  lanes: readonly Lane[] = [];
  readonly keys: Key[] = [];
  /** Values of fired windows, indexed by the windows' `result` column. */
  readonly results: unknown[] = [];

  readonly records = record();
  readonly late = new ColumnTable<LateColumns>({
    id: Uint32Array,
    lane: Uint16Array,
    pt: Float64Array,
    ts: Float64Array,
    key: Uint32Array,
    watermark: Float64Array,
    outcome: Uint8Array,
  });
  readonly watermarks = new ColumnTable<WatermarkColumns>({
    lane: Uint16Array,
    pt: Float64Array,
    watermark: Float64Array,
  });
  /** Per operator: its low watermark (the minimum over its subtasks) each time it rose. */
  lowWatermarks: ColumnTable<SeriesColumns>[] = [];
  readonly windows = new ColumnTable<WindowColumns>({
    lane: Uint16Array,
    key: Uint32Array,
    start: Float64Array,
    end: Float64Array,
    createdPt: Float64Array,
    firedPt: Float64Array,
    firedWatermark: Float64Array,
    lastFiredPt: Float64Array,
    purgedPt: Float64Array,
    result: Int32Array,
    firings: Uint32Array,
    records: Uint32Array,
  });
  /** A subtask became idle (1) or active again (0). */
  readonly idleness = new ColumnTable<IdlenessColumns>(
    { lane: Uint16Array, pt: Float64Array, idle: Uint8Array },
    64,
  );
  readonly barriers = new ColumnTable<BarrierColumns>({
    lane: Uint16Array,
    pt: Float64Array,
    checkpoint: Uint32Array,
    action: Uint8Array,
  });

  /** The job failed, or restarted from a checkpoint, in processing-time order. */
  readonly jobEvents: TimelineJobEvent[] = [];
  /** The breakpoint the run is paused at; null while it is not. */
  breakpoint: TimelineBreakpoint | null = null;

  /**
   * Which clock the windows follow: event time (bands across their event-time range) or
   * processing time (columns across their processing-time range).
   */
  windowTime: TimeCharacteristic = 'event';
  /** The present: the latest processing time the run has reached. */
  now = 0;
  /** Bumped by every commit; drawing compares it to know whether anything changed. */
  version = 0;
  /** Bumped by every reset: record ids of an older generation mean nothing any more. */
  generation = 0;

  private laneWatermark = new Float64Array(0);
  private etMin = Infinity;
  private etMax = -Infinity;
  private ptMin = Infinity;
  /** The latest window per lane, key and range, to find it again when it fires or is purged. */
  private readonly windowIndex = new Map<string, number>();
  /** Windows not yet purged, per lane and key, to count the records that arrive into them. */
  private readonly openWindows = new Map<string, number[]>();
  private readonly listeners = new Set<() => void>();

  constructor(
    operators: readonly TimelineOperator[] = [],
    windowTime: TimeCharacteristic = 'event',
  ) {
    this.windowTime = windowTime;
    this.setOperators(operators);
  }

  /** Starts over with a new run's operators (or the same ones after a reset or seek). */
  reset(
    operators: readonly TimelineOperator[] = this.operators,
    windowTime: TimeCharacteristic = this.windowTime,
  ): void {
    this.windowTime = windowTime;
    for (const table of [
      this.records,
      this.late,
      this.watermarks,
      this.windows,
      this.idleness,
      this.barriers,
    ]) {
      table.clear();
    }
    this.keys.length = 0;
    this.results.length = 0;
    this.jobEvents.length = 0;
    this.breakpoint = null;
    this.windowIndex.clear();
    this.openWindows.clear();
    this.now = 0;
    this.etMin = Infinity;
    this.etMax = -Infinity;
    this.ptMin = Infinity;
    this.generation++;
    this.setOperators(operators);
    this.commit();
  }

  private setOperators(operators: readonly TimelineOperator[]): void {
    this.operators = operators;
    this.lanes = operators.flatMap((op, operator) =>
      Array.from({ length: op.parallelism }, (_, subtask) => ({ operator, subtask })),
    );
    this.laneWatermark = new Float64Array(this.lanes.length).fill(-Infinity);
    this.lowWatermarks = operators.map(
      () => new ColumnTable<SeriesColumns>({ pt: Float64Array, watermark: Float64Array }, 64),
    );
  }

  laneOf(operator: number, subtask: number): number {
    return (this.operators[operator]?.firstLane ?? 0) + subtask;
  }

  operatorOfLane(lane: number): number {
    return this.lanes[lane]?.operator ?? -1;
  }

  addKeys(keys: readonly Key[]): void {
    this.keys.push(...keys);
  }

  addResults(values: readonly unknown[]): void {
    this.results.push(...values);
  }

  keyOf(index: number): Key | undefined {
    return index === NO_KEY ? undefined : this.keys[index];
  }

  appendRecord(id: number, lane: number, dir: number, pt: number, ts: number, key: number): void {
    const table = this.records;
    const at = this.orderedSlot(table, pt);
    const c = table.columns;
    c.id[at] = id;
    c.lane[at] = lane;
    c.dir[at] = dir;
    c.pt[at] = pt;
    c.ts[at] = ts;
    c.key[at] = key;
    this.seen(pt, ts);
    if (dir === RECORD_IN) this.countIntoWindows(lane, key, ts);
  }

  /**
   * Replaces the records held with processing time in [ptFrom, ptTo] by `rows`: the worker's
   * denser sample of time already run. Windows counted those records when they arrived, so
   * they are not counted again.
   */
  replaceRecords(ptFrom: number, ptTo: number, rows: RecordRows): void {
    const table = this.records;
    const { from, to } = this.recordsIn(ptFrom, ptTo);
    const at = table.splice(from, to, rows.count);
    const c = table.columns;
    for (let i = 0; i < rows.count; i++) {
      c.id[at + i] = rows.id[i];
      c.lane[at + i] = rows.lane[i];
      c.dir[at + i] = rows.dir[i];
      c.pt[at + i] = rows.pt[i];
      c.ts[at + i] = rows.ts[i];
      c.key[at + i] = rows.key[i];
      this.seen(rows.pt[i], rows.ts[i]);
    }
  }

  appendLate(
    id: number,
    lane: number,
    pt: number,
    ts: number,
    key: number,
    watermark: number,
    outcome: number,
  ): void {
    const at = this.orderedSlot(this.late, pt);
    const c = this.late.columns;
    c.id[at] = id;
    c.lane[at] = lane;
    c.pt[at] = pt;
    c.ts[at] = ts;
    c.key[at] = key;
    c.watermark[at] = watermark;
    c.outcome[at] = outcome;
    this.seen(pt, ts);
  }

  appendWatermark(lane: number, pt: number, watermark: number): void {
    const at = this.orderedSlot(this.watermarks, pt);
    const c = this.watermarks.columns;
    c.lane[at] = lane;
    c.pt[at] = pt;
    c.watermark[at] = watermark;
    this.advanceTo(pt);
    this.laneWatermark[lane] = watermark;
    const operator = this.operatorOfLane(lane);
    const op = this.operators[operator];
    const series = this.lowWatermarks[operator];
    if (op === undefined || series === undefined) return;
    let low = Infinity;
    for (let i = 0; i < op.parallelism; i++) {
      low = Math.min(low, this.laneWatermark[op.firstLane + i] ?? -Infinity);
    }
    const last = series.length > 0 ? series.columns.watermark[series.length - 1] : -Infinity;
    if (low === last) return;
    const i = series.add();
    series.columns.pt[i] = pt;
    series.columns.watermark[i] = low;
  }

  windowCreated(lane: number, key: number, start: number, end: number, pt: number): void {
    const i = this.windows.add();
    const c = this.windows.columns;
    c.lane[i] = lane;
    c.key[i] = key;
    c.start[i] = start;
    c.end[i] = end;
    c.createdPt[i] = pt;
    c.firedPt[i] = NaN;
    c.firedWatermark[i] = NaN;
    c.lastFiredPt[i] = NaN;
    c.purgedPt[i] = NaN;
    c.result[i] = -1;
    c.firings[i] = 0;
    c.records[i] = 0;
    this.windowIndex.set(windowId(lane, key, start, end), i);
    const open = laneKey(lane, key);
    const list = this.openWindows.get(open);
    if (list === undefined) this.openWindows.set(open, [i]);
    else list.push(i);
    this.advanceTo(pt);
  }

  windowFired(
    lane: number,
    key: number,
    start: number,
    end: number,
    pt: number,
    watermark: number,
    result: number,
  ): void {
    const i = this.findWindow(lane, key, start, end, pt);
    const c = this.windows.columns;
    if (Number.isNaN(c.firedPt[i])) {
      c.firedPt[i] = pt;
      c.firedWatermark[i] = watermark;
    }
    c.lastFiredPt[i] = pt;
    c.result[i] = result;
    c.firings[i]++;
    this.advanceTo(pt);
  }

  windowPurged(lane: number, key: number, start: number, end: number, pt: number): void {
    const id = windowId(lane, key, start, end);
    const i = this.windowIndex.get(id);
    if (i === undefined) return;
    this.windows.columns.purgedPt[i] = pt;
    this.windowIndex.delete(id);
    const list = this.openWindows.get(laneKey(lane, key));
    const at = list?.indexOf(i) ?? -1;
    if (list !== undefined && at >= 0) list.splice(at, 1);
    this.advanceTo(pt);
  }

  appendBarrier(lane: number, pt: number, checkpoint: number, action: number): void {
    const at = this.orderedSlot(this.barriers, pt);
    const c = this.barriers.columns;
    c.lane[at] = lane;
    c.pt[at] = pt;
    c.checkpoint[at] = checkpoint;
    c.action[at] = action;
    this.advanceTo(pt);
  }

  appendIdleness(lane: number, pt: number, idle: boolean): void {
    const at = this.orderedSlot(this.idleness, pt);
    const c = this.idleness.columns;
    c.lane[at] = lane;
    c.pt[at] = pt;
    c.idle[at] = idle ? 1 : 0;
    this.advanceTo(pt);
  }

  /** Paused at this hit (its event is in the model already), or no longer paused at one. */
  setBreakpoint(hit: BreakpointHit | null): void {
    if (hit === null || hit.kind === 'checkpointCompletes') {
      this.breakpoint = hit === null ? null : { hit, operator: -1, lane: -1, window: -1 };
      return;
    }
    const operator = this.operators.findIndex((o) => o.uid === hit.operatorUid);
    const lane = operator < 0 ? -1 : this.laneOf(operator, hit.subtask);
    let window = -1;
    if (hit.kind === 'windowFires') {
      const index = this.keys.indexOf(hit.key);
      const key = index < 0 ? NO_KEY : index;
      // A purge forgets the window's id: look back from the latest, where the hit's window is.
      const c = this.windows.columns;
      const start = hit.start ?? NaN;
      const end = hit.end ?? NaN;
      for (let i = this.windows.length - 1; i >= 0 && window < 0; i--) {
        const same = c.lane[i] === lane && c.key[i] === key && Object.is(c.start[i], start);
        if (same && Object.is(c.end[i], end)) window = i;
      }
    }
    this.breakpoint = { hit, operator, lane, window };
  }

  /** Stretches of processing time in which a subtask was idle; an open one runs to now. */
  idleSpans(lane: number): { from: number; to: number }[] {
    const c = this.idleness.columns;
    const spans: { from: number; to: number }[] = [];
    let since: number | null = null;
    for (let i = 0; i < this.idleness.length; i++) {
      if (c.lane[i] !== lane) continue;
      if (c.idle[i] === 1 && since === null) since = c.pt[i];
      if (c.idle[i] === 0 && since !== null) {
        spans.push({ from: since, to: c.pt[i] });
        since = null;
      }
    }
    if (since !== null) spans.push({ from: since, to: this.now });
    return spans;
  }

  advanceTo(pt: number): void {
    if (pt > this.now) this.now = pt;
    if (pt < this.ptMin) this.ptMin = pt;
  }

  /** Ends a round of appends: bumps the version and tells the listeners once. */
  commit(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** Bound, so it can be handed to useSyncExternalStore as it is. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Records with processing time in [ptFrom, ptTo]. */
  recordsIn(ptFrom: number, ptTo: number): IndexRange {
    return rangeOf(this.records.columns.pt, this.records.length, ptFrom, ptTo);
  }

  lateIn(ptFrom: number, ptTo: number): IndexRange {
    return rangeOf(this.late.columns.pt, this.late.length, ptFrom, ptTo);
  }

  barriersIn(ptFrom: number, ptTo: number): IndexRange {
    return rangeOf(this.barriers.columns.pt, this.barriers.length, ptFrom, ptTo);
  }

  /** Watermark events in [ptFrom, ptTo], plus the one before, which holds at ptFrom. */
  watermarksIn(ptFrom: number, ptTo: number): IndexRange {
    const range = rangeOf(this.watermarks.columns.pt, this.watermarks.length, ptFrom, ptTo);
    return { from: Math.max(0, range.from - 1), to: range.to };
  }

  /** The operator's low-watermark steps in [ptFrom, ptTo], plus the one holding at ptFrom. */
  lowWatermarksIn(operator: number, ptFrom: number, ptTo: number): IndexRange {
    const series = this.lowWatermarks[operator];
    if (series === undefined) return { from: 0, to: 0 };
    const range = rangeOf(series.columns.pt, series.length, ptFrom, ptTo);
    return { from: Math.max(0, range.from - 1), to: range.to };
  }

  /** Windows whose band (from creation to purge, or to now) overlaps [ptFrom, ptTo]. */
  windowsIn(ptFrom: number, ptTo: number, operator?: number): number[] {
    const c = this.windows.columns;
    const found: number[] = [];
    for (let i = 0; i < this.windows.length; i++) {
      if (operator !== undefined && this.operatorOfLane(c.lane[i]) !== operator) continue;
      const until = Number.isNaN(c.purgedPt[i]) ? this.now : c.purgedPt[i];
      if (c.createdPt[i] <= ptTo && until >= ptFrom) found.push(i);
    }
    return found;
  }

  /** Where the run's events lie; null before the first one. */
  extent(): Extent | null {
    if (this.ptMin === Infinity) return null;
    const etFrom = this.etMin === Infinity ? this.ptMin : this.etMin;
    const etTo = this.etMax === -Infinity ? this.now : this.etMax;
    return { ptFrom: this.ptMin, ptTo: this.now, etFrom, etTo };
  }

  /** The highest event time seen so far, or null before any record. */
  latestEventTime(): number | null {
    return this.etMax === -Infinity ? null : this.etMax;
  }

  private seen(pt: number, ts: number): void {
    this.advanceTo(pt);
    if (ts < this.etMin) this.etMin = ts;
    if (ts > this.etMax) this.etMax = ts;
  }

  /** The slot for an event at `pt`: the end, or, if it arrived out of order, its place. */
  private orderedSlot<S extends Record<string, TypedArray> & { pt: Float64Array }>(
    table: ColumnTable<S>,
    pt: number,
  ): number {
    const n = table.length;
    if (n === 0 || table.columns.pt[n - 1] <= pt) return table.add();
    return table.insertAt(upperBound(table.columns.pt, n, pt));
  }

  private findWindow(lane: number, key: number, start: number, end: number, pt: number): number {
    const known = this.windowIndex.get(windowId(lane, key, start, end));
    if (known !== undefined) return known;
    // Fired without a traced creation: the band starts where we first hear of it.
    this.windowCreated(lane, key, start, end, pt);
    return this.windows.length - 1;
  }

  private countIntoWindows(lane: number, key: number, ts: number): void {
    const open = this.openWindows.get(laneKey(lane, key));
    if (open === undefined) return;
    const c = this.windows.columns;
    for (const i of open) {
      if (Number.isNaN(c.start[i]) || (ts >= c.start[i] && ts < c.end[i])) c.records[i]++;
    }
  }
}

function rangeOf(pt: Float64Array, length: number, from: number, to: number): IndexRange {
  const first = lowerBound(pt, length, from);
  return { from: first, to: Math.max(first, upperBound(pt, length, to)) };
}

const windowId = (lane: number, key: number, start: number, end: number) =>
  `${lane}|${key}|${start}|${end}`;
const laneKey = (lane: number, key: number) => `${lane}|${key}`;
