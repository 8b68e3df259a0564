import { describe, expect, it } from 'vitest';
import { Camera, eventBudget, MAX_VISIBLE_EVENTS, viewMoved } from './camera';
import { NO_KEY, RECORD_OUT, TimelineModel } from './model';
import { OPERATORS } from './test-scenario';
import { FOLLOW_AT } from './viewport';

const plot = { left: 0, top: 0, width: 1000, height: 500 };

function running(now: number) {
  const model = new TimelineModel(OPERATORS);
  model.appendRecord(1, 0, RECORD_OUT, now, now - 500, NO_KEY);
  model.commit();
  const camera = new Camera(model);
  camera.setPlot(plot);
  return { model, camera };
}

const at = (range: { from: number; to: number }) =>
  range.from + (range.to - range.from) * FOLLOW_AT;

describe('Camera', () => {
  it('starts following the present', () => {
    const { camera } = running(30_000);
    expect(camera.following).toBe(true);
    expect(at(camera.viewport.pt)).toBeCloseTo(30_000, 6);
    expect(at(camera.viewport.et)).toBeCloseTo(29_500, 6);
  });

  it('keeps the present in view as the run advances', () => {
    const { model, camera } = running(30_000);
    let changes = 0;
    camera.subscribe(() => changes++);
    model.appendRecord(2, 0, RECORD_OUT, 45_000, 44_000, NO_KEY);
    camera.track();
    expect(changes).toBe(1);
    expect(at(camera.viewport.pt)).toBeCloseTo(45_000, 6);
  });

  it('stops following when panned, and stays put after', () => {
    const { model, camera } = running(30_000);
    camera.panBy(200, 0);
    expect(camera.following).toBe(false);
    const shown = camera.viewport;
    model.appendRecord(2, 0, RECORD_OUT, 45_000, 44_000, NO_KEY);
    camera.track();
    expect(camera.viewport).toBe(shown);
    camera.setFollowing(true);
    expect(at(camera.viewport.pt)).toBeCloseTo(45_000, 6);
  });

  it('follows again when the run starts over', () => {
    const { model, camera } = running(30_000);
    camera.panBy(200, 0);
    model.reset();
    model.appendRecord(1, 0, RECORD_OUT, 2000, 1500, NO_KEY);
    camera.track();
    expect(camera.following).toBe(true);
    // Two seconds in, the followed view starts just before processing time 0.
    const { from, to } = camera.viewport.pt;
    expect(from).toBeCloseTo(-(to - from) * 0.03, 6);
    expect(to).toBeGreaterThan(2000);
  });

  it('zooms about the present while following', () => {
    const { camera } = running(30_000);
    camera.zoomAt(100, 100, 2);
    expect(camera.following).toBe(true);
    expect(camera.viewport.pt.to - camera.viewport.pt.from).toBeCloseTo(10_000, 6);
    expect(at(camera.viewport.pt)).toBeCloseTo(30_000, 6);
  });

  it('fits the whole run and moves only processing time in the lanes view', () => {
    const { model, camera } = running(30_000);
    model.appendRecord(2, 0, RECORD_OUT, 90_000, 80_000, NO_KEY);
    camera.setAxes('pt');
    const et = camera.viewport.et;
    camera.fitAll();
    expect(camera.following).toBe(false);
    expect(camera.viewport.pt.from).toBeLessThan(30_000);
    expect(camera.viewport.pt.to).toBeGreaterThan(90_000);
    expect(camera.viewport.et).toBe(et);
  });
});

describe('what the worker is told', () => {
  it('asks for about eight records per pixel column, within bounds', () => {
    expect(eventBudget(1000)).toBe(8000);
    expect(eventBudget(5000)).toBe(MAX_VISIBLE_EVENTS);
    expect(eventBudget(10)).toBe(1000);
  });

  it('reports a zoom, or a move by a quarter of the span', () => {
    const last = { from: 0, to: 1000 };
    expect(viewMoved(null, last)).toBe(true);
    expect(viewMoved(last, { from: 100, to: 1100 })).toBe(false);
    expect(viewMoved(last, { from: 300, to: 1300 })).toBe(true);
    expect(viewMoved(last, { from: 0, to: 2000 })).toBe(true);
  });
});
