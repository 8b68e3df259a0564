/**
 * The lanes view's layout: one row per operator subtask, processing time across. Records are
 * ticks in their row (arrivals in the upper half, emissions in the lower), watermarks and
 * checkpoint barriers are markers, window firings and late records are marked where they
 * happened. Pure, like the diagram's layout.
 */
import { keySlot } from './colours';
import { presentX, type Size } from './diagram-layout';
import { jobMarksIn, lanesBreakpoint, type BreakpointMark, type JobMark } from './draw-common';
import { RECORD_IN, type TimelineModel } from './model';
import type { Scale } from './scale';
import { ticks, type Ticks } from './ticks';
import { xScale, type PlotRect, type Viewport } from './viewport';

export interface LaneRow {
  lane: number;
  operator: number;
  subtask: number;
  top: number;
  height: number;
}

/** Marks in rows: x, the row, the model row they came from and a tag. */
export interface RowMarks {
  count: number;
  index: Uint32Array;
  x: Float32Array;
  row: Uint16Array;
  /** Records: colour slot, plus IN_TAG for arrivals; late: outcome; barriers: action. */
  tag: Uint8Array;
}

export interface LanesLayout {
  size: Size;
  plot: PlotRect;
  viewport: Viewport;
  x: Scale;
  xTicks: Ticks;
  rows: LaneRow[];
  records: RowMarks;
  late: RowMarks;
  watermarks: RowMarks;
  barriers: RowMarks;
  /** Window firings: index is the window's row in the model, tag its colour slot. */
  firings: RowMarks;
  /** Stretches in which a subtask was idle, clipped to the plot. */
  idle: { row: number; x0: number; x1: number }[];
  present: number | null;
  jobMarks: JobMark[];
  breakpoint: BreakpointMark | null;
}

export interface LanesInput {
  model: TimelineModel;
  viewport: Viewport;
  size: Size;
  paletteSize: number;
}

export const LANES_MARGIN = { left: 148, right: 18, top: 8, bottom: 30 };
/** Added to a record tick's colour slot when the record arrived (rather than left). */
export const IN_TAG = 128;
const MAX_ROW_HEIGHT = 44;

export function lanesPlot(size: Size): PlotRect {
  const m = LANES_MARGIN;
  return {
    left: m.left,
    top: m.top,
    width: Math.max(1, size.width - m.left - m.right),
    height: Math.max(1, size.height - m.top - m.bottom),
  };
}

export function layoutLanes(input: LanesInput): LanesLayout {
  const { model, viewport, size, paletteSize } = input;
  const plot = lanesPlot(size);
  const x = xScale(viewport, plot);
  const rowHeight = Math.min(MAX_ROW_HEIGHT, plot.height / Math.max(1, model.lanes.length));
  const rows = model.lanes.map((lane, i) => ({
    lane: i,
    operator: lane.operator,
    subtask: lane.subtask,
    top: plot.top + i * rowHeight,
    height: rowHeight,
  }));
  const { from: ptFrom, to: ptTo } = viewport.pt;
  const visible = (px: number) => px >= plot.left - 2 && px <= plot.left + plot.width + 2;

  const rc = model.records.columns;
  const recordRange = model.recordsIn(ptFrom, ptTo);
  const records = marks(recordRange.to - recordRange.from);
  for (let i = recordRange.from; i < recordRange.to; i++) {
    const slot = keySlot(rc.key[i], paletteSize) + (rc.dir[i] === RECORD_IN ? IN_TAG : 0);
    add(records, i, x.toPixel(rc.pt[i]), rc.lane[i], slot);
  }

  const lc = model.late.columns;
  const lateRange = model.lateIn(ptFrom, ptTo);
  const late = marks(lateRange.to - lateRange.from);
  for (let i = lateRange.from; i < lateRange.to; i++) {
    add(late, i, x.toPixel(lc.pt[i]), lc.lane[i], lc.outcome[i]);
  }

  const wc = model.watermarks.columns;
  const wmRange = model.watermarksIn(ptFrom, ptTo);
  const watermarks = marks(wmRange.to - wmRange.from);
  for (let i = wmRange.from; i < wmRange.to; i++) {
    const px = x.toPixel(wc.pt[i]);
    if (visible(px) && Number.isFinite(wc.watermark[i])) add(watermarks, i, px, wc.lane[i], 0);
  }

  const bc = model.barriers.columns;
  const barrierRange = model.barriersIn(ptFrom, ptTo);
  const barriers = marks(barrierRange.to - barrierRange.from);
  for (let i = barrierRange.from; i < barrierRange.to; i++) {
    add(barriers, i, x.toPixel(bc.pt[i]), bc.lane[i], bc.action[i]);
  }

  const win = model.windows.columns;
  const fired = model
    .windowsIn(ptFrom, ptTo)
    .filter((i) => win.firedPt[i] >= ptFrom && win.firedPt[i] <= ptTo);
  const firings = marks(fired.length);
  for (const i of fired) {
    add(firings, i, x.toPixel(win.firedPt[i]), win.lane[i], keySlot(win.key[i], paletteSize));
  }

  const idle = rows.flatMap((row) =>
    model
      .idleSpans(row.lane)
      .filter((span) => span.to >= ptFrom && span.from <= ptTo)
      .map((span) => ({
        row: row.lane,
        x0: Math.max(plot.left, x.toPixel(span.from)),
        x1: Math.min(plot.left + plot.width, x.toPixel(span.to)),
      })),
  );

  return {
    size,
    plot,
    viewport,
    x,
    xTicks: ticks(ptFrom, ptTo, plot.width, 96),
    idle,
    rows,
    records,
    late,
    watermarks,
    barriers,
    firings,
    present: presentX(model, viewport, x),
    jobMarks: jobMarksIn(model, viewport, x),
    breakpoint: lanesBreakpoint(model, viewport, x, rows),
  };
}

function marks(capacity: number): RowMarks {
  return {
    count: 0,
    index: new Uint32Array(capacity),
    x: new Float32Array(capacity),
    row: new Uint16Array(capacity),
    tag: new Uint8Array(capacity),
  };
}

function add(set: RowMarks, index: number, x: number, row: number, tag: number): void {
  const n = set.count++;
  set.index[n] = index;
  set.x[n] = x;
  set.row[n] = row;
  set.tag[n] = tag;
}
