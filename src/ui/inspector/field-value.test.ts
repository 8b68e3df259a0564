import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../engine/pipeline/document';
import type { ParamSpec } from '../../engine/pipeline/params';
import {
  formatField,
  parseField,
  PARALLELISM_SPEC,
  sameValue,
  type TextParamSpec,
} from './field-value';

const spec = <S extends TextParamSpec>(s: Omit<S, 'name' | 'label'>): S =>
  ({ name: 'p', label: 'P', ...s }) as S;

const size = spec<Extract<ParamSpec, { type: 'duration' }>>({
  type: 'duration',
  default: 10_000,
  min: 1,
});
const idle = spec<Extract<ParamSpec, { type: 'duration' }>>({
  type: 'duration',
  default: null,
  min: 1,
  nullable: true,
});
const offset = spec<Extract<ParamSpec, { type: 'duration' }>>({ type: 'duration', default: 0 });
const keys = spec<Extract<ParamSpec, { type: 'integer' }>>({ type: 'integer', default: 5, min: 1 });
const fraction = spec<Extract<ParamSpec, { type: 'number' }>>({
  type: 'number',
  default: 0.05,
  min: 0,
  max: 1,
});

describe('parseField: durations', () => {
  it('reads the number in the chosen unit and stores milliseconds', () => {
    expect(parseField(size, '10', 's')).toEqual({ ok: true, value: 10_000 });
    expect(parseField(size, '1.5', 'min')).toEqual({ ok: true, value: 90_000 });
    expect(parseField(size, ' 250 ', 'ms')).toEqual({ ok: true, value: 250 });
    expect(parseField(offset, '-2', 's')).toEqual({ ok: true, value: -2_000 });
  });

  it('rejects what is not a whole number of milliseconds at or above the minimum', () => {
    expect(parseField(size, '0.5', 'ms')).toEqual({
      ok: false,
      error: { key: 'validation.wholeMs' },
    });
    expect(parseField(size, '0', 's')).toEqual({
      ok: false,
      error: { key: 'validation.minMs', values: { min: 1 } },
    });
    expect(parseField(size, 'ten', 's')).toEqual({
      ok: false,
      error: { key: 'validation.number' },
    });
    expect(parseField(size, '0x10', 'ms')).toMatchObject({ ok: false });
    expect(parseField(size, 'Infinity', 'ms')).toMatchObject({ ok: false });
  });

  it('takes empty as null only when the parameter is nullable', () => {
    expect(parseField(idle, '', 's')).toEqual({ ok: true, value: null });
    expect(parseField(size, '  ', 's')).toEqual({
      ok: false,
      error: { key: 'validation.required' },
    });
  });

  it('formats milliseconds in the display unit, and null as empty', () => {
    expect(formatField(size, 10_000, 's')).toBe('10');
    expect(formatField(size, 90_000, 'min')).toBe('1.5');
    expect(formatField(idle, null, 's')).toBe('');
    // A wrong type from a hand-edited file shows as JSON, to be seen and fixed.
    expect(formatField(size, '10s', 'ms')).toBe('"10s"');
  });
});

describe('parseField: numbers and text', () => {
  it('checks integers and ranges', () => {
    expect(parseField(keys, '12')).toEqual({ ok: true, value: 12 });
    expect(parseField(keys, '2.5')).toEqual({ ok: false, error: { key: 'validation.integer' } });
    expect(parseField(keys, '0')).toEqual({
      ok: false,
      error: { key: 'validation.min', values: { min: 1 } },
    });
    expect(parseField(fraction, '.25')).toEqual({ ok: true, value: 0.25 });
    expect(parseField(fraction, '1e-2')).toEqual({ ok: true, value: 0.01 });
    expect(parseField(fraction, '1.5')).toEqual({
      ok: false,
      error: { key: 'validation.max', values: { max: 1 } },
    });
  });

  it('reads parallelism as a whole number of at least 1, or empty for the default', () => {
    expect(parseField(PARALLELISM_SPEC, '')).toEqual({ ok: true, value: null });
    expect(parseField(PARALLELISM_SPEC, '4')).toEqual({ ok: true, value: 4 });
    expect(parseField(PARALLELISM_SPEC, '0')).toMatchObject({ ok: false });
  });

  it('checks a string against its pattern and keeps it as typed', () => {
    const field = spec<Extract<ParamSpec, { type: 'string' }>>({
      type: 'string',
      default: 'value',
      pattern: /^[a-z]+$/,
    });
    expect(parseField(field, 'user')).toEqual({ ok: true, value: 'user' });
    expect(parseField(field, 'User 1')).toEqual({
      ok: false,
      error: { key: 'validation.pattern', values: { pattern: '/^[a-z]+$/' } },
    });
    const optional = spec<Extract<ParamSpec, { type: 'string' }>>({
      type: 'string',
      default: '',
      nullable: true,
    });
    expect(parseField(optional, '')).toEqual({ ok: true, value: null });
  });

  it('passes code through even when it does not compile: the validator reports it', () => {
    const code = spec<Extract<ParamSpec, { type: 'code' }>>({
      type: 'code',
      default: '(r) => r',
      signature: '(r) => record',
    });
    expect(parseField(code, '(r) => {')).toEqual({ ok: true, value: '(r) => {' });
  });
});

describe('parseField: JSON and records', () => {
  const value = spec<Extract<ParamSpec, { type: 'json' }>>({ type: 'json', default: 0 });
  const records = spec<Extract<ParamSpec, { type: 'records' }>>({ type: 'records', default: [] });

  it('parses any JSON value but null unless nullable', () => {
    expect(parseField(value, '"click"')).toEqual({ ok: true, value: 'click' });
    expect(parseField(value, '{"a": [1, true]}')).toEqual({ ok: true, value: { a: [1, true] } });
    expect(parseField(value, 'null')).toEqual({ ok: false, error: { key: 'validation.notNull' } });
  });

  it('rejects what is not JSON', () => {
    expect(parseField(value, "'click'")).toEqual({ ok: false, error: { key: 'validation.json' } });
    expect(parseField(records, '[{"ts": }]')).toEqual({
      ok: false,
      error: { key: 'validation.json' },
    });
  });

  it('wants records as a list of objects', () => {
    expect(parseField(records, '[{"ts": 1, "key": "a"}]')).toEqual({
      ok: true,
      value: [{ ts: 1, key: 'a' }],
    });
    expect(parseField(records, '{"ts": 1}')).toEqual({
      ok: false,
      error: { key: 'validation.recordsList' },
    });
    expect(parseField(records, '[{"ts": 1}, 2]')).toEqual({
      ok: false,
      error: { key: 'validation.recordsObject', values: { index: 2 } },
    });
  });

  it('formats records one per line and parses them back unchanged', () => {
    const list: JsonValue[] = [
      { ts: 1_000, at: 1_000, key: 'a' },
      { ts: 500, at: 2_000, key: 'b', nested: { x: [1, 2] } },
    ];
    const text = formatField(records, list);
    expect(text.split('\n')).toEqual([
      '[',
      '  { "ts": 1000, "at": 1000, "key": "a" },',
      '  { "ts": 500, "at": 2000, "key": "b", "nested": {"x":[1,2]} }',
      ']',
    ]);
    expect(parseField(records, text)).toEqual({ ok: true, value: list });
    expect(formatField(records, [])).toBe('[]');
  });
});

describe('sameValue', () => {
  it('compares by content', () => {
    expect(sameValue([{ a: 1 }], [{ a: 1 }])).toBe(true);
    expect(sameValue(1_000, 1_000)).toBe(true);
    expect(sameValue(null, undefined)).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
  });
});
