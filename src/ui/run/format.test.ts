import { describe, expect, it } from 'vitest';
import { formatCount, formatTime } from './format';

describe('run figures', () => {
  it('writes times in the unit that reads best', () => {
    expect(formatTime(850)).toBe('850 ms');
    expect(formatTime(2_345)).toBe('2.35 s');
    expect(formatTime(12_500)).toBe('12.5 s');
    expect(formatTime(187_200)).toBe('3:07.2');
    expect(formatTime(-1_500)).toBe('−1.50 s');
    expect(formatTime(-Infinity)).toBe('−∞');
  });

  it('shortens large counts', () => {
    expect(formatCount(9_999)).toBe('9999');
    expect(formatCount(12_345)).toBe('12.3K');
    expect(formatCount(1_000_000)).toBe('1M');
  });
});
