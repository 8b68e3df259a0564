import { describe, expect, it } from 'vitest';
import {
  DIAGRAM_MARGIN,
  defaultDiagramOperator,
  diagramDirection,
  layoutDiagram,
  type DiagramInput,
} from './diagram-layout';
import { RECORD_IN, RECORD_OUT, TimelineModel } from './model';
import { OPERATORS, scenario, SOURCE_LANE, WINDOW_LANE, WINDOW_OP } from './test-scenario';
import type { Viewport } from './viewport';

const viewport: Viewport = { pt: { from: 0, to: 20_000 }, et: { from: 0, to: 20_000 } };
const input = (over: Partial<DiagramInput> = {}): DiagramInput => ({
  model: scenario(60, 250),
  operator: WINDOW_OP,
  viewport,
  size: { width: 1000, height: 500 },
  paletteSize: 5,
  measure: (text) => text.length * 6,
  tickWidth: () => 30,
  ...over,
});

describe('layoutDiagram', () => {
  it('opens on the window operator and shows what arrives at it', () => {
    const { model } = input();
    expect(defaultDiagramOperator(model)).toBe(WINDOW_OP);
    expect(diagramDirection(model, WINDOW_OP)).toBe(RECORD_IN);
    expect(diagramDirection(model, 0)).toBe(RECORD_OUT);
  });

  it('places each record of the operator at (processing time, event time)', () => {
    const layout = layoutDiagram(input());
    const { model } = input();
    // 60 records, all in view, each once at the window operator (two subtasks).
    expect(layout.records.count).toBe(60);
    const c = model.records.columns;
    for (let i = 0; i < layout.records.count; i++) {
      const row = layout.records.index[i];
      expect(c.dir[row]).toBe(RECORD_IN);
      expect(layout.records.x[i]).toBeCloseTo(layout.x.toPixel(c.pt[row]), 3);
      expect(layout.records.y[i]).toBeCloseTo(layout.y.toPixel(c.ts[row]), 3);
      expect(layout.records.tag[i]).toBe(c.key[row] % 5);
    }
  });

  it('leaves out what is outside the view', () => {
    const narrow = { pt: { from: 5000, to: 8000 }, et: { from: 0, to: 20_000 } };
    const layout = layoutDiagram(input({ viewport: narrow }));
    expect(layout.records.count).toBe(13);
    const low = { pt: { from: 0, to: 20_000 }, et: { from: 50_000, to: 60_000 } };
    expect(layoutDiagram(input({ viewport: low })).records.count).toBe(0);
  });

  it('draws windows as bands from their first record to their firing', () => {
    const layout = layoutDiagram(input());
    const { model } = input();
    const c = model.windows.columns;
    const fired = layout.windows.filter((w) => w.fired);
    expect(fired.length).toBe(3);
    for (const w of fired) {
      expect(w.x0).toBeCloseTo(layout.x.toPixel(c.createdPt[w.index]), 3);
      expect(w.x1).toBeCloseTo(layout.x.toPixel(c.firedPt[w.index]), 3);
      expect(w.y0).toBeCloseTo(layout.y.toPixel(10_000), 3);
      expect(w.y1).toBeCloseTo(layout.y.toPixel(0), 3);
    }
    const open = layout.windows.filter((w) => !w.fired);
    for (const w of open) expect(w.x1).toBeCloseTo(layout.x.toPixel(model.now), 3);
    expect(Math.max(...layout.windows.map((w) => w.level))).toBe(3);
  });

  it('labels fired windows with key and result, without overlaps', () => {
    const layout = layoutDiagram(input());
    expect(layout.labels.map((l) => l.text).sort()).toEqual([
      'user-0: count 1|0|0',
      'user-1: count 1|1|0',
      'user-2: count 2|2|0',
    ]);
    for (const a of layout.labels) {
      for (const b of layout.labels) {
        if (a === b) continue;
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
  });

  it('draws the low watermark as steps and the ideal diagonal across the plot', () => {
    const layout = layoutDiagram(input());
    const w = layout.watermark;
    expect(w.length).toBeGreaterThan(4);
    // Alternating horizontal and vertical segments: every step keeps x or y.
    for (let i = 2; i < w.length; i += 2) {
      expect(w[i] === w[i - 2] || w[i + 1] === w[i - 1]).toBe(true);
    }
    for (let i = 3; i < w.length; i += 2) expect(w[i]).toBeLessThanOrEqual(w[i - 2]!);
    const [x0, y0, x1, y1] = layout.diagonal!;
    expect(layout.x.toValue(x0)).toBeCloseTo(layout.y.toValue(y0), 6);
    expect(layout.x.toValue(x1)).toBeCloseTo(layout.y.toValue(y1), 6);
  });

  it('draws a fast-climbing watermark with at most one step per pixel column, held near the plot', () => {
    const model = new TimelineModel(OPERATORS);
    // 20,000 steps over 20 s: twenty per pixel column of a 1000 px wide diagram.
    for (let i = 0; i < 20_000; i++) model.appendWatermark(SOURCE_LANE, i, i * 2);
    const layout = layoutDiagram(input({ model, operator: 0 }));
    const w = layout.watermark;
    const { plot } = layout;
    expect(w.length / 2).toBeLessThanOrEqual(2 * (plot.width + 2) + 2);
    for (let i = 2; i < w.length; i += 2) {
      expect(w[i] === w[i - 2] || w[i + 1] === w[i - 1]).toBe(true);
      expect(w[i]!).toBeGreaterThanOrEqual(w[i - 2]!);
    }
    for (let i = 1; i < w.length; i += 2) {
      expect(w[i]!).toBeGreaterThanOrEqual(plot.top - 8);
      expect(w[i]!).toBeLessThanOrEqual(plot.top + plot.height + 8);
    }
    // It reaches the top of the plot halfway through (event time 20 s at 10 s of processing
    // time) and runs along it from there.
    const half = layout.x.toPixel(10_000);
    for (let i = 0; i < w.length; i += 2) {
      if (w[i]! > half + 1) expect(w[i + 1]!).toBeLessThanOrEqual(plot.top);
      if (w[i]! < half - 1) expect(w[i + 1]!).toBeGreaterThan(plot.top);
    }
    expect(w[w.length - 2]).toBeCloseTo(layout.x.toPixel(19_999), 3);
    expect(w[w.length - 1]).toBe(plot.top - 8);
  });

  it('marks late records with their outcome', () => {
    const layout = layoutDiagram(input());
    expect(layout.late.count).toBe(2);
    expect([...layout.late.tag.subarray(0, 2)]).toEqual([0, 1]);
  });
});

describe('the event-time axis', () => {
  it('makes room for its widest label', () => {
    const narrow = layoutDiagram(input({ tickWidth: () => 20 }));
    const wide = layoutDiagram(input({ tickWidth: (value) => (value === 10_000 ? 90 : 20) }));
    expect(narrow.plot.left).toBe(DIAGRAM_MARGIN.left);
    expect(wide.plot.left).toBe(90 + 26);
    expect(wide.plot.left + wide.plot.width).toBe(narrow.plot.left + narrow.plot.width);
  });
});

describe('processing-time windows', () => {
  it('are columns over their processing-time range, the plot’s full height', () => {
    const model = new TimelineModel(OPERATORS, 'processing');
    model.addResults([4]);
    model.windowCreated(WINDOW_LANE, 0, 5000, 10_000, 5600);
    model.windowFired(WINDOW_LANE, 0, 5000, 10_000, 10_000, -Infinity, 0);
    model.advanceTo(12_000);
    const layout = layoutDiagram(input({ model }));
    const [band] = layout.windows;
    expect(band!.x0).toBeCloseTo(layout.x.toPixel(5000), 3);
    expect(band!.x1).toBeCloseTo(layout.x.toPixel(10_000), 3);
    expect(band!.y0).toBeLessThan(layout.plot.top);
    expect(band!.y1).toBeGreaterThan(layout.plot.top + layout.plot.height);
  });
});
