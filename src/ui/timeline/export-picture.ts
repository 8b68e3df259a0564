/**
 * A timeline view as a picture for slides: a title, the view as the panel draws it (same
 * operator, same time range) and its legend, on a background. Drawn through the plain 2D
 * context calls the panel uses, so a canvas gives the PNG and an SVG context the vector file.
 * Pure: the browser parts (contexts, files) live in `export-timeline.ts`.
 */
import type { Key } from '../../engine/keygroups';
import { keySlot, type TimelineColours } from './colours';
import { layoutDiagram } from './diagram-layout';
import { font, type DrawText } from './draw-common';
import { drawDiagramStatic } from './draw-diagram';
import { drawLanesStatic } from './draw-lanes';
import {
  drawLegend,
  layoutLegend,
  legendFont,
  type LegendEntry,
  type LegendLayout,
} from './draw-legend';
import { formatValue } from './format-value';
import { layoutLanes } from './lanes-layout';
import type { TimelineModel } from './model';
import type { TimelineView } from './TimelineStage';
import type { Viewport } from './viewport';

export interface TimelinePicture {
  model: TimelineModel;
  view: TimelineView;
  /** Operator the diagram shows (index into the model's operators). */
  operator: number;
  viewport: Viewport;
  /** The stage's size in CSS pixels: the picture keeps its width and time range. */
  size: { width: number; height: number };
  colours: TimelineColours;
  text: DrawText;
  title: string;
  legend: readonly LegendEntry[];
  /**
   * How much larger than on screen everything is drawn (1 as shown; more for slides). The
   * picture keeps the stage's width, so the marks and text take more of it.
   */
  scale: number;
  /**
   * Width over height the whole picture should have at least (a slide's 16:9): a squat view
   * is drawn taller, over the same time ranges.
   */
  aspect?: number;
}

/** Where the parts go, in the picture's own units (CSS pixels before `scale`). */
export interface PicturePlan {
  /** The whole picture in CSS pixels (the PNG has `deviceRatio` times as many). */
  width: number;
  height: number;
  /** Units of the plan below: the picture is drawn at this scale. */
  scale: number;
  header: number;
  drawing: { width: number; height: number };
  legend: LegendLayout;
}

const HEADER = 32;
const TITLE_SIZE = 15;

/** Sizes the picture; `measure` is a context whose `measureText` sees the UI's font. */
export function planPicture(
  picture: TimelinePicture,
  measure: CanvasRenderingContext2D,
): PicturePlan {
  const { scale } = picture;
  const width = picture.size.width / scale;
  measure.font = legendFont(picture.colours);
  const legend = layoutLegend(picture.legend, width, (text) => measure.measureText(text).width);
  const fill = picture.aspect === undefined ? 0 : width / picture.aspect - HEADER - legend.height;
  const drawing = { width, height: Math.max(picture.size.height / scale, fill) };
  const height = HEADER + drawing.height + legend.height;
  return {
    width: picture.size.width,
    height: Math.ceil(height * scale),
    scale,
    header: HEADER,
    drawing,
    legend,
  };
}

/**
 * Draws the planned picture. `deviceRatio` is the output's pixels per CSS pixel (2 for a PNG,
 * 1 for SVG); the context must be that many times the plan's size.
 */
export function drawPicture(
  ctx: CanvasRenderingContext2D,
  picture: TimelinePicture,
  plan: PicturePlan,
  deviceRatio: number,
): void {
  const { colours } = picture;
  const unit = deviceRatio * plan.scale;
  ctx.setTransform(deviceRatio, 0, 0, deviceRatio, 0, 0);
  ctx.fillStyle = colours.surface;
  ctx.fillRect(0, 0, plan.width, plan.height);

  ctx.setTransform(unit, 0, 0, unit, 0, 0);
  ctx.font = font(colours, TITLE_SIZE, 700);
  ctx.fillStyle = colours.text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(picture.title, 12, plan.header / 2 + 2);

  drawView(placed(ctx, unit, plan.header), picture, plan);

  ctx.setTransform(unit, 0, 0, unit, 0, 0);
  drawLegend(ctx, plan.legend, plan.header + plan.drawing.height, colours);
}

