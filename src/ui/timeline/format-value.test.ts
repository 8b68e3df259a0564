import { describe, expect, it } from 'vitest';
import { formatValue } from './format-value';

describe('formatValue', () => {
  it('shows numbers to three decimals at most, strings as they are', () => {
    expect(formatValue(34)).toBe('34');
    expect(formatValue(2 / 3)).toBe('0.667');
    expect(formatValue('user-1')).toBe('user-1');
    expect(formatValue(undefined)).toBe('');
  });

  it('writes other values as JSON, cut short with an ellipsis', () => {
    expect(formatValue({ count: 3 })).toBe('{"count":3}');
    expect(formatValue({ user: 'someone-with-a-long-name' }, 16)).toBe('{"user":"someon…');
    expect(formatValue('abcdef', 4)).toBe('abc…');
  });

  it('survives values JSON cannot write', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(formatValue(loop)).toBe('[object Object]');
    expect(formatValue(10n)).toBe('10');
  });
});
