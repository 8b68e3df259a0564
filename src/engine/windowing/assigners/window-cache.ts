import { TimeWindow } from '../window';

const SLOTS = 256;

/**
 * Reuses the TimeWindow objects of recent windows. Most records fall into a handful of
 * current windows, so assignment then allocates nothing on the hot path. The cache is
 * direct-mapped by a hash of the start: one array read instead of a map lookup per record,
 * and a window that collides simply replaces the one in its slot.
 */
export class WindowCache {
  private readonly windows: (TimeWindow | undefined)[] = new Array<TimeWindow | undefined>(
    SLOTS,
  ).fill(undefined);

  get(start: number, end: number): TimeWindow {
    // The low 32 bits of the start suffice: windows 2^32 ms apart sharing a slot only evict.
    const h = Math.imul(start | 0, 0x9e3779b1) >>> 24;
    const w = this.windows[h];
    if (w !== undefined && w.start === start && w.end === end) return w;
    const created = new TimeWindow(start, end);
    this.windows[h] = created;
    return created;
  }
}
