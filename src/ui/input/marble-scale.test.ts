import { describe, expect, it } from 'vitest';
import {
  dragTime,
  fitScale,
  keySlots,
  snap,
  snapStep,
  stackRows,
  timeToX,
  xToTime,
} from './marble-scale';

describe('marble lane maths', () => {
  it('fits every arrival into the lane, with room after the last', () => {
    const scale = fitScale([1_000, 5_000, 11_000], 1_048);
    const xs = [1_000, 11_000].map((t) => timeToX(scale, t));
    expect(xs[0]).toBeGreaterThanOrEqual(24);
    expect(xs[1]).toBeLessThan(1_048 - 24 - 50);
    expect(xToTime(scale, timeToX(scale, 7_345))).toBeCloseTo(7_345, 6);
  });

  it('starts an empty lane at zero', () => {
    const scale = fitScale([], 524);
    expect(xToTime(scale, 24)).toBe(0);
    expect(xToTime(scale, 524 - 24)).toBe(10_000);
  });

  it('snaps to a round step about eight pixels wide', () => {
    const scale = { fromMs: 0, pxPerMs: 0.1, left: 0 }; // 10 ms per px
    expect(snapStep(scale)).toBe(100);
    expect(snapStep({ ...scale, pxPerMs: 0.001 })).toBe(10_000);
    expect(snap(1_249, 100)).toBe(1_200);
    expect(snap(1_250, 100)).toBe(1_300);
    expect(snap(-30, 100)).toBe(0);
  });

  it('turns a drag into a snapped time', () => {
    const scale = { fromMs: 0, pxPerMs: 0.1, left: 0 };
    expect(dragTime(scale, 2_000, 57, 100)).toBe(2_600);
    expect(dragTime(scale, 2_000, -57, 100)).toBe(1_400);
    expect(dragTime(scale, 200, -400, 100)).toBe(0);
  });

  it('gives keys colour slots in order of first appearance, wrapping', () => {
    const slots = keySlots(['b', undefined, 'a', 'b', 'c'], 2);
    expect([...slots]).toEqual([
      ['b', 0],
      ['a', 1],
      ['c', 0],
    ]);
  });

  it('stacks marbles that would overlap', () => {
    expect(stackRows([0, 10, 30, 12, 100], 20)).toEqual([0, 1, 0, 2, 0]);
  });
});
