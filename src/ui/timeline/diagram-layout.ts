/**
 * The diagram's layout: where every visible record, late record, window band, result label
 * and watermark step of one operator lands in CSS pixels. Pure; drawing and hit testing both
 * read it, so what is drawn is exactly what can be hovered.
 */
import { keySlot } from './colours';
import { lowerBound } from './columns';
import { diagramBreakpoint, jobMarksIn, type BreakpointMark, type JobMark } from './draw-common';
import { formatValue } from './format-value';
import { RECORD_IN, RECORD_OUT, type TimelineModel } from './model';
import type { Scale } from './scale';
import { ticks, type Ticks } from './ticks';
import { span, xScale, yScale, type PlotRect, type Viewport } from './viewport';

export interface Size {
  width: number;
  height: number;
}

export interface PointSet {
  count: number;
  /** Row of each point in its model table. */
  index: Uint32Array;
  x: Float32Array;
  y: Float32Array;
  /** Colour slot (records) or outcome (late records). */
  tag: Uint8Array;
}

export interface WindowBox {
  /** Row in the model's windows table. */
  index: number;
  slot: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Right end of the retained state after the first firing (allowed lateness); else x1. */
  tailX1: number;
  fired: boolean;
  /** Fired a moment ago: drawn lit up. */
  recent: boolean;
  /** How full the window is relative to the fullest in view, 0 to FILL_LEVELS - 1. */
  level: number;
}

