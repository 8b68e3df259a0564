import { describe, expect, it } from 'vitest';
import { diagnosticsFor } from './code-diagnostics';

describe('diagnosticsFor', () => {
  it('underlines a known position', () => {
    expect(diagnosticsFor({ message: 'bad', from: 3, to: 5 }, 10)).toEqual([
      { from: 3, to: 5, severity: 'error', message: 'bad' },
    ]);
  });

  it('marks a point when only the start is known', () => {
    expect(diagnosticsFor({ message: 'bad', from: 4 }, 10)).toMatchObject([{ from: 4, to: 4 }]);
  });

  it('has nothing to underline without an error or a position', () => {
    expect(diagnosticsFor(undefined, 10)).toEqual([]);
    expect(diagnosticsFor({ message: 'does not compile' }, 10)).toEqual([]);
  });

  it('keeps the range inside a text that has since become shorter', () => {
    expect(diagnosticsFor({ message: 'bad', from: 12, to: 15 }, 8)).toMatchObject([
      { from: 8, to: 8 },
    ]);
    expect(diagnosticsFor({ message: 'bad', from: 6, to: 2 }, 8)).toMatchObject([
      { from: 6, to: 6 },
    ]);
  });
});
