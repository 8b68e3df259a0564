import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatRate } from './format';

describe('recovery formatting', () => {
  it('writes sizes in B below a KB and with one decimal above', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });

  it('writes durations in ms, seconds past one, and a dash when not measured', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(0.2)).toBe('<1 ms');
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(2500)).toBe('2.50 s');
  });

  it('writes rates as percentages', () => {
    expect(formatRate(null)).toBe('–');
    expect(formatRate(0.875)).toBe('87.5%');
  });
});
