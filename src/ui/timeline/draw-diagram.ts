/**
 * Drawing the diagram (Akidau's Streaming 101/102 picture) from its layout. The static layer
 * holds everything the run produced; the interactive layer only the hover and the highlighted
 * window. Every batch of marks is one path per colour, so the number of fill and stroke calls
 * does not grow with the number of events.
 */
import { slotColour, type TimelineColours } from './colours';
import { FILL_LEVELS, type DiagramLayout, type LabelBox, type WindowBox } from './diagram-layout';
import {
  begin,
  clipTo,
  drawBreakpointMark,
  crisp,
  drawJobMarks,
  drawPresent,
  drawTimeAxis,
  drawVerticalGrid,
  font,
  type DrawText,
} from './draw-common';
import { PixelSieve } from './distinct-pixels';
import type { TimelineHit } from './hit-test';
import { LATE_DROPPED, type TimelineModel } from './model';

/** Dot radius by how crowded the view is. */
export function dotRadius(visible: number): number {
  return visible > 6000 ? 1.8 : visible > 2000 ? 2.6 : 3.6;
}

const LATE_RADIUS = 5;
/** Side of the square in which one late ring of each outcome is drawn. */
const LATE_CELL = 2;
/** One grid for all diagrams: they draw one at a time, on the main thread. */
const sieve = new PixelSieve();
/** Above this many dots in view, records are drawn as small squares without halos. */
export const DENSE = 2000;
/** Band fill by fill level. Bands of different keys overlap, so fills are neutral and light. */
const BAND_ALPHA = [0.035, 0.06, 0.085, 0.11] as const;

export function drawDiagramStatic(
  ctx: CanvasRenderingContext2D,
  layout: DiagramLayout,
  colours: TimelineColours,
  text: DrawText,
  pixelRatio: number,
): void {
  const { plot, size } = layout;
  begin(ctx, size.width, size.height, pixelRatio);
  drawVerticalGrid(ctx, plot, layout.x, layout.xTicks, colours);
  drawHorizontalGrid(ctx, layout, colours);

  clipTo(ctx, plot);
  drawWindows(ctx, layout, colours);
  drawDiagonal(ctx, layout, colours, text);
  drawWatermark(ctx, layout, colours);
  drawRecords(ctx, layout, colours);
  drawLate(ctx, layout, colours);
  drawJobMarks(ctx, plot, layout.jobMarks, colours, text);
  drawPresent(ctx, plot, layout.present, colours, text);
  ctx.restore();

  drawEventTimeAxis(ctx, layout, colours, text);
  drawTimeAxis(ctx, plot, layout.x, layout.xTicks, colours, text);
  drawLabels(ctx, layout.labels, colours);
  // Over the labels: its pin points at one.
  drawBreakpointMark(ctx, plot, layout.breakpoint, colours);
}

export interface DiagramInteraction {
  hover: TimelineHit | null;
  /** Window (row in the model) whose records are highlighted. */
  highlight: number | null;
}

export function drawDiagramInteractive(
  ctx: CanvasRenderingContext2D,
  layout: DiagramLayout,
  model: TimelineModel,
  interaction: DiagramInteraction,
  colours: TimelineColours,
  pixelRatio: number,
): void {
  begin(ctx, layout.size.width, layout.size.height, pixelRatio);
  clipTo(ctx, layout.plot);
  if (interaction.highlight !== null)
    drawHighlight(ctx, layout, model, interaction.highlight, colours);
  const hover = interaction.hover;
  if (hover !== null) {
    if (hover.kind === 'window') {
      const box = layout.windows.find((w) => w.index === hover.index);
      if (box !== undefined) outlineWindow(ctx, box, colours.text, 1.5);
    } else {
      ctx.beginPath();
      ctx.arc(hover.x, hover.y, LATE_RADIUS + 3, 0, Math.PI * 2);
      ctx.strokeStyle = colours.text;
      ctx.lineWidth = 2;
      ctx.stroke();
    }
  }
  ctx.restore();
}

function drawHorizontalGrid(
  ctx: CanvasRenderingContext2D,
  layout: DiagramLayout,
  colours: TimelineColours,
): void {
  const { plot, y, yTicks } = layout;
  ctx.beginPath();
  for (const v of yTicks.values) {
    const py = crisp(y.toPixel(v));
    ctx.moveTo(plot.left, py);
    ctx.lineTo(plot.left + plot.width, py);
  }
  ctx.strokeStyle = colours.border;
  ctx.lineWidth = 1;
  ctx.stroke();
}

