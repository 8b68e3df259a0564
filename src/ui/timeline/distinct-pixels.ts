/**
 * Which marks to draw when many fall on the same pixels: the first of each tag (colour slot,
 * or late outcome) in each pixel, or in each small square of pixels for marks several times
 * larger. A burst piles hundreds of marks onto the same pixels;
 * fills and strokes cost per mark, while one more of the same colour on the same pixel
 * changes nothing on screen. Drawing only: hit testing still sees every mark.
 */
import type { PointSet } from './diagram-layout';

/** Room around the canvas where marks still show in part. */
const MARGIN = 16;

/**
 * A grid of the canvas's pixels, reused from frame to frame: each cell keeps the tags seen in
 * the current pass as bits, valid while its stamp is the pass's.
 */
export class PixelSieve {
  private stamps = new Uint32Array(0);
  private masks = new Uint32Array(0);
  private stamp = 0;
  private shown = new Uint32Array(0);

  /**
   * Rows of `points` to draw, in their order, for a canvas of `width` × `height` CSS pixels:
   * the first of each tag in each square of `cell` pixels.
   */
  sift(points: PointSet, width: number, height: number, cell = 1): Uint32Array {
    const columns = Math.ceil((width + 2 * MARGIN) / cell);
    const rows = Math.ceil((height + 2 * MARGIN) / cell);
    const cells = columns * rows;
    if (this.stamps.length < cells) {
      this.stamps = new Uint32Array(cells);
      this.masks = new Uint32Array(cells);
      this.stamp = 0;
    }
    if (this.shown.length < points.count) this.shown = new Uint32Array(points.count);
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.stamps.fill(0);
    const { stamps, masks, stamp, shown } = this;
    let n = 0;
    for (let i = 0; i < points.count; i++) {
      const tag = points.tag[i];
      const cx = Math.floor((points.x[i] + MARGIN) / cell + 0.5);
      const cy = Math.floor((points.y[i] + MARGIN) / cell + 0.5);
      // Off the grid, or a tag without a bit: always drawn.
      if (tag >= 32 || cx < 0 || cy < 0 || cx >= columns || cy >= rows) {
        shown[n++] = i;
        continue;
      }
      const at = cy * columns + cx;
      const bit = 1 << tag;
      if (stamps[at] !== stamp) {
        stamps[at] = stamp;
        masks[at] = bit;
      } else if ((masks[at] & bit) !== 0) {
        continue;
      } else {
        masks[at] |= bit;
      }
      shown[n++] = i;
    }
    return shown.subarray(0, n);
  }
}
