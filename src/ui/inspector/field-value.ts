/**
 * A field's text and the parameter value it stands for, per ParamSpec type. Parsing also
 * validates, so the inspector can show what is wrong as the user types and never commits a
 * value the schema rejects.
 */
import type { JsonValue } from '../../engine/pipeline/document';
import type { ParamSpec } from '../../engine/pipeline/params';
import { fromMs, toMs, type DurationUnit } from './duration';

/** Parameters edited as text; booleans, enums and scripts have their own controls. */
export type TextParamSpec = Exclude<
  ParamSpec,
  { type: 'boolean' } | { type: 'enum' } | { type: 'script' }
>;

/** Why a text is not a value: a key of the inspector namespace and its interpolation values. */
export interface FieldError {
  key: string;
  values?: Record<string, string | number>;
}

export type FieldParse = { ok: true; value: JsonValue } | { ok: false; error: FieldError };

/** A node's parallelism, edited like an integer parameter: empty means the run's default. */
export const PARALLELISM_SPEC: TextParamSpec = {
  name: 'parallelism',
  label: 'Parallelism',
  type: 'integer',
  default: null,
  min: 1,
  nullable: true,
};

// Plain decimal notation only: Number() would also take '0x1f', 'Infinity' and whitespace.
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

const ok = (value: JsonValue): FieldParse => ({ ok: true, value });
const fail = (key: string, values?: FieldError['values']): FieldParse => ({
  ok: false,
  error: values === undefined ? { key } : { key, values },
});

/** The value `text` stands for, or why it stands for none. `unit` applies to durations. */
export function parseField(
  spec: TextParamSpec,
  text: string,
  unit: DurationUnit = 'ms',
): FieldParse {
  switch (spec.type) {
    case 'duration':
    case 'integer':
    case 'number': {
      const trimmed = text.trim();
      if (trimmed === '') {
        return 'nullable' in spec && spec.nullable === true
          ? ok(null)
          : fail('validation.required');
      }
      if (!NUMBER.test(trimmed)) return fail('validation.number');
      const amount = Number(trimmed);
      const value = spec.type === 'duration' ? toMs(amount, unit) : amount;
      if (!Number.isFinite(value)) return fail('validation.number');
      if (spec.type === 'duration' && !Number.isSafeInteger(value)) {
        return fail('validation.wholeMs');
      }
      if (spec.type === 'integer' && !Number.isSafeInteger(value)) {
        return fail('validation.integer');
      }
      return checkRange(spec, value);
    }
    case 'string':
      if (text === '' && spec.nullable === true) return ok(null);
      if (spec.pattern !== undefined && text.search(spec.pattern) < 0) {
        return fail('validation.pattern', { pattern: String(spec.pattern) });
      }
      return ok(text);
    case 'code':
    case 'expression':
      // Committed as typed even when it does not compile: the validator reports it (E015)
      // and the editor marks where, as an IDE would, without losing the user's text.
      return ok(text);
    case 'json': {
      if (text.trim() === '') return fail('validation.required');
      const parsed = parseJson(text);
      if (!parsed.ok) return parsed;
      if (parsed.value === null && spec.nullable !== true) return fail('validation.notNull');
      return parsed;
    }
    case 'records': {
      const parsed = parseJson(text);
      if (!parsed.ok) return parsed;
      if (!Array.isArray(parsed.value)) return fail('validation.recordsList');
      const index = parsed.value.findIndex(
        (r) => typeof r !== 'object' || r === null || Array.isArray(r),
      );
      if (index >= 0) return fail('validation.recordsObject', { index: index + 1 });
      return parsed;
    }
  }
}

function checkRange(
  spec: Extract<TextParamSpec, { type: 'duration' | 'integer' | 'number' }>,
  value: number,
): FieldParse {
  const unit = spec.type === 'duration' ? 'Ms' : '';
  if (spec.min !== undefined && value < spec.min) {
    return fail(`validation.min${unit}`, { min: spec.min });
  }
  if ('max' in spec && spec.max !== undefined && value > spec.max) {
    return fail(`validation.max${unit}`, { max: spec.max });
  }
  return ok(value);
}

function parseJson(text: string): FieldParse {
  try {
    return ok(JSON.parse(text) as JsonValue);
  } catch {
    // Where it breaks is found with the code editor's parser (code-error.ts), loaded with it.
    return fail('validation.json');
  }
}

/** The text a field shows for `value`; values of the wrong type show as JSON for fixing. */
export function formatField(
  spec: TextParamSpec,
  value: JsonValue,
  unit: DurationUnit = 'ms',
): string {
  if (value === null && spec.type !== 'json') return '';
  switch (spec.type) {
    case 'duration':
      return typeof value === 'number' ? String(fromMs(value, unit)) : JSON.stringify(value);
    case 'integer':
    case 'number':
      return typeof value === 'number' ? String(value) : JSON.stringify(value);
    case 'string':
    case 'code':
    case 'expression':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'json':
      return JSON.stringify(value);
    case 'records':
      return Array.isArray(value) ? formatRecords(value) : JSON.stringify(value, null, 2);
  }
}

/** One record per line, spaced so a long record wraps between fields: the shape of an event log. */
function formatRecords(records: readonly JsonValue[]): string {
  if (records.length === 0) return '[]';
  return `[\n${records.map((r) => `  ${formatRecord(r)}`).join(',\n')}\n]`;
}

function formatRecord(record: JsonValue): string {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return JSON.stringify(record);
  }
  const fields = Object.entries(record).map(
    ([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
}

/** Whether two parameter values are the same, so an edit that changes nothing is not one. */
export function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
