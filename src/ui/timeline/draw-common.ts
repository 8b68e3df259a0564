/**
 * Drawing shared by both views: canvas setup, the time axis, the present line, job events and
 * the breakpoint the run is paused at.
 */
import type { TimelineColours } from './colours';
import type { DiagramLayout } from './diagram-layout';
import type { LaneRow } from './lanes-layout';
import type { TimelineBreakpoint, TimelineJobEvent, TimelineModel } from './model';
import type { Scale } from './scale';
import type { Ticks } from './ticks';
import type { PlotRect, Viewport } from './viewport';

/** Words the drawing needs, already translated. */
export interface DrawText {
  processingTime: string;
  eventTime: string;
  ideal: string;
  now: string;
  failed: string;
  restored(checkpointId: number | null): string;
  /** A tick's label on an axis ticked every `step` ms. */
  tick(value: number, step: number): string;
}

export function font(colours: TimelineColours, size: number, weight = 400): string {
  return `${weight} ${size}px ${colours.font}`;
}

/** Sizes the backing store for the device's pixel ratio and clears it. */
export function begin(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  pixelRatio: number,
): void {
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

/** Half-pixel aligned coordinate so one-pixel lines stay crisp. */
export const crisp = (v: number) => Math.round(v) + 0.5;

/** Vertical grid lines at the ticks, one path. */
export function drawVerticalGrid(
  ctx: CanvasRenderingContext2D,
  plot: PlotRect,
  x: Scale,
  ticks: Ticks,
  colours: TimelineColours,
): void {
  ctx.beginPath();
  for (const v of ticks.values) {
    const px = crisp(x.toPixel(v));
    ctx.moveTo(px, plot.top);
    ctx.lineTo(px, plot.top + plot.height);
  }
  ctx.strokeStyle = colours.border;
  ctx.lineWidth = 1;
  ctx.stroke();
}

/** Space kept between the last tick label and the axis title. */
const TITLE_GAP = 12;

/** The processing-time axis under the plot, with its tick labels and title. */
export function drawTimeAxis(
  ctx: CanvasRenderingContext2D,
  plot: PlotRect,
  x: Scale,
  ticks: Ticks,
  colours: TimelineColours,
  text: DrawText,
): void {
  const bottom = crisp(plot.top + plot.height);
  ctx.beginPath();
  ctx.moveTo(plot.left, bottom);
  ctx.lineTo(plot.left + plot.width, bottom);
  for (const v of ticks.values) {
    const px = crisp(x.toPixel(v));
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + 5);
  }
  ctx.strokeStyle = colours.textMuted;
  ctx.lineWidth = 1;
  ctx.stroke();

  // The title sits at the right end of the tick row; ticks that would run into it give way.
  const title = `${text.processingTime} →`;
  ctx.font = font(colours, 12, 600);
  const titleLeft = plot.left + plot.width - ctx.measureText(title).width;
  ctx.fillStyle = colours.text;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'top';
  ctx.fillText(title, plot.left + plot.width, bottom + 8);

  ctx.fillStyle = colours.textMuted;
  ctx.font = font(colours, 11);
  ctx.textAlign = 'center';
  for (const v of ticks.values) {
    const label = text.tick(v, ticks.step);
    const px = x.toPixel(v);
    if (px + ctx.measureText(label).width / 2 > titleLeft - TITLE_GAP) continue;
    ctx.fillText(label, px, bottom + 8);
  }
}

/** A dashed vertical line at the present, labelled. */
export function drawPresent(
  ctx: CanvasRenderingContext2D,
  plot: PlotRect,
  x: number | null,
  colours: TimelineColours,
  text: DrawText,
): void {
  if (x === null) return;
  const px = crisp(x);
  ctx.beginPath();
  ctx.moveTo(px, plot.top);
  ctx.lineTo(px, plot.top + plot.height);
  ctx.setLineDash([3, 4]);
  ctx.strokeStyle = colours.textMuted;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = colours.textMuted;
  ctx.font = font(colours, 10, 600);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'top';
  ctx.fillText(text.now, px - 4, plot.top + 2);
}

/** Where the job failed, and where a restart rewound its sources to a checkpoint. */
export interface JobMark {
  x: number;
  event: TimelineJobEvent;
}

export function jobMarksIn(model: TimelineModel, viewport: Viewport, x: Scale): JobMark[] {
  return model.jobEvents
    .filter((e) => e.pt >= viewport.pt.from && e.pt <= viewport.pt.to)
    .map((event) => ({ x: x.toPixel(event.pt), event }));
}

export function drawJobMarks(
  ctx: CanvasRenderingContext2D,
  plot: PlotRect,
  marks: readonly JobMark[],
  colours: TimelineColours,
  text: DrawText,
): void {
  ctx.font = font(colours, 10, 600);
  ctx.textBaseline = 'top';
  ctx.lineWidth = 1.5;
  for (const { x, event } of marks) {
    const px = crisp(x);
    const colour = event.kind === 'failed' ? colours.late : colours.accent;
    ctx.beginPath();
    ctx.moveTo(px, plot.top);
    ctx.lineTo(px, plot.top + plot.height);
    ctx.strokeStyle = colour;
    ctx.stroke();
    ctx.fillStyle = colour;
    // A failure's label reads to the left of its line, the restart's to the right.
    ctx.textAlign = event.kind === 'failed' ? 'right' : 'left';
    const label = event.kind === 'failed' ? text.failed : text.restored(event.checkpointId);
    ctx.fillText(label, event.kind === 'failed' ? px - 4 : px + 4, plot.top + 14);
  }
}

