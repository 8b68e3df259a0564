import { TimeWindow } from '../window';

/**
 * Reuses the TimeWindow objects of recent windows. Most records fall into a handful of
 * current windows, so assignment then allocates nothing on the hot path.
 */
export class WindowCache {
  private readonly windows = new Map<number, TimeWindow>();

  get(start: number, end: number): TimeWindow {
    let w = this.windows.get(start);
    if (w === undefined || w.end !== end) {
      if (this.windows.size >= 4096) this.windows.clear();
      w = new TimeWindow(start, end);
      this.windows.set(start, w);
    }
    return w;
  }
}
