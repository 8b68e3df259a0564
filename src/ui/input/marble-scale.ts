/**
 * The maths of a marble lane: arrival time to x and back, snapping, and where each marble
 * sits. Pure, so the drawing and the drags share one tested mapping.
 */
export interface LaneScale {
  /** Arrival time at the lane's left edge, ms. */
  fromMs: number;
  /** Pixels per millisecond. */
  pxPerMs: number;
  /** Left padding, px. */
  left: number;
}

/** A scale that fits every time in `times` into `width` px, with room on both sides. */
export function fitScale(
  times: readonly number[],
  width: number,
  left = 24,
  right = 24,
): LaneScale {
  const usable = Math.max(width - left - right, 1);
  if (times.length === 0) return { fromMs: 0, pxPerMs: usable / 10_000, left };
  const min = Math.min(...times);
  const max = Math.max(...times);
  // Some room past the last record, so there is empty lane to click after it.
  const span = Math.max(max - min, 1_000) * 1.15;
  const fromMs = Math.max(0, min - span * 0.05);
  return { fromMs, pxPerMs: usable / span, left };
}

export const timeToX = (scale: LaneScale, ms: number): number =>
  scale.left + (ms - scale.fromMs) * scale.pxPerMs;

export const xToTime = (scale: LaneScale, x: number): number =>
  scale.fromMs + (x - scale.left) / scale.pxPerMs;

/** A snapping step that is a round number of ms and about `px` pixels wide. */
export function snapStep(scale: LaneScale, px = 8): number {
  const raw = px / scale.pxPerMs;
  const steps = [1, 5, 10, 50, 100, 250, 500, 1_000, 5_000, 10_000, 60_000, 300_000, 3_600_000];
  return steps.find((s) => s >= raw) ?? steps[steps.length - 1];
}

/** Rounds to the nearest step; times never go below zero. */
export const snap = (ms: number, step: number): number => Math.max(0, Math.round(ms / step) * step);

/** The time a drag lands on: the start time moved by the pointer's travel, snapped. */
export function dragTime(scale: LaneScale, startMs: number, dxPx: number, step: number): number {
  return snap(startMs + dxPx / scale.pxPerMs, step);
}

/** Each key's colour slot, in order of first appearance; slots repeat after `slots` keys. */
export function keySlots(
  keys: readonly (string | undefined)[],
  slots: number,
): Map<string, number> {
  const result = new Map<string, number>();
  for (const key of keys) {
    if (key !== undefined && !result.has(key)) result.set(key, result.size % slots);
  }
  return result;
}

/**
 * Rows for marbles that would overlap: each marble takes the first row whose last marble
 * ends at least `diameter` px to its left, so close arrivals stack instead of hiding.
 */
export function stackRows(xs: readonly number[], diameter: number): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x || a.i - b.i);
  const rowEnds: number[] = [];
  const rows = new Array<number>(xs.length).fill(0);
  for (const { x, i } of order) {
    let row = rowEnds.findIndex((end) => x - end >= diameter);
    if (row < 0) row = rowEnds.push(x) - 1;
    else rowEnds[row] = x;
    rows[i] = row;
  }
  return rows;
}
