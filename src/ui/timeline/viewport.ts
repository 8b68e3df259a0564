/**
 * What the timeline shows: a processing-time range (x) and an event-time range (y), and the
 * pure transitions between viewports that zoom, pan, fit and follow make.
 */
import type { Extent } from './model';
import { linearScale, type Scale } from './scale';

export interface TimeRange {
  from: number;
  to: number;
}

export interface Viewport {
  /** Processing time across. */
  pt: TimeRange;
  /** Event time upwards (the diagram; the lanes view reads only `pt`). */
  et: TimeRange;
}

/** Where the plot sits in the canvas, in CSS pixels. */
export interface PlotRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Which axes a gesture moves: both in the diagram, processing time only in the lanes view. */
export type Axes = 'both' | 'pt';

/** Narrowest and widest spans one can zoom to, in milliseconds. */
export const MIN_SPAN = 20;
export const MAX_SPAN = 1e12;
/** In follow mode the present sits this far across (and the newest event time this far up). */
export const FOLLOW_AT = 0.9;
/** Room left of processing time 0 while a young run is followed, as a share of the span. */
const FOLLOW_MARGIN = 0.03;

export const INITIAL_VIEWPORT: Viewport = {
  pt: { from: 0, to: 20_000 },
  et: { from: 0, to: 20_000 },
};

export function xScale(viewport: Viewport, plot: PlotRect): Scale {
  return linearScale(viewport.pt.from, viewport.pt.to, plot.left, plot.left + plot.width);
}

export function yScale(viewport: Viewport, plot: PlotRect): Scale {
  return linearScale(viewport.et.from, viewport.et.to, plot.top + plot.height, plot.top);
}

/** Zooms by `factor` (> 1 in, < 1 out) keeping the time under (px, py) where it is. */
export function zoomAt(
  viewport: Viewport,
  plot: PlotRect,
  px: number,
  py: number,
  factor: number,
  axes: Axes,
): Viewport {
  const x = xScale(viewport, plot);
  const pt = zoomRange(viewport.pt, x.toValue(px), factor);
  if (axes === 'pt') return { ...viewport, pt };
  const y = yScale(viewport, plot);
  return { pt, et: zoomRange(viewport.et, y.toValue(py), factor) };
}

/** Zooms about the plot's centre (the zoom buttons). */
export function zoomCentre(viewport: Viewport, plot: PlotRect, factor: number, axes: Axes) {
  return zoomAt(
    viewport,
    plot,
    plot.left + plot.width / 2,
    plot.top + plot.height / 2,
    factor,
    axes,
  );
}

/** Moves the content by (dx, dy) pixels, as a drag does: dragging right shows earlier time. */
export function panBy(
  viewport: Viewport,
  plot: PlotRect,
  dx: number,
  dy: number,
  axes: Axes,
): Viewport {
  const ptShift = (-dx * span(viewport.pt)) / Math.max(1, plot.width);
  const pt = shift(viewport.pt, ptShift);
  if (axes === 'pt') return { ...viewport, pt };
  const etShift = (dy * span(viewport.et)) / Math.max(1, plot.height);
  return { pt, et: shift(viewport.et, etShift) };
}

/**
 * Keeps the present in view: `now` at FOLLOW_AT across, the newest event time as high up. Early
 * in a run the view starts at processing time 0 instead, since the clock never runs before it.
 */
export function follow(viewport: Viewport, now: number, latestEventTime: number | null): Viewport {
  const ptSpan = span(viewport.pt);
  const from = Math.max(now - ptSpan * FOLLOW_AT, -ptSpan * FOLLOW_MARGIN);
  const pt = { from, to: from + ptSpan };
  if (latestEventTime === null) return { ...viewport, pt };
  const etSpan = span(viewport.et);
  const et = {
    from: latestEventTime - etSpan * FOLLOW_AT,
    to: latestEventTime + etSpan * (1 - FOLLOW_AT),
  };
  return { pt, et };
}

/** Shows all of `extent` with a margin around it. */
export function fit(extent: Extent, margin = 0.06): Viewport {
  return {
    pt: padded(extent.ptFrom, extent.ptTo, margin),
    et: padded(extent.etFrom, extent.etTo, margin),
  };
}

export function span(range: TimeRange): number {
  return range.to - range.from;
}

function zoomRange(range: TimeRange, anchor: number, factor: number): TimeRange {
  const next = clampSpan(span(range) / factor);
  const t = (anchor - range.from) / span(range);
  const from = anchor - t * next;
  return { from, to: from + next };
}

function shift(range: TimeRange, by: number): TimeRange {
  return { from: range.from + by, to: range.to + by };
}

function padded(from: number, to: number, margin: number): TimeRange {
  const width = clampSpan((to - from) * (1 + 2 * margin));
  const centre = (from + to) / 2;
  return { from: centre - width / 2, to: centre + width / 2 };
}

function clampSpan(value: number): number {
  return Math.min(MAX_SPAN, Math.max(MIN_SPAN, value));
}