function drawEventTimeAxis(
  ctx: CanvasRenderingContext2D,
  layout: DiagramLayout,
  colours: TimelineColours,
  text: DrawText,
): void {
  const { plot, y, yTicks } = layout;
  const left = crisp(plot.left);
  ctx.beginPath();
  ctx.moveTo(left, plot.top);
  ctx.lineTo(left, plot.top + plot.height);
  for (const v of yTicks.values) {
    const py = crisp(y.toPixel(v));
    ctx.moveTo(left - 5, py);
    ctx.lineTo(left, py);
  }
  ctx.strokeStyle = colours.textMuted;
  ctx.lineWidth = 1;
  ctx.stroke();

  ctx.fillStyle = colours.textMuted;
  ctx.font = font(colours, 11);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of yTicks.values) ctx.fillText(text.tick(v, yTicks.step), left - 8, y.toPixel(v));

  ctx.save();
  ctx.translate(14, plot.top);
  ctx.rotate(-Math.PI / 2);
  ctx.fillStyle = colours.text;
  ctx.font = font(colours, 12, 600);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillText(`${text.eventTime} →`, 0, 0);
  ctx.restore();
}

/**
 * Window bands: filled darker as records arrive, outlined in their key's colour (dashed while
 * open), with a dotted tail while state is kept for late records after the first firing.
 */
