import { describe, expect, it } from 'vitest';
import { wholeNumber } from './WholeNumberField';

describe('wholeNumber', () => {
  it('rounds to a whole number', () => {
    expect(wholeNumber('7', 1, 8)).toBe(7);
    expect(wholeNumber(' 2.6 ', 1)).toBe(3);
  });

  it('keeps the number between min and max', () => {
    expect(wholeNumber('0', 1, 8)).toBe(1);
    expect(wholeNumber('40', 1, 8)).toBe(8);
    expect(wholeNumber('-5', 0)).toBe(0);
  });

  it('finds no number in empty or unreadable text', () => {
    expect(wholeNumber('', 1, 8)).toBeNull();
    expect(wholeNumber('   ', 1)).toBeNull();
    expect(wholeNumber('two', 1)).toBeNull();
    expect(wholeNumber('1e999', 1, 8)).toBeNull();
  });
});
