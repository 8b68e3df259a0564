import { describe, expect, it } from 'vitest';
import { layoutLegend } from './draw-legend';
import {
  drawPicture,
  legendEntries,
  placed,
  planPicture,
  type TimelinePicture,
} from './export-picture';
import { colours, recordingContext, text } from './test-canvas';
import { scenario, WINDOW_OP } from './test-scenario';

const words = (key: string, values?: Record<string, number>) =>
  values === undefined ? key : `${key}:${JSON.stringify(values)}`;

function picture(overrides: Partial<TimelinePicture> = {}): TimelinePicture {
  const model = scenario(60, 250);
  return {
    model,
    view: 'diagram',
    operator: WINDOW_OP,
    viewport: { pt: { from: 0, to: 20_000 }, et: { from: 0, to: 20_000 } },
    size: { width: 900, height: 360 },
    colours,
    text,
    title: 'Clicks · event time at Per 10 s',
    legend: legendEntries('diagram', ['a', 'b', 'c'], colours.keys.length, words),
    scale: 1,
    ...overrides,
  };
}

function paint(shown: TimelinePicture, deviceRatio: number) {
  const recording = recordingContext();
  const plan = planPicture(shown, recording.ctx);
  drawPicture(recording.ctx, shown, plan, deviceRatio);
  return { ...recording, plan };
}

describe('the exported picture', () => {
  it('keeps the stage’s width and adds a title row and the legend under the drawing', () => {
    const { plan } = paint(picture(), 1);
    expect(plan.width).toBe(900);
    expect(plan.drawing).toEqual({ width: 900, height: 360 });
    expect(plan.height).toBe(plan.header + 360 + plan.legend.height);
    expect(plan.legend.height).toBeGreaterThan(0);
  });

  it('paints the background first, then the title, the view and the legend', () => {
    const { paints } = paint(picture(), 2);
    expect(paints[0]).toMatchObject({ call: 'fillRect', style: 'paper' });
    expect(paints[0]?.transform).toEqual([2, 0, 0, 2, 0, 0]);
    const texts = paints.filter((p) => p.call === 'fillText').map((p) => p.text);
    expect(texts[0]).toBe('Clicks · event time at Per 10 s');
    // The diagram: its window bands, its watermark and its axes.
    expect(paints.some((p) => p.call === 'fill' && p.style === 'grey')).toBe(true);
    expect(paints.some((p) => p.call === 'stroke' && p.style === 'orange')).toBe(true);
    expect(texts).toContain('Processing time →');
    expect(texts).toContain('Event time →');
    // The legend: the keys, then what the marks mean.
    for (const entry of ['a', 'b', 'c', 'legend.watermark', 'legend.window', 'legend.late']) {
      expect(texts).toContain(entry);
    }
    expect(texts.indexOf('legend.watermark')).toBeGreaterThan(texts.indexOf('Event time →'));
    // Nothing clears what is already painted.
    expect(paints.some((p) => p.call === 'clearRect')).toBe(false);
  });

  it('draws the view below the title, at the output’s density', () => {
    const { transforms, plan } = paint(picture(), 2);
    // The diagram starts by setting its own transform: moved down by the header, doubled.
    expect(transforms).toContainEqual([2, 0, 0, 2, 0, 2 * plan.header]);
  });

  it('draws everything larger for slides, in the same width', () => {
    const plain = paint(picture(), 1);
    const slides = paint(picture({ scale: 1.5 }), 1);
    expect(slides.plan.width).toBe(900);
    expect(slides.plan.drawing).toEqual({ width: 600, height: 240 });
    expect(slides.transforms).toContainEqual([1.5, 0, 0, 1.5, 0, 1.5 * slides.plan.header]);
    // The title and the legend are drawn half as large again too.
    const title = (p: typeof plain) => p.paints.find((x) => x.call === 'fillText');
    expect(title(plain)?.transform).toEqual([1, 0, 0, 1, 0, 0]);
    expect(title(slides)?.transform).toEqual([1.5, 0, 0, 1.5, 0, 0]);
  });

  it('draws a squat view taller to fill a slide, over the same time ranges', () => {
    const squat = picture({ size: { width: 1600, height: 200 }, scale: 1.5, aspect: 16 / 9 });
    const { plan } = paint(squat, 1);
    expect(plan.width / plan.height).toBeCloseTo(16 / 9, 1);
    expect(plan.drawing.height).toBeGreaterThan(200 / 1.5);
    // A view already taller than the slide keeps its height.
    const tall = paint(picture({ size: { width: 800, height: 900 }, aspect: 16 / 9 }), 1).plan;
    expect(tall.drawing.height).toBe(900);
  });

  it('draws the lanes view with its own legend', () => {
    const shown = picture({
      view: 'lanes',
      legend: legendEntries('lanes', [], colours.keys.length, words),
    });
    const texts = paint(shown, 1)
      .paints.filter((p) => p.call === 'fillText')
      .map((p) => p.text);
    expect(texts).toContain('Clicks');
    expect(texts).toContain('#1');
    expect(texts).toContain('legend.noKey');
    expect(texts).toContain('legend.barrier');
    expect(texts).not.toContain('legend.ideal');
  });
});

describe('the placed context', () => {
  it('moves and scales the transforms it is given and leaves clearing out', () => {
    const { ctx, paints, transforms } = recordingContext();
    const view = placed(ctx, 2, 30);
    view.setTransform(1, 0, 0, 1, 5, 0);
    view.clearRect(0, 0, 10, 10);
    view.fillStyle = 'ink';
    view.fill();
    expect(transforms).toEqual([[2, 0, 0, 2, 10, 60]]);
    expect(paints.map((p) => [p.call, p.style])).toEqual([['fill', 'ink']]);
  });
});

describe('the legend', () => {
  it('names the first keys and counts the rest', () => {
    const keys = Array.from({ length: 11 }, (_, i) => `k${i}`);
    const entries = legendEntries('diagram', keys, 5, words);
    expect(entries.slice(0, 8).map((e) => e.text)).toEqual(keys.slice(0, 8));
    expect(entries[5]?.swatch).toEqual({ kind: 'key', slot: 0 });
    expect(entries[8]).toEqual({ swatch: { kind: 'none' }, text: 'legend.moreKeys:{"count":3}' });
  });

  it('explains the breakpoint pin only when the run is paused at one', () => {
    const pin = (paused: boolean) =>
      legendEntries('lanes', ['a'], 5, words, paused).filter((e) => e.swatch.kind === 'breakpoint');
    expect(pin(true)).toEqual([{ swatch: { kind: 'breakpoint' }, text: 'legend.breakpoint' }]);
    expect(pin(false)).toEqual([]);
  });

  it('wraps onto another row when an entry would not fit', () => {
    const entries = legendEntries('lanes', ['a'], 5, words);
    const wide = layoutLegend(entries, 2000, (t) => t.length * 6);
    const narrow = layoutLegend(entries, 300, (t) => t.length * 6);
    expect(new Set(wide.entries.map((e) => e.y)).size).toBe(1);
    expect(new Set(narrow.entries.map((e) => e.y)).size).toBeGreaterThan(1);
    expect(narrow.height).toBeGreaterThan(wide.height);
    for (const e of narrow.entries) expect(e.x + 20 + e.text.length * 6).toBeLessThanOrEqual(300);
  });
});
