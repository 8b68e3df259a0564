/**
 * Drawing the lanes view from its layout: a row per operator subtask with records as ticks,
 * watermarks as triangles, checkpoint barriers as diamonds on a dashed line, window firings
 * as flags and late records as rings. One path per colour, as in the diagram.
 */
import { slotColour, type TimelineColours } from './colours';
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
import type { TimelineHit } from './hit-test';
import { IN_TAG, type LanesLayout, type LaneRow } from './lanes-layout';
import { BARRIER_ALIGNED, LATE_DROPPED, type TimelineModel } from './model';

const TICK_WIDTH = 1.5;

export function drawLanesStatic(
  ctx: CanvasRenderingContext2D,
  layout: LanesLayout,
  model: TimelineModel,
  colours: TimelineColours,
  text: DrawText,
  pixelRatio: number,
): void {
  const { plot, size, rows } = layout;
  begin(ctx, size.width, size.height, pixelRatio);
  drawRows(ctx, layout, model, colours);
  drawVerticalGrid(ctx, plot, layout.x, layout.xTicks, colours);

  clipTo(ctx, plot);
  const rowOf = (lane: number) => rows[lane] as LaneRow;
  drawIdle(ctx, layout, rowOf, colours);
  drawRecordTicks(ctx, layout, rowOf, colours);
  drawWatermarks(ctx, layout, rowOf, colours);
  drawBarriers(ctx, layout, rowOf, colours);
  drawFirings(ctx, layout, rowOf, colours);
  drawLateMarks(ctx, layout, rowOf, colours);
  drawJobMarks(ctx, plot, layout.jobMarks, colours, text);
  drawPresent(ctx, plot, layout.present, colours, text);
  ctx.restore();

  drawBreakpointMark(ctx, plot, layout.breakpoint, colours);
  drawTimeAxis(ctx, plot, layout.x, layout.xTicks, colours, text);
}

export function drawLanesInteractive(
  ctx: CanvasRenderingContext2D,
  layout: LanesLayout,
  hover: TimelineHit | null,
  colours: TimelineColours,
  pixelRatio: number,
): void {
  begin(ctx, layout.size.width, layout.size.height, pixelRatio);
  if (hover === null) return;
  const row = layout.rows.find((r) => hover.y >= r.top && hover.y <= r.top + r.height);
  if (row === undefined) return;
  ctx.beginPath();
  ctx.rect(crisp(hover.x - 4), crisp(row.top + 1), 8, Math.max(2, row.height - 2));
  ctx.strokeStyle = colours.text;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

function drawRows(
  ctx: CanvasRenderingContext2D,
  layout: LanesLayout,
  model: TimelineModel,
  colours: TimelineColours,
): void {
  const { plot, rows } = layout;
  ctx.beginPath();
  for (const row of rows) {
    if (row.operator % 2 === 1) ctx.rect(0, row.top, plot.left + plot.width, row.height);
  }
  ctx.fillStyle = colours.border;
  ctx.globalAlpha = 0.35;
  ctx.fill();
  ctx.globalAlpha = 1;

  ctx.beginPath();
  for (const row of rows) {
    const y = crisp(row.top + row.height);
    ctx.moveTo(0, y);
    ctx.lineTo(plot.left + plot.width, y);
  }
  ctx.strokeStyle = colours.border;
  ctx.lineWidth = 1;
  ctx.stroke();

  if (rows.length === 0 || (rows[0] as LaneRow).height < 10) return;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const row of rows) {
    const op = model.operators[row.operator];
    if (op === undefined) continue;
    const y = row.top + row.height / 2;
    ctx.font = font(colours, 12, row.subtask === 0 ? 600 : 400);
    ctx.fillStyle = row.subtask === 0 ? colours.text : colours.textMuted;
    const name = row.subtask === 0 ? op.label : '';
    const maxWidth = plot.left - 44;
    if (name !== '') ctx.fillText(name, 10, y, maxWidth);
    if (op.parallelism > 1) {
      ctx.font = font(colours, 11);
      ctx.fillStyle = colours.textMuted;
      ctx.textAlign = 'right';
      ctx.fillText(`#${row.subtask}`, plot.left - 8, y);
      ctx.textAlign = 'left';
    }
  }
}

/** Idle stretches: the row greyed, so a watermark that stopped holding back shows why. */
function drawIdle(
  ctx: CanvasRenderingContext2D,
  layout: LanesLayout,
  rowOf: (lane: number) => LaneRow,
  colours: TimelineColours,
): void {
  if (layout.idle.length === 0) return;
  ctx.beginPath();
  for (const span of layout.idle) {
    const row = rowOf(span.row);
    ctx.rect(span.x0, row.top + 2, span.x1 - span.x0, row.height - 4);
  }
  ctx.fillStyle = colours.textMuted;
  ctx.globalAlpha = 0.16;
  ctx.fill();
  ctx.globalAlpha = 1;
}

