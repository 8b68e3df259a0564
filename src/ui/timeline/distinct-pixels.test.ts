import { describe, expect, it } from 'vitest';
import type { PointSet } from './diagram-layout';
import { PixelSieve } from './distinct-pixels';

function points(marks: [x: number, y: number, tag: number][]): PointSet {
  return {
    count: marks.length,
    index: Uint32Array.from(marks, (_, i) => i),
    x: Float32Array.from(marks, (m) => m[0]),
    y: Float32Array.from(marks, (m) => m[1]),
    tag: Uint8Array.from(marks, (m) => m[2]),
  };
}

describe('PixelSieve', () => {
  it('keeps the first mark of each tag in each pixel, in order', () => {
    const set = points([
      [10.2, 20.1, 0],
      [10.4, 19.8, 0], // same pixel, same tag: left out
      [10.3, 20.2, 1], // same pixel, another tag: kept
      [11.2, 20.1, 0], // next pixel: kept
      [10.1, 20.3, 1], // same pixel as the third: left out
    ]);
    expect([...new PixelSieve().sift(set, 100, 100)]).toEqual([0, 2, 3]);
  });

  it('keeps one mark per square of a given size', () => {
    const set = points([
      [10, 10, 0],
      [10.9, 10.4, 0], // rounds to the same 2 px square: left out
      [12.2, 10, 0], // the next square: kept
    ]);
    expect([...new PixelSieve().sift(set, 100, 100, 2)]).toEqual([0, 2]);
    expect([...new PixelSieve().sift(set, 100, 100)]).toEqual([0, 1, 2]);
  });

  it('starts afresh with every pass and keeps marks off the grid', () => {
    const sieve = new PixelSieve();
    const set = points([
      [5, 5, 2],
      [5, 5, 2],
      [-500, 5, 2],
      [-500, 5, 2],
      [5, 5, 40],
      [5, 5, 40],
    ]);
    expect([...sieve.sift(set, 50, 50)]).toEqual([0, 2, 3, 4, 5]);
    expect([...sieve.sift(set, 50, 50)]).toEqual([0, 2, 3, 4, 5]);
    // A larger canvas grows the grid.
    expect([...sieve.sift(set, 4000, 3000)]).toEqual([0, 2, 3, 4, 5]);
  });
});
