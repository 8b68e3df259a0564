import { describe, expect, it } from 'vitest';
import { displayUnit, fromMs, toMs } from './duration';

describe('displayUnit', () => {
  it('picks the largest unit that shows the value exactly, as at least 1', () => {
    expect(displayUnit(250)).toBe('ms');
    expect(displayUnit(1_500)).toBe('s');
    expect(displayUnit(1_001)).toBe('ms');
    expect(displayUnit(10_000)).toBe('s');
    expect(displayUnit(61_000)).toBe('s');
    expect(displayUnit(90_000)).toBe('min');
    expect(displayUnit(120_000)).toBe('min');
    expect(displayUnit(-5_000)).toBe('s');
    expect(displayUnit(1)).toBe('ms');
  });

  it('keeps the unit the user picked while it is exact, and leaves it when it is not', () => {
    expect(displayUnit(120_000, 's')).toBe('s');
    expect(displayUnit(120_000, 'ms')).toBe('ms');
    expect(displayUnit(1_500, 's')).toBe('s');
    expect(displayUnit(30_000, 'min')).toBe('min');
    expect(displayUnit(1_000, 'min')).toBe('s');
    expect(displayUnit(1_001, 'min')).toBe('ms');
  });

  it('shows zero in milliseconds unless a unit was picked', () => {
    expect(displayUnit(0)).toBe('ms');
    expect(displayUnit(0, 'min')).toBe('min');
  });
});

describe('conversion', () => {
  it('converts between milliseconds and each unit', () => {
    expect(fromMs(10_000, 's')).toBe(10);
    expect(fromMs(90_000, 'min')).toBe(1.5);
    expect(toMs(2, 'min')).toBe(120_000);
    expect(toMs(250, 'ms')).toBe(250);
  });

  it('rounds away floating-point noise but keeps real fractions of a millisecond', () => {
    expect(toMs(1.1, 's')).toBe(1_100);
    expect(toMs(0.07, 's')).toBe(70);
    expect(toMs(0.0005, 's')).toBe(0.5);
  });

  it('round-trips through the display unit', () => {
    for (const ms of [0, 1, 999, 1_000, 1_500, 59_000, 60_000, 3_600_000, 86_400_123]) {
      const unit = displayUnit(ms);
      expect(toMs(fromMs(ms, unit), unit)).toBe(ms);
    }
  });
});