export interface LabelBox {
  window: number;
  slot: number;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramLayout {
  size: Size;
  plot: PlotRect;
  viewport: Viewport;
  x: Scale;
  y: Scale;
  xTicks: Ticks;
  yTicks: Ticks;
  operator: number;
  records: PointSet;
  late: PointSet;
  windows: WindowBox[];
  labels: LabelBox[];
  /** Stepped low-watermark line as x, y pairs. */
  watermark: Float32Array;
  /** x of the present, or null when it is out of view. */
  present: number | null;
  jobMarks: JobMark[];
  breakpoint: BreakpointMark | null;
  /** The ideal line (processing time = event time) across the plot, or null. */
  diagonal: [number, number, number, number] | null;
}

export interface DiagramInput {
  model: TimelineModel;
  operator: number;
  viewport: Viewport;
  size: Size;
  paletteSize: number;
  /** Width of a result label's text in CSS pixels (the canvas's measureText in the app). */
  measure(text: string): number;
  /** Width of the label of an event-time tick, to make room for the widest. */
  tickWidth(value: number, step: number): number;
}

/** Margins around the plot; the left one grows to fit the event-time labels. */
export const DIAGRAM_MARGIN = { left: 56, right: 18, top: 16, bottom: 30 };
/** Room left of the event-time labels, for the rotated axis title, plus the tick marks. */
const Y_TITLE_ROOM = 26;
export const FILL_LEVELS = 4;
export const LABEL_HEIGHT = 16;
/** A firing counts as recent for this share of the visible processing-time span. */
const RECENT_SHARE = 0.05;
/** Pixels beyond the plot at which points are still kept (dots are partly visible there). */
const BLEED = 6;

export function diagramPlot(size: Size, left = DIAGRAM_MARGIN.left): PlotRect {
  const m = DIAGRAM_MARGIN;
  return {
    left,
    top: m.top,
    width: Math.max(1, size.width - left - m.right),
    height: Math.max(1, size.height - m.top - m.bottom),
  };
}

/** Records of an operator the diagram shows: what arrives at it, or what a source emits. */
export function diagramDirection(model: TimelineModel, operator: number): number {
  return model.operators[operator]?.kind.startsWith('source') ? RECORD_OUT : RECORD_IN;
}

/** The operator the diagram opens on: the first window, or else the first operator. */
export function defaultDiagramOperator(model: TimelineModel): number {
  const window = model.operators.findIndex((op) => op.kind === 'window' || op.kind === 'windowAll');
  return window >= 0 ? window : 0;
}

export function layoutDiagram(input: DiagramInput): DiagramLayout {
  const { model, operator, viewport, size } = input;
  // The event-time ticks depend only on the height, so they are chosen first and the plot
  // starts right of the widest label.
  const height = diagramPlot(size).height;
  const yTicks = ticks(viewport.et.from, viewport.et.to, height, 44);
  let widest = 0;
  for (const v of yTicks.values) widest = Math.max(widest, input.tickWidth(v, yTicks.step));
  const plot = diagramPlot(size, Math.max(DIAGRAM_MARGIN.left, Math.ceil(widest) + Y_TITLE_ROOM));
  const x = xScale(viewport, plot);
  const y = yScale(viewport, plot);
  const layout: DiagramLayout = {
    size,
    plot,
    viewport,
    x,
    y,
    xTicks: ticks(viewport.pt.from, viewport.pt.to, plot.width, 96),
    yTicks,
    operator,
    records: layoutRecords(input, plot, x, y),
    late: layoutLate(input, plot, x, y),
    windows: [],
    labels: [],
    watermark: layoutWatermark(model, operator, viewport, plot, x, y),
    present: presentX(model, viewport, x),
    jobMarks: jobMarksIn(model, viewport, x),
    breakpoint: null,
    diagonal: layoutDiagonal(viewport, x, y),
  };
  layout.windows = layoutWindows(input, plot, x, y);
  layout.labels = placeLabels(input, layout);
  layout.breakpoint = diagramBreakpoint(model, layout);
  return layout;
}

/** x of the present when it is in view and the run has begun. */
export function presentX(model: TimelineModel, viewport: Viewport, x: Scale): number | null {
  if (model.extent() === null) return null;
  return model.now >= viewport.pt.from && model.now <= viewport.pt.to ? x.toPixel(model.now) : null;
}

function inPlot(px: number, py: number, plot: PlotRect): boolean {
  return (
    px >= plot.left - BLEED &&
    px <= plot.left + plot.width + BLEED &&
    py >= plot.top - BLEED &&
    py <= plot.top + plot.height + BLEED
  );
}

function pointSet(capacity: number): PointSet {
  return {
    count: 0,
    index: new Uint32Array(capacity),
    x: new Float32Array(capacity),
    y: new Float32Array(capacity),
    tag: new Uint8Array(capacity),
  };
}

function layoutRecords(input: DiagramInput, plot: PlotRect, x: Scale, y: Scale): PointSet {
  const { model, operator, viewport, paletteSize } = input;
  const dir = diagramDirection(model, operator);
  const { from, to } = model.recordsIn(viewport.pt.from, viewport.pt.to);
  const set = pointSet(to - from);
  const c = model.records.columns;
  for (let i = from; i < to; i++) {
    if (c.dir[i] !== dir || model.operatorOfLane(c.lane[i]) !== operator) continue;
    const px = x.toPixel(c.pt[i]);
    const py = y.toPixel(c.ts[i]);
    if (!inPlot(px, py, plot)) continue;
    const n = set.count++;
    set.index[n] = i;
    set.x[n] = px;
    set.y[n] = py;
    set.tag[n] = keySlot(c.key[i], paletteSize);
  }
  return set;
}

function layoutLate(input: DiagramInput, plot: PlotRect, x: Scale, y: Scale): PointSet {
  const { model, operator, viewport } = input;
  const { from, to } = model.lateIn(viewport.pt.from, viewport.pt.to);
  const set = pointSet(to - from);
  const c = model.late.columns;
  for (let i = from; i < to; i++) {
    if (model.operatorOfLane(c.lane[i]) !== operator) continue;
    const px = x.toPixel(c.pt[i]);
    const py = y.toPixel(c.ts[i]);
    if (!inPlot(px, py, plot)) continue;
    const n = set.count++;
    set.index[n] = i;
    set.x[n] = px;
    set.y[n] = py;
    set.tag[n] = c.outcome[i];
  }
  return set;
}

function layoutWindows(input: DiagramInput, plot: PlotRect, x: Scale, y: Scale): WindowBox[] {
  const { model, operator, viewport, paletteSize } = input;
  const c = model.windows.columns;
  // Processing-time windows are columns over their processing-time range, full height.
  const columns = model.windowTime === 'processing';
  const visible = model
    .windowsIn(viewport.pt.from, viewport.pt.to, operator)
    .filter((i) => Number.isFinite(c.start[i]) && Number.isFinite(c.end[i]))
    .filter((i) => columns || (c.end[i] >= viewport.et.from && c.start[i] <= viewport.et.to));
  let fullest = 1;
  for (const i of visible) fullest = Math.max(fullest, c.records[i]);
  const recent = span(viewport.pt) * RECENT_SHARE;
  const right = plot.left + plot.width;
  const clampX = (v: number) => Math.min(right + BLEED, Math.max(plot.left - BLEED, v));
  const clampY = (v: number) =>
    Math.min(plot.top + plot.height + BLEED, Math.max(plot.top - BLEED, v));
  return visible.map((i) => {
    const fired = !Number.isNaN(c.firedPt[i]);
    const purged = !Number.isNaN(c.purgedPt[i]);
    const until = fired ? c.firedPt[i] : purged ? c.purgedPt[i] : model.now;
    const tailUntil = purged ? c.purgedPt[i] : model.now;
    const level = Math.min(FILL_LEVELS - 1, Math.floor((c.records[i] / fullest) * FILL_LEVELS));
    return {
      index: i,
      slot: keySlot(c.key[i], paletteSize),
      x0: clampX(x.toPixel(columns ? c.start[i] : c.createdPt[i])),
      x1: clampX(x.toPixel(until)),
      tailX1: fired ? clampX(x.toPixel(Math.max(until, tailUntil))) : clampX(x.toPixel(until)),
      y0: columns ? plot.top - BLEED : clampY(y.toPixel(c.end[i])),
      y1: columns ? plot.top + plot.height + BLEED : clampY(y.toPixel(c.start[i])),
      fired,
      recent: fired && model.now - c.lastFiredPt[i] <= recent,
      level,
    };
  });
}

/**
 * Result labels beside the band's right edge (left of it when there is no room), moved up or
 * down within the band to avoid each other; a label that finds no room is left out.
 */
function placeLabels(input: DiagramInput, layout: DiagramLayout): LabelBox[] {
  const { model } = input;
  const c = model.windows.columns;
  const { plot } = layout;
  const placed: LabelBox[] = [];
  const order = layout.windows.filter((w) => w.fired && c.result[w.index] >= 0);
  for (const w of order) {
    const key = model.keyOf(c.key[w.index]);
    const result = formatValue(model.results[c.result[w.index]]);
    const text = key === undefined ? result : `${formatValue(key, 16)}: ${result}`;
    const width = input.measure(text) + 8;
    const height = LABEL_HEIGHT;
    const mid = (w.y0 + w.y1) / 2 - height / 2;
    let left = w.x1 + 4;
    if (left + width > plot.left + plot.width) left = w.x1 - 4 - width;
    if (left < plot.left) continue;
    for (let step = 0; step < 12; step++) {
      const offset = (step % 2 === 0 ? 1 : -1) * Math.ceil(step / 2) * (height + 2);
      const top = mid + offset;
      if (
        top < Math.max(plot.top, w.y0 - height) ||
        top + height > Math.min(plot.top + plot.height, w.y1 + height)
      ) {
        continue;
      }
      const box = { window: w.index, slot: w.slot, text, x: left, y: top, width, height };
      if (placed.some((p) => overlaps(p, box))) continue;
      placed.push(box);
      break;
    }
  }
  return placed;
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Pixels beyond the plot the watermark line may run: its width and round joins stay clipped. */
const WATERMARK_BLEED = 8;

/**
 * The low watermark as steps, at most one step per pixel column: a fast run advances
 * the watermark thousands of times per column, and a stroke costs per point, not per pixel.
 * Steps within one column become one taller step (found by binary search, so a long run
 * costs per column, not per step); y is held just outside the plot, where steps merge into
 * one flat segment.
 */
function layoutWatermark(
  model: TimelineModel,
  operator: number,
  viewport: Viewport,
  plot: PlotRect,
  x: Scale,
  y: Scale,
): Float32Array {
  const series = model.lowWatermarks[operator];
  if (series === undefined) return new Float32Array(0);
  const { from, to } = model.lowWatermarksIn(operator, viewport.pt.from, viewport.pt.to);
  const { pt, watermark } = series.columns;
  // At most two points per pixel column, however many steps the model holds.
  const points: number[] = [];
  const top = plot.top - WATERMARK_BLEED;
  const bottom = plot.top + plot.height + WATERMARK_BLEED;
  const clampY = (wm: number) => Math.max(top, Math.min(bottom, y.toPixel(wm)));
  let previous: number | null = null;
  let column = NaN;
  for (let i = from; i < to; i++) {
    const wm = watermark[i];
    if (wm === -Infinity) continue;
    const px = x.toPixel(Math.max(pt[i], viewport.pt.from));
    const py = clampY(wm);
    if (previous === null) {
      points.push(px, py);
    } else if (py !== previous) {
      const here = Math.round(px);
      if (here === column) {
        // Same column as the last step: its rise goes on to the new level.
        points[points.length - 1] = py;
      } else {
        points.push(px, previous, px, py);
        column = here;
      }
      // Later steps in this column only take its rise further: on to the column's last one.
      const last = lowerBound(pt, to, x.toValue(column + 0.5)) - 1;
      if (last > i + 1) i = last - 1;
    }
    previous = py;
    // The watermark only climbs: once above the plot, it stays there.
    if (py === top) break;
  }
  if (previous !== null) points.push(x.toPixel(Math.min(model.now, viewport.pt.to)), previous);
  return Float32Array.from(points);
}

function layoutDiagonal(
  viewport: Viewport,
  x: Scale,
  y: Scale,
): [number, number, number, number] | null {
  const from = Math.max(viewport.pt.from, viewport.et.from);
  const to = Math.min(viewport.pt.to, viewport.et.to);
  if (!(from < to)) return null;
  return [x.toPixel(from), y.toPixel(from), x.toPixel(to), y.toPixel(to)];
}
