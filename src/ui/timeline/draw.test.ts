import { describe, expect, it } from 'vitest';
import { layoutDiagram } from './diagram-layout';
import { DENSE, drawDiagramInteractive, drawDiagramStatic } from './draw-diagram';
import { drawLanesStatic } from './draw-lanes';
import { layoutLanes } from './lanes-layout';
import { NO_KEY, RECORD_IN, RECORD_OUT, TimelineModel } from './model';
import {
  OPERATORS,
  pauseAtFiring,
  scenario,
  SOURCE_LANE,
  WINDOW_LANE,
  WINDOW_OP,
} from './test-scenario';
import { colours, recordingContext, text } from './test-canvas';

const viewport = { pt: { from: 0, to: 20_000 }, et: { from: 0, to: 20_000 } };
const size = { width: 1000, height: 500 };

/** The scenario, plus `extra` records of three keys spread over the view. */
function crowded(extra: number): TimelineModel {
  const model = scenario(60, 250);
  for (let i = 0; i < extra; i++) {
    const pt = 17_000 + (i / extra) * 2000;
    model.appendRecord(10_000 + i, WINDOW_LANE, RECORD_IN, pt, 5000 + (i % 97) * 100, i % 3);
    model.appendRecord(10_000 + i, SOURCE_LANE, RECORD_OUT, pt, 5000, NO_KEY);
  }
  model.commit();
  return model;
}

function paintDiagram(model: TimelineModel) {
  const { ctx, paints } = recordingContext();
  const layout = layoutDiagram({
    model,
    operator: WINDOW_OP,
    viewport,
    size,
    paletteSize: colours.keys.length,
    measure: (label) => label.length * 6,
    tickWidth: () => 30,
  });
  drawDiagramStatic(ctx, layout, colours, text, 2);
  return { layout, paints };
}

const count = (paints: { call: string }[], call: string) =>
  paints.filter((p) => p.call === call).length;

describe('drawing the diagram', () => {
  it('batches per colour: the fills and strokes do not grow with the events', () => {
    // Sparse views (round dots with halos), then crowded ones (small squares).
    for (const [fewer, more] of [
      [0, DENSE - 100],
      [DENSE + 100, 10_000],
    ] as const) {
      const few = paintDiagram(crowded(fewer));
      const many = paintDiagram(crowded(more));
      expect(many.layout.records.count).toBeGreaterThan(few.layout.records.count + 1_500);
      expect(count(many.paints, 'fill')).toBe(count(few.paints, 'fill'));
      expect(count(many.paints, 'stroke')).toBe(count(few.paints, 'stroke'));
    }
  });

  it('gives sparse views one extra fill: the halos', () => {
    const sparse = paintDiagram(crowded(0));
    const dense = paintDiagram(crowded(10_000));
    expect(count(sparse.paints, 'fill')).toBe(count(dense.paints, 'fill') + 1);
  });

  it('fills the records of each key colour once', () => {
    const { paints } = paintDiagram(crowded(5000));
    for (const colour of ['blue', 'purple', 'green']) {
      expect(paints.filter((p) => p.call === 'fill' && p.style === colour).length).toBe(1);
    }
    // Late records: one ring path, one marker path, in the late colour.
    expect(paints.filter((p) => p.call === 'stroke' && p.style === 'red').length).toBe(2);
    expect(paints.some((p) => p.call === 'stroke' && p.style === 'orange')).toBe(true);
  });

  it('marks where the job failed and where it restored a checkpoint', () => {
    const model = crowded(0);
    model.jobEvents.push(
      { kind: 'failed', pt: 8_000 },
      { kind: 'restored', pt: 8_200, checkpointId: 3 },
    );
    const { paints } = paintDiagram(model);
    const texts = paints.filter((p) => p.call === 'fillText');
    expect(texts.find((p) => p.text === 'failed')?.style).toBe('red');
    expect(texts.some((p) => p.text === 'restored from 3')).toBe(true);
    // Out of view, nothing is drawn for them.
    model.jobEvents.splice(0, 2, { kind: 'failed', pt: 90_000 });
    expect(paintDiagram(model).paints.some((p) => p.text === 'failed')).toBe(false);
  });

  it('pins the breakpoint at its processing time and on the fired window’s result label', () => {
    const model = crowded(0);
    const accentFills = (paints: { call: string; style: string }[]) =>
      paints.filter((p) => p.call === 'fill' && p.style === 'accent').length;
    const before = paintDiagram(model);
    expect(before.layout.breakpoint).toBeNull();
    const window = pauseAtFiring(model, WINDOW_LANE);
    const { layout, paints } = paintDiagram(model);
    const label = layout.labels.find((l) => l.window === window)!;
    expect(layout.breakpoint).toMatchObject({
      x: layout.x.toPixel(model.windows.columns.firedPt[window]!),
      spot: { x: label.x + label.width / 2, y: label.y },
    });
    // Two pins, a head and a hole each, and one dotted line: the same for any run.
    expect(accentFills(paints)).toBe(accentFills(before.paints) + 2);
    expect(count(paints, 'stroke')).toBe(count(before.paints, 'stroke') + 3);
    const fills = (extra: number) => {
      const dense = crowded(extra);
      pauseAtFiring(dense, WINDOW_LANE);
      return count(paintDiagram(dense).paints, 'fill');
    };
    expect(fills(10_000)).toBe(fills(DENSE + 100));
    // Another operator's diagram shows only its processing time.
    const source = layoutDiagram({
      model,
      operator: 0,
      viewport,
      size,
      paletteSize: 5,
      measure: (label) => label.length * 6,
      tickWidth: () => 30,
    });
    expect(source.breakpoint).toMatchObject({ spot: null });
  });

  it('pins a late record where it is drawn, and a checkpoint at its processing time only', () => {
    const model = crowded(0);
    const c = model.late.columns;
    model.setBreakpoint({
      kind: 'lateRecord',
      operatorUid: 'per-10s',
      subtask: 0,
      recordId: c.id[0]!,
      key: 'user-0',
      eventTime: c.ts[0]!,
      watermark: c.watermark[0]!,
      outcome: 'side-output',
      value: null,
      processingTime: c.pt[0]!,
      recordsProcessed: 0,
    });
    const { layout } = paintDiagram(model);
    // Where the ring is drawn (the layout keeps it in 32-bit floats).
    expect(layout.breakpoint?.spot?.x).toBeCloseTo(layout.late.x[0]!, 3);
    expect(layout.breakpoint?.spot?.y).toBeCloseTo(layout.late.y[0]!, 3);
    model.setBreakpoint({
      kind: 'checkpointCompletes',
      checkpoint: {
        status: 'completed',
        id: 1,
        kind: 'checkpoint',
        triggeredAt: 12_000,
        durationMs: 1,
        alignmentMs: 0,
        attempt: 0,
        bytes: 10,
        writtenBytes: 10,
        sharedKeyGroups: 0,
        subtasks: [],
        offsets: [],
      },
      processingTime: 12_000,
      recordsProcessed: 0,
    });
    const checkpoint = paintDiagram(model).layout;
    expect(checkpoint.breakpoint).toMatchObject({ x: checkpoint.x.toPixel(12_000), spot: null });
  });

  it('writes the result labels, the ticks and the axis titles', () => {
    const { layout, paints } = paintDiagram(crowded(0));
    const texts = paints.filter((p) => p.call === 'fillText').map((p) => p.text);
    for (const label of layout.labels) expect(texts).toContain(label.text);
    for (const v of layout.yTicks.values) expect(texts).toContain(String(v));
    expect(texts).toContain('Processing time →');
    expect(texts).toContain('Event time →');
    // The last processing-time tick (at the right end) gives way to the axis title.
    const times = (label: string) => texts.filter((t) => t === label).length;
    const onY = (v: number) => (layout.yTicks.values.includes(v) ? 1 : 0);
    const first = layout.xTicks.values[0]!;
    const last = layout.xTicks.values[layout.xTicks.values.length - 1]!;
    expect(times(String(first))).toBe(1 + onY(first));
    expect(times(String(last))).toBe(onY(last));
  });

  it('highlights a window’s records in one stroke on the interactive layer', () => {
    const model = crowded(2000);
    const layout = layoutDiagram({
      model,
      operator: WINDOW_OP,
      viewport,
      size,
      paletteSize: 5,
      measure: (label) => label.length * 6,
      tickWidth: () => 30,
    });
    const { ctx, paints } = recordingContext();
    const hover = { kind: 'record' as const, index: 3, x: 100, y: 100 };
    drawDiagramInteractive(ctx, layout, model, { hover, highlight: 1 }, colours, 1);
    // The window's outline, its records' rings, the hover ring.
    expect(count(paints, 'stroke')).toBe(3);
    expect(count(paints, 'fill')).toBe(0);
  });
});