function drawRecordTicks(
  ctx: CanvasRenderingContext2D,
  layout: LanesLayout,
  rowOf: (lane: number) => LaneRow,
  colours: TimelineColours,
): void {
  const { records } = layout;
  const slots = colours.keys.length + 1;
  for (let slot = 0; slot < slots; slot++) {
    let any = false;
    ctx.beginPath();
    for (let i = 0; i < records.count; i++) {
      const tag = records.tag[i];
      if ((tag & ~IN_TAG) !== slot) continue;
      const row = rowOf(records.row[i]);
      const x = records.x[i] - TICK_WIDTH / 2;
      const mid = row.top + row.height / 2;
      const length = row.height * 0.32 - 1;
      // Arrivals in the upper half of the row, emissions in the lower. Thin rectangles, not
      // stroked lines: filling rectangles is the rasteriser's fastest path.
      ctx.rect(x, tag & IN_TAG ? mid - 1 - length : mid + 1, TICK_WIDTH, length);
      any = true;
    }
    if (!any) continue;
    ctx.fillStyle = slotColour(colours, slot);
    ctx.fill();
  }
}

function drawWatermarks(
  ctx: CanvasRenderingContext2D,
  layout: LanesLayout,
  rowOf: (lane: number) => LaneRow,
  colours: TimelineColours,
): void {
  const { watermarks } = layout;
  if (watermarks.count === 0) return;
  ctx.beginPath();
  for (let i = 0; i < watermarks.count; i++) {
    const row = rowOf(watermarks.row[i]);
    const x = watermarks.x[i];
    const base = row.top + row.height - 1;
    const s = Math.min(5, row.height * 0.2);
    ctx.moveTo(x - s, base);
    ctx.lineTo(x, base - s * 1.4);
    ctx.lineTo(x + s, base);
    ctx.closePath();
  }
  ctx.fillStyle = colours.watermark;
  ctx.fill();
}

function drawBarriers(
  ctx: CanvasRenderingContext2D,
  layout: LanesLayout,
  rowOf: (lane: number) => LaneRow,
  colours: TimelineColours,
): void {
  const { barriers } = layout;
  if (barriers.count === 0) return;
  ctx.beginPath();
  for (let i = 0; i < barriers.count; i++) {
    const row = rowOf(barriers.row[i]);
    const x = crisp(barriers.x[i]);
    ctx.moveTo(x, row.top + 2);
    ctx.lineTo(x, row.top + row.height - 2);
  }
  ctx.setLineDash([2, 2]);
  ctx.strokeStyle = colours.accent;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.setLineDash([]);

  // Aligned (the subtask snapshots): a filled diamond; received on one channel: hollow.
  for (const aligned of [true, false]) {
    ctx.beginPath();
    for (let i = 0; i < barriers.count; i++) {
      if ((barriers.tag[i] === BARRIER_ALIGNED) !== aligned) continue;
      const row = rowOf(barriers.row[i]);
      diamond(ctx, barriers.x[i], row.top + Math.min(6, row.height * 0.25), 4);
    }
    if (aligned) {
      ctx.fillStyle = colours.accent;
      ctx.fill();
    } else {
      ctx.fillStyle = colours.surface;
      ctx.fill();
      ctx.strokeStyle = colours.accent;
      ctx.lineWidth = 1.25;
      ctx.stroke();
    }
  }
}

function drawFirings(
  ctx: CanvasRenderingContext2D,
  layout: LanesLayout,
  rowOf: (lane: number) => LaneRow,
  colours: TimelineColours,
): void {
  const { firings } = layout;
  const slots = colours.keys.length + 1;
  for (let slot = 0; slot < slots; slot++) {
    let any = false;
    ctx.beginPath();
    for (let i = 0; i < firings.count; i++) {
      if (firings.tag[i] !== slot) continue;
      const row = rowOf(firings.row[i]);
      const x = firings.x[i];
      const top = row.top + row.height * 0.15;
      const h = Math.min(10, row.height * 0.35);
      ctx.moveTo(x, row.top + row.height * 0.85);
      ctx.lineTo(x, top);
      ctx.lineTo(x + h, top + h / 2);
      ctx.lineTo(x, top + h);
      any = true;
    }
    if (!any) continue;
    ctx.fillStyle = slotColour(colours, slot);
    ctx.fill();
    ctx.strokeStyle = colours.text;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
}

function drawLateMarks(
  ctx: CanvasRenderingContext2D,
  layout: LanesLayout,
  rowOf: (lane: number) => LaneRow,
  colours: TimelineColours,
): void {
  const { late } = layout;
  if (late.count === 0) return;
  ctx.beginPath();
  for (let i = 0; i < late.count; i++) {
    const row = rowOf(late.row[i]);
    const y = row.top + row.height / 2;
    const r = Math.min(5, row.height * 0.3);
    ctx.moveTo(late.x[i] + r, y);
    ctx.arc(late.x[i], y, r, 0, Math.PI * 2);
    if (late.tag[i] === LATE_DROPPED) {
      const d = r * 0.6;
      ctx.moveTo(late.x[i] - d, y - d);
      ctx.lineTo(late.x[i] + d, y + d);
      ctx.moveTo(late.x[i] + d, y - d);
      ctx.lineTo(late.x[i] - d, y + d);
    }
  }
  ctx.strokeStyle = colours.late;
  ctx.lineWidth = 1.75;
  ctx.stroke();
}

function diamond(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.moveTo(x, y - r);
  ctx.lineTo(x + r, y);
  ctx.lineTo(x, y + r);
  ctx.lineTo(x - r, y);
  ctx.closePath();
}
