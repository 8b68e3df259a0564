/**
 * Timelines on one processing-time axis: zoom or pan in one and the others show the same
 * processing times (compare mode's A and B). Each keeps its own event-time axis, since two
 * runs of the same input may reach different event times.
 */
import type { Camera } from './camera';
import { fit, type TimeRange } from './viewport';
import type { Extent } from './model';

export class CameraLink {
  private readonly cameras = new Set<Camera>();
  private pt: TimeRange | null = null;
  /** Set while the link moves cameras itself, so their changes are not sent round again. */
  private moving = false;

  /** Adds a timeline's camera, showing the link's processing times; returns how to leave. */
  join(camera: Camera): () => void {
    this.cameras.add(camera);
    if (this.pt !== null) this.move(camera, this.pt, true);
    const stop = camera.subscribe(() => this.moved(camera));
    return () => {
      stop();
      this.cameras.delete(camera);
    };
  }

  /** Shows `pt` in every linked timeline, each with its event time fitted to its run. */
  show(pt: TimeRange): void {
    this.pt = pt;
    for (const camera of this.cameras) this.move(camera, pt, true);
  }

  /** Shows all of every run: the union of their extents, padded as a fit pads it. */
  showAll(extents: readonly (Extent | null)[]): void {
    const known = extents.filter((e): e is Extent => e !== null);
    if (known.length === 0) return;
    const ptFrom = Math.min(...known.map((e) => e.ptFrom));
    const ptTo = Math.max(...known.map((e) => e.ptTo));
    this.show(fit({ ptFrom, ptTo, etFrom: 0, etTo: 1 }).pt);
  }

  /** The processing times the linked timelines show; null before any has moved. */
  get shown(): TimeRange | null {
    return this.pt;
  }

  private moved(source: Camera): void {
    if (this.moving) return;
    const pt = source.viewport.pt;
    if (this.pt !== null && this.pt.from === pt.from && this.pt.to === pt.to) return;
    this.pt = pt;
    for (const camera of this.cameras) if (camera !== source) this.move(camera, pt, false);
  }

  private move(camera: Camera, pt: TimeRange, fitEventTime: boolean): void {
    this.moving = true;
    try {
      camera.showPt(pt, fitEventTime);
    } finally {
      this.moving = false;
    }
  }
}
