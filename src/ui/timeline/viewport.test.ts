import { describe, expect, it } from 'vitest';
import {
  fit,
  follow,
  FOLLOW_AT,
  MIN_SPAN,
  panBy,
  xScale,
  yScale,
  zoomAt,
  zoomCentre,
  type PlotRect,
  type Viewport,
} from './viewport';

const plot: PlotRect = { left: 50, top: 10, width: 1000, height: 500 };
const view: Viewport = { pt: { from: 0, to: 10_000 }, et: { from: 0, to: 5000 } };

describe('viewport', () => {
  it('maps processing time across and event time upwards', () => {
    expect(xScale(view, plot).toPixel(5000)).toBe(550);
    expect(yScale(view, plot).toPixel(0)).toBe(510);
    expect(yScale(view, plot).toPixel(5000)).toBe(10);
  });

  it('zooms about the pointer: the time under it stays put', () => {
    const px = 300;
    const py = 110;
    const before = { t: xScale(view, plot).toValue(px), e: yScale(view, plot).toValue(py) };
    const next = zoomAt(view, plot, px, py, 2, 'both');
    expect(next.pt.to - next.pt.from).toBe(5000);
    expect(next.et.to - next.et.from).toBe(2500);
    expect(xScale(next, plot).toValue(px)).toBeCloseTo(before.t, 6);
    expect(yScale(next, plot).toValue(py)).toBeCloseTo(before.e, 6);
  });

  it('zooms processing time only in the lanes view', () => {
    const next = zoomCentre(view, plot, 0.5, 'pt');
    expect(next.pt).toEqual({ from: -5000, to: 15_000 });
    expect(next.et).toBe(view.et);
  });

  it('does not zoom in past the narrowest span', () => {
    const next = zoomAt(view, plot, 550, 260, 1e9, 'both');
    expect(next.pt.to - next.pt.from).toBe(MIN_SPAN);
  });

  it('pans with the drag: right shows earlier processing time, down later event time', () => {
    const next = panBy(view, plot, 100, 50, 'both');
    expect(next.pt).toEqual({ from: -1000, to: 9000 });
    expect(next.et).toEqual({ from: 500, to: 5500 });
    expect(panBy(view, plot, 100, 50, 'pt').et).toBe(view.et);
  });

  it('follows the present, keeping the spans', () => {
    const next = follow(view, 40_000, 39_000);
    expect(next.pt.to - next.pt.from).toBeCloseTo(10_000, 6);
    expect(next.pt.from + (next.pt.to - next.pt.from) * FOLLOW_AT).toBeCloseTo(40_000, 6);
    expect(next.et.from + (next.et.to - next.et.from) * FOLLOW_AT).toBeCloseTo(39_000, 6);
    expect(follow(view, 40_000, null).et).toBe(view.et);
  });

  it("starts a young run's followed view near processing time 0, not before it", () => {
    const next = follow(view, 3_000, 2_000);
    expect(next.pt.from).toBeCloseTo(-300, 6);
    expect(next.pt.to - next.pt.from).toBeCloseTo(10_000, 6);
    expect(next.pt.to).toBeGreaterThan(3_000);
  });

  it('fits an extent with a margin, never narrower than the minimum span', () => {
    const next = fit({ ptFrom: 1000, ptTo: 2000, etFrom: 500, etTo: 500 }, 0.1);
    expect(next.pt.from).toBeCloseTo(900, 6);
    expect(next.pt.to).toBeCloseTo(2100, 6);
    expect(next.et.to - next.et.from).toBe(MIN_SPAN);
  });
});