describe('drawing the lanes', () => {
  it('batches per colour too', () => {
    const paint = (model: TimelineModel) => {
      const { ctx, paints } = recordingContext();
      const layout = layoutLanes({ model, viewport, size, paletteSize: 5 });
      drawLanesStatic(ctx, layout, model, colours, text, 1);
      return paints;
    };
    const few = paint(crowded(0));
    const many = paint(crowded(10_000));
    expect(count(many, 'fill')).toBe(count(few, 'fill'));
    expect(count(many, 'stroke')).toBe(count(few, 'stroke'));
    expect(count(many, 'fillText')).toBe(count(few, 'fillText'));
  });

  it('pins the breakpoint on its subtask’s row', () => {
    const model = crowded(0);
    const paint = () => {
      const { ctx, paints } = recordingContext();
      const layout = layoutLanes({ model, viewport, size, paletteSize: 5 });
      drawLanesStatic(ctx, layout, model, colours, text, 1);
      return { layout, fills: paints.filter((p) => p.call === 'fill' && p.style === 'accent') };
    };
    const before = paint();
    pauseAtFiring(model, WINDOW_LANE);
    const { layout, fills } = paint();
    const row = layout.rows[WINDOW_LANE]!;
    expect(layout.breakpoint?.spot?.y).toBe(row.top + row.height / 2);
    expect(fills.length).toBe(before.fills.length + 2);
  });

  it('names each operator once and numbers its subtasks', () => {
    const { ctx, paints } = recordingContext();
    const model = new TimelineModel(OPERATORS);
    const layout = layoutLanes({ model, viewport, size, paletteSize: 5 });
    drawLanesStatic(ctx, layout, model, colours, text, 1);
    const texts = paints.filter((p) => p.call === 'fillText').map((p) => p.text);
    expect(texts.filter((t) => t === 'Clicks' || t === 'Per 10 s')).toHaveLength(2);
    expect(texts.filter((t) => t?.startsWith('#'))).toEqual(['#0', '#1']);
    expect(layout.xTicks.values.length).toBeGreaterThan(2);
  });
});
