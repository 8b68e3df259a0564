/**
 * What is under the pointer, from the layout that was drawn: late records first (they sit on
 * top), then records, result labels, and window bands; in the lanes view, marks in the row.
 */
import type { DiagramLayout } from './diagram-layout';
import { onBreakpointMark, type BreakpointMark } from './draw-common';
import type { LanesLayout, RowMarks } from './lanes-layout';
import type { PlotRect } from './viewport';

/**
 * A hovered thing: its kind, its row in the model's table (for the breakpoint, always 0: the
 * model has one), and where to anchor a tooltip.
 */
export type TimelineHit = {
  kind: 'record' | 'late' | 'window' | 'watermark' | 'barrier' | 'breakpoint';
  index: number;
  x: number;
  y: number;
};

/** Pointer distance within which a dot counts as hovered, in CSS pixels. */
export const HIT_RADIUS = 6;

/** Index of the point nearest (px, py) within `radius`, or -1. */
export function nearestPoint(
  xs: Float32Array,
  ys: Float32Array,
  count: number,
  px: number,
  py: number,
  radius: number,
): number {
  let best = -1;
  let bestDistance = radius * radius;
  for (let i = 0; i < count; i++) {
    const dx = xs[i] - px;
    const dy = ys[i] - py;
    const d = dx * dx + dy * dy;
    if (d <= bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}

/** The breakpoint's pins sit on top of everything. */
function hitBreakpoint(
  mark: BreakpointMark | null,
  plot: PlotRect,
  px: number,
  py: number,
): TimelineHit | null {
  if (mark === null || !onBreakpointMark(mark, plot, px, py, 2)) return null;
  const at = mark.spot ?? { x: mark.x, y: plot.top };
  return { kind: 'breakpoint', index: 0, x: at.x, y: at.y };
}

export function hitDiagram(layout: DiagramLayout, px: number, py: number): TimelineHit | null {
  const pinned = hitBreakpoint(layout.breakpoint, layout.plot, px, py);
  if (pinned !== null) return pinned;
  const { late, records } = layout;
  const l = nearestPoint(late.x, late.y, late.count, px, py, HIT_RADIUS);
  if (l >= 0) return { kind: 'late', index: late.index[l], x: late.x[l], y: late.y[l] };
  const r = nearestPoint(records.x, records.y, records.count, px, py, HIT_RADIUS);
  if (r >= 0) return { kind: 'record', index: records.index[r], x: records.x[r], y: records.y[r] };
  for (const label of layout.labels) {
    if (
      px >= label.x &&
      px <= label.x + label.width &&
      py >= label.y &&
      py <= label.y + label.height
    ) {
      return { kind: 'window', index: label.window, x: label.x + label.width / 2, y: label.y };
    }
  }
  // The narrowest band under the pointer, so a window inside another stays reachable.
  let best: DiagramLayout['windows'][number] | null = null;
  for (const w of layout.windows) {
    if (px < w.x0 || px > w.tailX1 || py < w.y0 || py > w.y1) continue;
    if (best === null || w.y1 - w.y0 < best.y1 - best.y0) best = w;
  }
  return best === null ? null : { kind: 'window', index: best.index, x: px, y: best.y0 };
}

export function hitLanes(layout: LanesLayout, px: number, py: number): TimelineHit | null {
  const pinned = hitBreakpoint(layout.breakpoint, layout.plot, px, py);
  if (pinned !== null) return pinned;
  const row = layout.rows.find((r) => py >= r.top && py < r.top + r.height);
  if (row === undefined) return null;
  const y = row.top + row.height / 2;
  const find = (set: RowMarks, kind: TimelineHit['kind'], radius: number): TimelineHit | null => {
    let best = -1;
    let bestDistance = radius;
    for (let i = 0; i < set.count; i++) {
      if (set.row[i] !== row.lane) continue;
      const d = Math.abs(set.x[i] - px);
      if (d <= bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best < 0 ? null : { kind, index: set.index[best], x: set.x[best], y };
  };
  return (
    find(layout.late, 'late', 4) ??
    find(layout.firings, 'window', 5) ??
    find(layout.barriers, 'barrier', 4) ??
    find(layout.watermarks, 'watermark', 3) ??
    find(layout.records, 'record', 3)
  );
}

export function sameHit(a: TimelineHit | null, b: TimelineHit | null): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.index === b.index);
}