function drawWindows(
  ctx: CanvasRenderingContext2D,
  layout: DiagramLayout,
  colours: TimelineColours,
): void {
  // One path per fill level: overlapping bands of one level do not stack their alpha...
  ctx.fillStyle = colours.textMuted;
  for (let level = 0; level < FILL_LEVELS; level++) {
    const filled = layout.windows.filter((w) => w.level === level);
    if (filled.length === 0) continue;
    ctx.beginPath();
    for (const w of filled) ctx.rect(w.x0, w.y0, w.x1 - w.x0, w.y1 - w.y0);
    ctx.globalAlpha = BAND_ALPHA[level] ?? BAND_ALPHA[0];
    ctx.fill();
  }
  // ...and those that fired a moment ago light up...
  const lit = layout.windows.filter((w) => w.recent);
  if (lit.length > 0) {
    ctx.beginPath();
    for (const w of lit) ctx.rect(w.x0, w.y0, w.x1 - w.x0, w.y1 - w.y0);
    ctx.fillStyle = colours.accent;
    ctx.globalAlpha = 0.12;
    ctx.fill();
  }
  const slots = colours.keys.length + 1;
  for (let slot = 0; slot < slots; slot++) {
    const mine = layout.windows.filter((w) => w.slot === slot);
    if (mine.length === 0) continue;
    ctx.strokeStyle = slotColour(colours, slot);
    ctx.globalAlpha = 0.9;
    strokeBoxes(
      ctx,
      mine.filter((w) => w.fired),
      1.25,
      [],
    );
    ctx.globalAlpha = 0.7;
    strokeBoxes(
      ctx,
      mine.filter((w) => !w.fired),
      1,
      [4, 3],
    );
    const tails = mine.filter((w) => w.tailX1 > w.x1 + 1);
    if (tails.length > 0) {
      ctx.beginPath();
      for (const w of tails) {
        ctx.moveTo(w.x1, w.y0);
        ctx.lineTo(w.tailX1, w.y0);
        ctx.moveTo(w.x1, w.y1);
        ctx.lineTo(w.tailX1, w.y1);
      }
      ctx.globalAlpha = 0.5;
      ctx.setLineDash([2, 3]);
      ctx.lineWidth = 1;
      ctx.stroke();
      ctx.setLineDash([]);
    }
    // ...with a glowing edge where they fired.
    const edges = mine.filter((w) => w.recent);
    if (edges.length > 0) {
      ctx.beginPath();
      for (const w of edges) {
        ctx.moveTo(w.x1, w.y0);
        ctx.lineTo(w.x1, w.y1);
      }
      ctx.globalAlpha = 0.3;
      ctx.lineWidth = 7;
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.lineWidth = 2;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }
}

function strokeBoxes(
  ctx: CanvasRenderingContext2D,
  boxes: WindowBox[],
  width: number,
  dash: number[],
): void {
  if (boxes.length === 0) return;
  ctx.beginPath();
  for (const w of boxes) ctx.rect(w.x0, w.y0, w.x1 - w.x0, w.y1 - w.y0);
  ctx.setLineDash(dash);
  ctx.lineWidth = width;
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawDiagonal(
  ctx: CanvasRenderingContext2D,
  layout: DiagramLayout,
  colours: TimelineColours,
  text: DrawText,
): void {
  if (layout.diagonal === null) return;
  const [x0, y0, x1, y1] = layout.diagonal;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.setLineDash([6, 6]);
  ctx.strokeStyle = colours.textMuted;
  ctx.globalAlpha = 0.7;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;

  // The label sits along the line, near its upper end inside the plot.
  const { plot } = layout;
  const t = 0.88;
  const lx = x0 + (x1 - x0) * t;
  const ly = y0 + (y1 - y0) * t;
  if (lx < plot.left + 40 || ly < plot.top + 12) return;
  ctx.save();
  ctx.translate(lx, ly);
  ctx.rotate(Math.atan2(y1 - y0, x1 - x0));
  ctx.fillStyle = colours.textMuted;
  ctx.font = font(colours, 10, 600);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillText(text.ideal, 0, -3);
  ctx.restore();
}

function drawWatermark(
  ctx: CanvasRenderingContext2D,
  layout: DiagramLayout,
  colours: TimelineColours,
): void {
  const points = layout.watermark;
  if (points.length < 4) return;
  const bottom = layout.plot.top + layout.plot.height;
  // What the watermark declares complete: a faint wash below the line.
  ctx.beginPath();
  ctx.moveTo(points[0], bottom);
  for (let i = 0; i < points.length; i += 2) ctx.lineTo(points[i], points[i + 1]);
  ctx.lineTo(points[points.length - 2], bottom);
  ctx.closePath();
  ctx.fillStyle = colours.watermark;
  ctx.globalAlpha = 0.05;
  ctx.fill();
  ctx.globalAlpha = 1;

  ctx.beginPath();
  ctx.moveTo(points[0], points[1]);
  for (let i = 2; i < points.length; i += 2) ctx.lineTo(points[i], points[i + 1]);
  ctx.strokeStyle = colours.watermark;
  ctx.lineWidth = 2.25;
  ctx.lineJoin = 'round';
  ctx.stroke();
}

function drawRecords(
  ctx: CanvasRenderingContext2D,
  layout: DiagramLayout,
  colours: TimelineColours,
): void {
  const { records } = layout;
  const r = dotRadius(records.count);
  const dense = records.count > DENSE;
  if (!dense) {
    // A halo in the surface colour under each dot keeps overlapping dots apart.
    ctx.beginPath();
    for (let i = 0; i < records.count; i++) dot(ctx, records.x[i], records.y[i], r + 1.25, false);
    ctx.fillStyle = colours.surface;
    ctx.fill();
  }
  // Crowded views draw one square per key and pixel: the squares cover several pixels, so
  // another of the same colour on the same pixel changes nothing on screen.
  const shown = dense ? sieve.sift(records, layout.size.width, layout.size.height) : null;
  const slots = colours.keys.length + 1;
  for (let slot = 0; slot < slots; slot++) {
    let any = false;
    ctx.beginPath();
    const count = shown === null ? records.count : shown.length;
    for (let k = 0; k < count; k++) {
      const i = shown === null ? k : shown[k];
      if (records.tag[i] !== slot) continue;
      dot(ctx, records.x[i], records.y[i], r, dense);
      any = true;
    }
    if (!any) continue;
    ctx.fillStyle = slotColour(colours, slot);
    ctx.fill();
  }
}

/**
 * Adds a dot to the path. Crowded views use squares: a software rasteriser fills one path of
 * ten thousand squares several times faster than one of circles, and dots that small look
 * the same either way.
 */
function dot(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, square: boolean) {
  if (square) {
    ctx.rect(x - r, y - r, 2 * r, 2 * r);
  } else {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
  }
}

function drawLate(ctx: CanvasRenderingContext2D, layout: DiagramLayout, colours: TimelineColours) {
  const { late } = layout;
  if (late.count === 0) return;
  // Rings ten pixels wide: one per two-pixel square draws the same burst.
  const shown = sieve.sift(late, layout.size.width, layout.size.height, LATE_CELL);
  const r = LATE_RADIUS;
  ctx.beginPath();
  for (const i of shown) {
    ctx.moveTo(late.x[i] + r, late.y[i]);
    ctx.arc(late.x[i], late.y[i], r, 0, Math.PI * 2);
  }
  ctx.fillStyle = colours.surface;
  ctx.fill();
  ctx.strokeStyle = colours.late;
  ctx.lineWidth = 2;
  ctx.stroke();

  // Dropped: a cross in the ring. Diverted to the side output: a short arrow away from it.
  ctx.beginPath();
  for (const i of shown) {
    const x = late.x[i];
    const y = late.y[i];
    if (late.tag[i] === LATE_DROPPED) {
      const d = r * 0.55;
      ctx.moveTo(x - d, y - d);
      ctx.lineTo(x + d, y + d);
      ctx.moveTo(x + d, y - d);
      ctx.lineTo(x - d, y + d);
    } else {
      const from = x + r + 2.5;
      const to = from + 8;
      ctx.moveTo(from, y);
      ctx.lineTo(to, y);
      ctx.moveTo(to - 3.5, y - 3.5);
      ctx.lineTo(to, y);
      ctx.lineTo(to - 3.5, y + 3.5);
    }
  }
  ctx.lineWidth = 1.75;
  ctx.lineCap = 'round';
  ctx.stroke();
  ctx.lineCap = 'butt';
}

function drawLabels(ctx: CanvasRenderingContext2D, labels: LabelBox[], colours: TimelineColours) {
  if (labels.length === 0) return;
  ctx.beginPath();
  for (const l of labels) roundRect(ctx, l.x, l.y, l.width, l.height, 4);
  ctx.fillStyle = colours.surface;
  ctx.globalAlpha = 0.92;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.font = font(colours, 11, 700);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const slots = colours.keys.length + 1;
  for (let slot = 0; slot < slots; slot++) {
    const mine = labels.filter((l) => l.slot === slot);
    if (mine.length === 0) continue;
    ctx.strokeStyle = slotColour(colours, slot);
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const l of mine) roundRect(ctx, l.x, l.y, l.width, l.height, 4);
    ctx.stroke();
    ctx.fillStyle = colours.text;
    for (const l of mine) ctx.fillText(l.text, l.x + 4, l.y + l.height / 2 + 0.5);
  }
}

function roundRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
): void {
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function outlineWindow(ctx: CanvasRenderingContext2D, w: WindowBox, colour: string, width: number) {
  ctx.beginPath();
  ctx.rect(w.x0, w.y0, w.tailX1 - w.x0, w.y1 - w.y0);
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.stroke();
}

/** The window's records ringed, and the window outlined. */
function drawHighlight(
  ctx: CanvasRenderingContext2D,
  layout: DiagramLayout,
  model: TimelineModel,
  window: number,
  colours: TimelineColours,
): void {
  const wc = model.windows.columns;
  if (window >= model.windows.length) return;
  const box = layout.windows.find((w) => w.index === window);
  if (box !== undefined) outlineWindow(ctx, box, colours.text, 2.5);
  const lane = wc.lane[window];
  const key = wc.key[window];
  const start = wc.start[window];
  const end = wc.end[window];
  const until = Number.isNaN(wc.lastFiredPt[window]) ? model.now : wc.lastFiredPt[window];
  const rc = model.records.columns;
  const { records } = layout;
  const r = dotRadius(records.count) + 3;
  ctx.beginPath();
  for (let i = 0; i < records.count; i++) {
    const row = records.index[i];
    if (rc.lane[row] !== lane || rc.key[row] !== key || rc.pt[row] > until) continue;
    if (rc.ts[row] < start || rc.ts[row] >= end) continue;
    ctx.moveTo(records.x[i] + r, records.y[i]);
    ctx.arc(records.x[i], records.y[i], r, 0, Math.PI * 2);
  }
  ctx.strokeStyle = colours.text;
  ctx.lineWidth = 2;
  ctx.stroke();
}
