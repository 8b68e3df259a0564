import { describe, expect, it } from 'vitest';
import { Camera } from './camera';
import { CameraLink } from './camera-link';
import { NO_KEY, RECORD_OUT, TimelineModel } from './model';
import { OPERATORS } from './test-scenario';

const plot = { left: 0, top: 0, width: 1000, height: 500 };

function camera(records: [pt: number, ts: number][]) {
  const model = new TimelineModel(OPERATORS);
  records.forEach(([pt, ts], i) => model.appendRecord(i, 0, RECORD_OUT, pt, ts, NO_KEY));
  model.commit();
  const cam = new Camera(model);
  cam.setPlot(plot);
  return { model, camera: cam };
}

describe('CameraLink', () => {
  it('moves the other timelines to the processing times one zooms or pans to', () => {
    const a = camera([[1000, 500]]).camera;
    const b = camera([[4000, 90_000]]).camera;
    const link = new CameraLink();
    link.join(a);
    link.join(b);
    const bEventTime = b.viewport.et;
    a.zoomBy(2);
    expect(b.viewport.pt).toEqual(a.viewport.pt);
    b.panBy(-100, 40);
    expect(a.viewport.pt).toEqual(b.viewport.pt);
    expect(a.following).toBe(false);
    // Event time stays each run's own.
    expect(b.viewport.et).not.toEqual(bEventTime);
    expect(a.viewport.et).not.toEqual(b.viewport.et);
  });

  it('shows all of both runs, and a timeline that joins later sees the same', () => {
    const a = camera([[1000, 1000]]);
    const b = camera([[30_000, 30_000]]);
    const link = new CameraLink();
    link.join(a.camera);
    link.showAll([a.model.extent(), b.model.extent()]);
    link.join(b.camera);
    const pt = a.camera.viewport.pt;
    expect(pt.from).toBeLessThan(1000);
    expect(pt.to).toBeGreaterThan(30_000);
    expect(b.camera.viewport.pt).toEqual(pt);
    expect(b.camera.viewport.et.to).toBeGreaterThan(30_000);
    expect(a.camera.viewport.et.to).toBeLessThan(30_000);
  });

  it('stops moving a timeline that left', () => {
    const a = camera([[1000, 500]]).camera;
    const b = camera([[2000, 500]]).camera;
    const link = new CameraLink();
    link.join(a);
    const leave = link.join(b);
    leave();
    const shown = b.viewport.pt;
    a.zoomBy(4);
    expect(b.viewport.pt).toBe(shown);
  });
});
