import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatExactTime, formatTime } from './format';

describe('run figures', () => {
  it('writes times in the unit that reads best', () => {
    expect(formatTime(850)).toBe('850 ms');
    expect(formatTime(2_345)).toBe('2.35 s');
    expect(formatTime(12_500)).toBe('12.5 s');
    expect(formatTime(187_200)).toBe('3:07.2');
    expect(formatTime(-1_500)).toBe('−1.50 s');
    expect(formatTime(-Infinity)).toBe('−∞');
  });

  it('writes a moment to the millisecond, and sizes', () => {
    expect(formatExactTime(9_999)).toBe('9.999 s');
    expect(formatExactTime(4_200)).toBe('4.2 s');
    expect(formatExactTime(20_000)).toBe('20 s');
    expect(formatExactTime(850)).toBe('850 ms');
    expect(formatExactTime(-2_500)).toBe('−2.5 s');
    expect(formatExactTime(Infinity)).toBe('+∞');
    expect(formatBytes(850)).toBe('850 B');
    expect(formatBytes(2_140)).toBe('2.1 kB');
    expect(formatBytes(3_400_000)).toBe('3.4 MB');
  });

  it('shortens large counts', () => {
    expect(formatCount(9_999)).toBe('9999');
    expect(formatCount(12_345)).toBe('12.3K');
    expect(formatCount(1_000_000)).toBe('1M');
  });
});