function drawView(ctx: CanvasRenderingContext2D, picture: TimelinePicture, plan: PicturePlan) {
  const { model, viewport, colours, text } = picture;
  const size = plan.drawing;
  const paletteSize = colours.keys.length;
  if (picture.view === 'lanes') {
    const layout = layoutLanes({ model, viewport, size, paletteSize });
    drawLanesStatic(ctx, layout, model, colours, text, 1);
    return;
  }
  const labelFont = font(colours, 11, 700);
  const tickFont = font(colours, 11);
  const layout = layoutDiagram({
    model,
    operator: picture.operator,
    viewport,
    size,
    paletteSize,
    measure: (label) => {
      ctx.font = labelFont;
      return ctx.measureText(label).width;
    },
    tickWidth: (value, step) => {
      ctx.font = tickFont;
      return ctx.measureText(text.tick(value, step)).width;
    },
  });
  drawDiagramStatic(ctx, layout, colours, text, 1);
}

/**
 * The context as the view's drawing sees it: its own origin `top` units down, every transform
 * it sets scaled by `unit`, and its clearing left out (the background is already painted).
 */
export function placed(
  ctx: CanvasRenderingContext2D,
  unit: number,
  top: number,
): CanvasRenderingContext2D {
  const setTransform = (a: number, b: number, c: number, d: number, e: number, f: number) =>
    ctx.setTransform(unit * a, unit * b, unit * c, unit * d, unit * e, unit * (f + top));
  return new Proxy(ctx, {
    get(target, name) {
      if (name === 'setTransform') return setTransform;
      if (name === 'clearRect') return () => {};
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set: (target, name, value) => Reflect.set(target, name, value, target),
  });
}

/** Each view's marks, as the panel's legend lists them, with their words' keys. */
const MARKS: Record<TimelineView, readonly LegendEntry['swatch']['kind'][]> = {
  diagram: ['watermark', 'window', 'late', 'dropped', 'ideal'],
  lanes: ['arrive', 'leave', 'watermark-mark', 'barrier', 'firing', 'idle', 'late', 'dropped'],
};
const MARK_WORDS: Partial<Record<LegendEntry['swatch']['kind'], string>> = {
  'watermark-mark': 'watermark',
};
/** Keys named in the legend; the rest are counted. */
const SHOWN_KEYS = 8;

/**
 * The legend's entries for a view: its keys in their colours, then what its marks mean, and the
 * breakpoint's pin when the run is paused at one.
 */
export function legendEntries(
  view: TimelineView,
  keys: readonly Key[],
  paletteSize: number,
  word: (key: string, values?: Record<string, number>) => string,
  paused = false,
): LegendEntry[] {
  const entries: LegendEntry[] =
    keys.length === 0
      ? [{ swatch: { kind: 'key', slot: paletteSize }, text: word('legend.noKey') }]
      : keys.slice(0, SHOWN_KEYS).map((key, index) => ({
          swatch: { kind: 'key', slot: keySlot(index, paletteSize) },
          text: formatValue(key, 16),
        }));
  if (keys.length > SHOWN_KEYS) {
    const count = keys.length - SHOWN_KEYS;
    entries.push({ swatch: { kind: 'none' }, text: word('legend.moreKeys', { count }) });
  }
  for (const kind of MARKS[view]) {
    entries.push({
      swatch: { kind } as LegendEntry['swatch'],
      text: word(`legend.${MARK_WORDS[kind] ?? kind}`),
    });
  }
  if (paused) entries.push({ swatch: { kind: 'breakpoint' }, text: word('legend.breakpoint') });
  return entries;
}
