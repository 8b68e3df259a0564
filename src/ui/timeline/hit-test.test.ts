import { describe, expect, it } from 'vitest';
import { layoutDiagram } from './diagram-layout';
import { hitDiagram, hitLanes, nearestPoint, sameHit } from './hit-test';
import { layoutLanes } from './lanes-layout';
import { RECORD_IN, TimelineModel } from './model';
import { OPERATORS, pauseAtFiring, scenario, WINDOW_LANE, WINDOW_OP } from './test-scenario';

const model = scenario(60, 250);
const viewport = { pt: { from: 0, to: 20_000 }, et: { from: 0, to: 20_000 } };
const size = { width: 1000, height: 500 };
const diagram = layoutDiagram({
  model,
  operator: WINDOW_OP,
  viewport,
  size,
  paletteSize: 5,
  measure: (text) => text.length * 6,
  tickWidth: () => 30,
});

describe('nearestPoint', () => {
  it('finds the nearest point within the radius', () => {
    const xs = Float32Array.from([10, 20, 30]);
    const ys = Float32Array.from([10, 10, 10]);
    expect(nearestPoint(xs, ys, 3, 21, 12, 5)).toBe(1);
    expect(nearestPoint(xs, ys, 3, 21, 30, 5)).toBe(-1);
    expect(nearestPoint(xs, ys, 2, 30, 10, 5)).toBe(-1);
  });
});

describe('the breakpoint’s pins', () => {
  it('are hit above everything, in both views', () => {
    const paused = scenario(60, 250);
    pauseAtFiring(paused, WINDOW_LANE);
    const layout = layoutDiagram({
      model: paused,
      operator: WINDOW_OP,
      viewport,
      size,
      paletteSize: 5,
      measure: (text) => text.length * 6,
      tickWidth: () => 30,
    });
    const spot = layout.breakpoint!.spot!;
    // The pin's head, above its tip on the label.
    expect(hitDiagram(layout, spot.x, spot.y - 10)).toMatchObject({ kind: 'breakpoint', ...spot });
    expect(hitDiagram(layout, layout.breakpoint!.x, layout.plot.top + 20)?.kind).toBe('breakpoint');
    expect(hitDiagram(diagram, spot.x, spot.y - 10)?.kind).not.toBe('breakpoint');
    const lanes = layoutLanes({ model: paused, viewport, size, paletteSize: 5 });
    const row = lanes.breakpoint!.spot!;
    expect(hitLanes(lanes, row.x, row.y - 8)?.kind).toBe('breakpoint');
  });
});

describe('hitDiagram', () => {
  it('finds a record under the pointer', () => {
    const i = 17;
    const hit = hitDiagram(diagram, diagram.records.x[i]! + 2, diagram.records.y[i]! - 2);
    expect(hit).toMatchObject({ kind: 'record', index: diagram.records.index[i] });
  });

  it('prefers a late record over the record beneath it', () => {
    const hit = hitDiagram(diagram, diagram.late.x[0]!, diagram.late.y[0]!);
    expect(hit).toMatchObject({ kind: 'late', index: diagram.late.index[0] });
  });

  it('finds a window by its result label, or by its band', () => {
    const label = diagram.labels[0]!;
    const byLabel = hitDiagram(diagram, label.x + 3, label.y + 3);
    expect(byLabel).toMatchObject({ kind: 'window', index: label.window });
    // The top right corner of a fired band: just before it fired, below the records then.
    const band = diagram.windows.find((w) => w.fired)!;
    expect(hitDiagram(diagram, band.x1 - 3, band.y0 + 3)).toMatchObject({ kind: 'window' });
  });

  it('finds nothing on empty ground', () => {
    expect(hitDiagram(diagram, diagram.plot.left + 2, diagram.plot.top + 2)).toBeNull();
  });
});

describe('hitLanes', () => {
  const lanes = layoutLanes({ model, viewport, size, paletteSize: 5 });

  it('finds marks in the row under the pointer', () => {
    const quiet = new TimelineModel(OPERATORS);
    quiet.appendRecord(7, WINDOW_LANE, RECORD_IN, 5000, 4000, 0);
    const one = layoutLanes({ model: quiet, viewport, size, paletteSize: 5 });
    const row = one.rows[WINDOW_LANE]!;
    const x = one.x.toPixel(5000);
    expect(hitLanes(one, x + 2, row.top + 4)).toMatchObject({ kind: 'record', index: 0 });
    expect(hitLanes(one, x + 2, one.rows[0]!.top + 4)).toBeNull();
    expect(hitLanes(one, x + 8, row.top + 4)).toBeNull();
    const barrier = hitLanes(lanes, lanes.barriers.x[0]!, lanes.rows[0]!.top + 3);
    expect(barrier).toMatchObject({ kind: 'barrier', index: lanes.barriers.index[0] });
  });

  it('finds nothing outside the rows', () => {
    expect(hitLanes(lanes, 500, size.height - 2)).toBeNull();
  });
});

describe('sameHit', () => {
  it('compares kind and index', () => {
    const a = { kind: 'record' as const, index: 3, x: 0, y: 0 };
    expect(sameHit(a, { ...a, x: 9 })).toBe(true);
    expect(sameHit(a, { ...a, kind: 'late' })).toBe(false);
    expect(sameHit(a, null)).toBe(false);
    expect(sameHit(null, null)).toBe(true);
  });
});
