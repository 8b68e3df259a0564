import { describe, expect, it } from 'vitest';
import { findSyntaxError } from './syntax-error';

describe('findSyntaxError', () => {
  it('accepts the default code and expressions of every operator', () => {
    for (const source of [
      '(r) => ({ ...r })',
      '(r) => r.value > 0',
      '(r) => [r]',
      '(a, b) => ({ ...b, value: a.value + b.value })',
      'r.value * 2',
      '{ a: 1 }',
      '[{"ts": 1, "at": 2}]',
    ]) {
      expect(findSyntaxError(source), source).toBeUndefined();
    }
  });

  it('points at the first place the code breaks', () => {
    expect(findSyntaxError('r.value * ')).toMatchObject({ from: 10, line: 1, column: 11 });
    const multiLine = '(r) => {\n  return r.value +;\n}';
    const at = findSyntaxError(multiLine);
    expect(at).toMatchObject({ line: 2 });
    expect(multiLine.slice(0, at?.from)).toBe('(r) => {\n  return r.value +');
  });

  it('judges code as one expression, as the engine compiles it', () => {
    // Valid as a script, but not as the single expression the engine wraps in (...).
    expect(findSyntaxError('r.value; 1')).toMatchObject({ from: 7, line: 1, column: 8 });
    expect(findSyntaxError('const x = 1')).toBeDefined();
  });

  it('treats TypeScript syntax as the error it is in JavaScript', () => {
    // V8: "Unexpected token ':'", at the colon the grammar would read as a type annotation.
    const source = '(r) => ({ ...r }, value: r.value * 2)';
    expect(findSyntaxError(source)).toMatchObject({ from: source.indexOf(':'), column: 24 });
    expect(findSyntaxError('(r: Rec) => r')).toMatchObject({ from: 2 });
  });

  it('keeps positions inside the source, even for an error at its very end', () => {
    const source = '(r) => ({ ...r ';
    const at = findSyntaxError(source);
    expect(at).toBeDefined();
    expect(at?.from).toBeLessThanOrEqual(source.length);
    expect(at?.to).toBeLessThanOrEqual(source.length);
    expect(at?.from).toBeGreaterThanOrEqual(0);
  });

  it('finds an empty function body missing', () => {
    expect(findSyntaxError('')).toMatchObject({ from: 0, line: 1, column: 1 });
  });
});
