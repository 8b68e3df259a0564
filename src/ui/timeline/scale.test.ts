import { describe, expect, it } from 'vitest';
import { linearScale } from './scale';

describe('linearScale', () => {
  it('maps time to pixels and back', () => {
    const x = linearScale(1000, 3000, 100, 500);
    expect(x.toPixel(1000)).toBe(100);
    expect(x.toPixel(2000)).toBe(300);
    expect(x.toPixel(3500)).toBe(600);
    expect(x.toValue(300)).toBe(2000);
  });

  it('runs upwards when the pixel range is given bottom to top', () => {
    const y = linearScale(0, 10_000, 400, 0);
    expect(y.toPixel(0)).toBe(400);
    expect(y.toPixel(10_000)).toBe(0);
    expect(y.toPixel(2500)).toBe(300);
    expect(y.toValue(100)).toBe(7500);
  });

  it('survives an empty domain', () => {
    const s = linearScale(5, 5, 0, 100);
    expect(s.toPixel(5)).toBe(0);
    expect(s.toValue(50)).toBe(5);
  });
});
