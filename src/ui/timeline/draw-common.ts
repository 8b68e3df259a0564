/** Drawing shared by both views: canvas setup, the time axis, the present line. */
import type { TimelineColours } from './colours';
import type { Scale } from './scale';
import type { Ticks } from './ticks';
import type { PlotRect } from './viewport';

/** Words the drawing needs, already translated. */
export interface DrawText {
  processingTime: string;
  eventTime: string;
  ideal: string;
  now: string;
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

/** How far a tick label may reach right of the plot (into the right margin). */
const AXIS_OVERHANG = 16;

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

  ctx.fillStyle = colours.textMuted;
  ctx.font = font(colours, 11);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const right = plot.left + plot.width + AXIS_OVERHANG;
  for (const v of ticks.values) {
    const label = text.tick(v, ticks.step);
    const px = x.toPixel(v);
    // A label that would be cut off by the canvas edge is left out.
    if (px + ctx.measureText(label).width / 2 > right) continue;
    ctx.fillText(label, px, bottom + 8);
  }

  ctx.fillStyle = colours.text;
  ctx.font = font(colours, 12, 600);
  ctx.textAlign = 'right';
  ctx.fillText(`${text.processingTime} →`, plot.left + plot.width, bottom + 24);
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

/** Restricts drawing to the plot until the matching ctx.restore(). */
export function clipTo(ctx: CanvasRenderingContext2D, plot: PlotRect): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.width, plot.height);
  ctx.clip();
}
