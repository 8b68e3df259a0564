import { describe, expect, it } from 'vitest';
import { parseKey, showNamespace } from './namespace';

const words = { global: 'global', none: '-' };

describe('state inspector namespaces and keys', () => {
  it('writes windows as half-open ranges and the others by name', () => {
    expect(showNamespace({ kind: 'window', start: 0, end: 10 }, words)).toBe('[0, 10)');
    expect(showNamespace({ kind: 'global' }, words)).toBe('global');
    expect(showNamespace({ kind: 'void' }, words)).toBe('-');
    expect(showNamespace({ kind: 'other', id: 7 }, words)).toBe('7');
  });

  it('reads typed keys with their type, and nothing as no filter', () => {
    expect(parseKey('  ')).toBeUndefined();
    expect(parseKey('user-1')).toBe('user-1');
    expect(parseKey('42')).toBe(42);
    expect(parseKey('-3.5')).toBe(-3.5);
    expect(parseKey('true')).toBe(true);
    expect(parseKey('null')).toBeNull();
    expect(parseKey('Infinity')).toBe('Infinity');
  });
});
