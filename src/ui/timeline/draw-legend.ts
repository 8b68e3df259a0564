/**
 * The legend drawn onto a canvas, for an exported picture: the same keys and marks the panel's
 * `TimelineLegend` lists, each with its swatch drawn as the timeline draws that mark.
 */
import { slotColour, type TimelineColours } from './colours';
import { drawPin, font, PIN_RADIUS } from './draw-common';

/** How a legend entry's swatch is drawn. */
export type Swatch =
  | { kind: 'key'; slot: number }
  /** Text only, such as the count of keys not named. */
  | { kind: 'none' }
  | {
      kind:
        | 'watermark'
        | 'window'
        | 'late'
        | 'dropped'
        | 'ideal'
        | 'arrive'
        | 'leave'
        | 'watermark-mark'
        | 'barrier'
        | 'firing'
        | 'idle'
        | 'breakpoint';
    };

export interface LegendEntry {
  swatch: Swatch;
  text: string;
}

export interface PlacedEntry extends LegendEntry {
  x: number;
  y: number;
}

export interface LegendLayout {
  entries: PlacedEntry[];
  height: number;
}

const FONT_SIZE = 12;
const SWATCH = 14;
const SWATCH_GAP = 6;
const ENTRY_GAP = 18;
const ROW = 22;
const PAD = { x: 12, y: 8 };

export const legendFont = (colours: TimelineColours) => font(colours, FONT_SIZE);

/** Entries laid out in rows across `width`, wrapping where the next would not fit. */
export function layoutLegend(
  entries: readonly LegendEntry[],
  width: number,
  measure: (text: string) => number,
): LegendLayout {
  const placed: PlacedEntry[] = [];
  let x = PAD.x;
  let y = PAD.y + ROW / 2;
  for (const entry of entries) {
    const entryWidth = SWATCH + SWATCH_GAP + measure(entry.text);
    if (x > PAD.x && x + entryWidth > width - PAD.x) {
      x = PAD.x;
      y += ROW;
    }
    placed.push({ ...entry, x, y });
    x += entryWidth + ENTRY_GAP;
  }
  const rows = placed.length === 0 ? 0 : (y - PAD.y - ROW / 2) / ROW + 1;
  return { entries: placed, height: rows * ROW + 2 * PAD.y };
}

/** Draws the laid-out legend with its top at `top`. */
export function drawLegend(
  ctx: CanvasRenderingContext2D,
  layout: LegendLayout,
  top: number,
  colours: TimelineColours,
): void {
  ctx.font = legendFont(colours);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const entry of layout.entries) {
    const y = top + entry.y;
    drawSwatch(ctx, entry.swatch, entry.x, y, colours);
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    ctx.fillStyle = colours.text;
    ctx.fillText(entry.text, entry.x + SWATCH + SWATCH_GAP, y);
  }
}

/** One swatch, its left edge at `x`, centred on `y`. */
function drawSwatch(
  ctx: CanvasRenderingContext2D,
  swatch: Swatch,
  x: number,
  y: number,
  colours: TimelineColours,
): void {
  const cx = x + SWATCH / 2;
  ctx.beginPath();
  switch (swatch.kind) {
    case 'none':
      return;
    case 'key':
      ctx.arc(cx, y, 4.5, 0, Math.PI * 2);
      ctx.fillStyle = slotColour(colours, swatch.slot);
      ctx.fill();
      return;
    case 'watermark':
      ctx.moveTo(x, y + 4);
      ctx.lineTo(cx, y + 4);
      ctx.lineTo(cx, y - 4);
      ctx.lineTo(x + SWATCH, y - 4);
      stroke(ctx, colours.watermark, 2);
      return;
    case 'window':
      ctx.rect(x + 0.5, y - SWATCH / 2 + 0.5, SWATCH - 1, SWATCH - 1);
      ctx.globalAlpha = 0.15;
      ctx.fillStyle = colours.accent;
      ctx.fill();
      ctx.globalAlpha = 1;
      stroke(ctx, colours.accent, 1.25);
      return;
    case 'late':
    case 'dropped':
      ctx.arc(cx, y, 5, 0, Math.PI * 2);
      if (swatch.kind === 'dropped') {
        ctx.moveTo(cx - 3, y - 3);
        ctx.lineTo(cx + 3, y + 3);
        ctx.moveTo(cx + 3, y - 3);
        ctx.lineTo(cx - 3, y + 3);
      }
      stroke(ctx, colours.late, 2);
      return;
    case 'ideal':
      ctx.moveTo(x, y);
      ctx.lineTo(x + SWATCH, y);
      ctx.setLineDash([3, 3]);
      stroke(ctx, colours.textMuted, 1.5);
      ctx.setLineDash([]);
      return;
    case 'arrive':
    case 'leave':
      ctx.rect(cx - 1, swatch.kind === 'arrive' ? y - 7 : y, 2, 7);
      ctx.fillStyle = colours.event;
      ctx.fill();
      return;
    case 'watermark-mark':
      ctx.moveTo(cx - 5, y + 4);
      ctx.lineTo(cx + 5, y + 4);
      ctx.lineTo(cx, y - 4);
      ctx.closePath();
      ctx.fillStyle = colours.watermark;
      ctx.fill();
      return;
    case 'barrier':
      ctx.moveTo(cx, y - 5);
      ctx.lineTo(cx + 5, y);
      ctx.lineTo(cx, y + 5);
      ctx.lineTo(cx - 5, y);
      ctx.closePath();
      ctx.fillStyle = colours.accent;
      ctx.fill();
      return;
    case 'firing':
      ctx.moveTo(cx - 4, y - 5);
      ctx.lineTo(cx + 5, y);
      ctx.lineTo(cx - 4, y + 5);
      ctx.closePath();
      ctx.fillStyle = slotColour(colours, 0);
      ctx.fill();
      return;
    case 'idle':
      ctx.rect(x, y - 5, SWATCH, 10);
      ctx.fillStyle = colours.border;
      ctx.fill();
      return;
    case 'breakpoint':
      drawPin(ctx, cx, y + PIN_RADIUS * 1.5, colours);
      return;
  }
}

function stroke(ctx: CanvasRenderingContext2D, colour: string, width: number): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.stroke();
}
