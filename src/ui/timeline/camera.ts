/**
 * The timeline's camera: the viewport both views share, whether it follows the present, and
 * the gestures that move it. Plain TypeScript over the pure viewport maths, so the behaviour
 * of zoom, pan, fit and follow is tested without a DOM.
 */
import type { TimelineModel } from './model';
import {
  fit,
  follow,
  INITIAL_VIEWPORT,
  panBy,
  span,
  zoomAt,
  zoomCentre,
  type Axes,
  type PlotRect,
  type TimeRange,
  type Viewport,
} from './viewport';

export class Camera {
  viewport: Viewport = INITIAL_VIEWPORT;
  following = true;
  /** Which axes gestures move: the lanes view has no event-time axis. */
  axes: Axes = 'both';
  /** The plot last drawn, which the zoom buttons zoom about. */
  plot: PlotRect = { left: 0, top: 0, width: 1, height: 1 };
  private readonly listeners = new Set<() => void>();
  private generation: number;

  constructor(private readonly model: TimelineModel) {
    this.generation = model.generation;
    this.viewport = this.followed(INITIAL_VIEWPORT);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Switching views: the lanes view has only a processing-time axis. */
  setAxes(axes: Axes): void {
    this.axes = axes;
  }

  /** Drawing reports where the plot is, for the zoom buttons. */
  setPlot(plot: PlotRect): void {
    this.plot = plot;
  }

  /** The model changed: in follow mode, keep the present in view. A new run follows again. */
  track(): void {
    if (this.model.generation !== this.generation) {
      this.generation = this.model.generation;
      this.following = true;
    }
    if (this.following) this.set(this.followed(this.viewport));
  }

  /** Wheel or pinch: zooms about the pointer; in follow mode about the present instead. */
  zoomAt(px: number, py: number, factor: number): void {
    const next = zoomAt(this.viewport, this.plot, px, py, factor, this.axes);
    this.set(this.following ? this.followed(next) : next);
  }

  zoomBy(factor: number): void {
    const next = zoomCentre(this.viewport, this.plot, factor, this.axes);
    this.set(this.following ? this.followed(next) : next);
  }

  /** Drag: moving through time stops following the present. */
  panBy(dx: number, dy: number): void {
    this.following = false;
    this.set(panBy(this.viewport, this.plot, dx, dy, this.axes));
  }

  /** Shows the whole run so far. */
  fitAll(): void {
    const extent = this.model.extent();
    if (extent === null) return;
    this.following = false;
    const fitted = fit(extent);
    this.set(this.axes === 'pt' ? { ...this.viewport, pt: fitted.pt } : fitted);
  }

  /**
   * Shows processing times `pt` and stops following: another timeline on the same axis moved
   * (see `CameraLink`). `fitEventTime` also fits the event-time axis to this run.
   */
  showPt(pt: TimeRange, fitEventTime = false): void {
    this.following = false;
    const extent = fitEventTime ? this.model.extent() : null;
    this.set({ pt, et: extent === null ? this.viewport.et : fit(extent).et });
  }

  setFollowing(following: boolean): void {
    this.following = following;
    this.set(following ? this.followed(this.viewport) : this.viewport);
  }

  private followed(viewport: Viewport): Viewport {
    const next = follow(viewport, this.model.now, this.model.latestEventTime());
    return this.axes === 'pt' ? { ...next, et: viewport.et } : next;
  }

  private set(viewport: Viewport): void {
    this.viewport = viewport;
    for (const listener of this.listeners) listener();
  }
}

/** Fewest records the worker is asked for, and the most (what holds 60 frames a second). */
const MIN_EVENTS = 1000;
export const MAX_VISIBLE_EVENTS = 10_000;

/** Records to ask for: about eight per pixel column, the densest that still reads as dots. */
export function eventBudget(plotWidth: number): number {
  return Math.max(MIN_EVENTS, Math.min(MAX_VISIBLE_EVENTS, Math.round(plotWidth * 8)));
}

/**
 * Whether a move is worth telling the worker about: a zoom, or a shift by a quarter of the
 * span since the last report (follow mode moves a little with every batch).
 */
export function viewMoved(reported: Viewport['pt'] | null, next: Viewport['pt']): boolean {
  if (reported === null) return true;
  const width = span(next);
  if (Math.abs(span(reported) - width) > width * 1e-6) return true;
  return Math.abs(next.from - reported.from) > width / 4;
}
