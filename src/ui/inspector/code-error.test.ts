import { describe, expect, it } from 'vitest';
import type { CodeSpec } from './code-error';
import { codeFieldError } from './code-error';

const code: CodeSpec = {
  name: 'code',
  label: 'Function',
  type: 'code',
  signature: '(r) => record',
  default: '(r) => r',
};
const records: CodeSpec = { name: 'records', label: 'Records', type: 'records', default: [] };

describe('codeFieldError', () => {
  it('has nothing to mark in code that compiles or records that parse', () => {
    expect(codeFieldError(code, '(r) => ({ ...r, value: r.value * 2 })')).toBeUndefined();
    expect(codeFieldError(records, '[{"ts": 1}]')).toBeUndefined();
  });

  it('marks where code stops compiling', () => {
    expect(codeFieldError(code, '(r) => ({ ...r, value: r.value * })')).toEqual({
      key: 'code.syntaxErrorAt',
      values: { line: 1, column: 34 },
      from: 33,
      to: 33,
    });
  });

  it('says where records stop being JSON', () => {
    expect(codeFieldError(records, '[\n  {"ts": 1},\n  {"ts": }\n]')).toMatchObject({
      key: 'validation.jsonAt',
      values: { line: 3, column: 10 },
      from: 24,
    });
  });

  it('explains records that parse but are not a list of objects, without a position', () => {
    expect(codeFieldError(records, '{"ts": 1}')).toEqual({ key: 'validation.recordsList' });
    expect(codeFieldError(records, '[1]')).toEqual({
      key: 'validation.recordsObject',
      values: { index: 1 },
    });
  });
});