/** Where the run is paused at a breakpoint, in one view. */
export interface BreakpointMark {
  /** x of the hit's processing time. */
  x: number;
  /**
   * The pin's tip on the hit's event as this view draws it (the fired window's result label,
   * the late record, the subtask's row); null when the view does not show it.
   */
  spot: { x: number; y: number } | null;
  breakpoint: TimelineBreakpoint;
}

/** Radius of a pin's head; the pin is three heads tall. */
export const PIN_RADIUS = 5;
const PIN_HEIGHT = PIN_RADIUS * 3;
/** The top pin's tip: below the present's label, which stands at the same time while paused. */
const TOP_PIN_TIP = 14 + PIN_HEIGHT;

function breakpointMark(
  model: TimelineModel,
  viewport: Viewport,
  x: Scale,
  spot: (b: TimelineBreakpoint) => BreakpointMark['spot'],
): BreakpointMark | null {
  const b = model.breakpoint;
  if (b === null) return null;
  const pt = b.hit.processingTime;
  if (pt < viewport.pt.from || pt > viewport.pt.to) return null;
  return { x: x.toPixel(pt), spot: spot(b), breakpoint: b };
}

/** In the diagram: the pin on the fired window's result label (or band), or the late record. */
export function diagramBreakpoint(
  model: TimelineModel,
  layout: Pick<DiagramLayout, 'viewport' | 'x' | 'y' | 'plot' | 'operator' | 'labels' | 'windows'>,
): BreakpointMark | null {
  const { plot, x, y } = layout;
  return breakpointMark(model, layout.viewport, x, (b) => {
    if (b.operator !== layout.operator) return null;
    if (b.hit.kind === 'lateRecord') {
      const spot = { x: x.toPixel(b.hit.processingTime), y: y.toPixel(b.hit.eventTime) };
      const inside = spot.y >= plot.top && spot.y <= plot.top + plot.height;
      return inside ? spot : null;
    }
    const label = layout.labels.find((l) => l.window === b.window);
    if (label !== undefined) return { x: label.x + label.width / 2, y: label.y };
    const band = layout.windows.find((w) => w.index === b.window);
    return band === undefined ? null : { x: band.x1, y: band.y0 };
  });
}

/** In the lanes view: the pin on the hit's subtask row, its tip where the row's marks are. */
export function lanesBreakpoint(
  model: TimelineModel,
  viewport: Viewport,
  x: Scale,
  rows: readonly LaneRow[],
): BreakpointMark | null {
  return breakpointMark(model, viewport, x, (b) => {
    const row = rows[b.lane];
    const y = row === undefined ? 0 : row.top + row.height / 2;
    return row === undefined ? null : { x: x.toPixel(b.hit.processingTime), y };
  });
}

/**
 * The breakpoint: a dotted line at its processing time with a pin on top (for a checkpoint,
 * the line its barriers start from), and a pin on its event. A handful of path calls.
 */
export function drawBreakpointMark(
  ctx: CanvasRenderingContext2D,
  plot: PlotRect,
  mark: BreakpointMark | null,
  colours: TimelineColours,
): void {
  if (mark === null) return;
  const px = crisp(mark.x);
  ctx.beginPath();
  ctx.moveTo(px, plot.top + TOP_PIN_TIP);
  ctx.lineTo(px, plot.top + plot.height);
  ctx.setLineDash([2, 3]);
  ctx.strokeStyle = colours.accent;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  ctx.setLineDash([]);
  drawPin(ctx, mark.x, plot.top + TOP_PIN_TIP, colours);
  if (mark.spot !== null) drawPin(ctx, mark.spot.x, mark.spot.y, colours);
}

/** A map pin whose tip is at (x, tipY): a head over a point, with a hole. */
export function drawPin(
  ctx: CanvasRenderingContext2D,
  x: number,
  tipY: number,
  colours: TimelineColours,
) {
  const cy = tipY - PIN_HEIGHT + PIN_RADIUS;
  ctx.beginPath();
  ctx.moveTo(x, tipY);
  ctx.arc(x, cy, PIN_RADIUS, Math.PI * 0.8, Math.PI * 0.2);
  ctx.closePath();
  ctx.fillStyle = colours.accent;
  ctx.fill();
  ctx.strokeStyle = colours.surface;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(x, cy, PIN_RADIUS * 0.4, 0, Math.PI * 2);
  ctx.fillStyle = colours.surface;
  ctx.fill();
}

/** Whether (px, py) is on the mark's pins, within `slack` pixels. */
export function onBreakpointMark(
  mark: BreakpointMark,
  plot: PlotRect,
  px: number,
  py: number,
  slack: number,
): boolean {
  const onPin = (x: number, tipY: number) =>
    Math.abs(px - x) <= PIN_RADIUS + slack && py >= tipY - PIN_HEIGHT - slack && py <= tipY + slack;
  return (
    onPin(mark.x, plot.top + TOP_PIN_TIP) || (mark.spot !== null && onPin(mark.spot.x, mark.spot.y))
  );
}

/** Restricts drawing to the plot until the matching ctx.restore(). */
export function clipTo(ctx: CanvasRenderingContext2D, plot: PlotRect): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.width, plot.height);
  ctx.clip();
}
