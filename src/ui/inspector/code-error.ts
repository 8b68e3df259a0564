/**
 * What the code editor marks in a code field's text: where code stops compiling, or why
 * records do not parse and where. Loaded with the editor, since it needs the same parser.
 */
import type { ParamSpec } from '../../engine/pipeline/params';
import type { FieldError } from './field-value';
import { parseField } from './field-value';
import { findSyntaxError } from './syntax-error';

export type CodeSpec = Extract<ParamSpec, { type: 'code' | 'expression' | 'records' }>;

export interface CodeFieldError extends FieldError {
  from?: number;
  to?: number;
}

export function codeFieldError(spec: CodeSpec, text: string): CodeFieldError | undefined {
  if (spec.type === 'records') {
    const parsed = parseField(spec, text);
    if (parsed.ok) return undefined;
    if (parsed.error.key !== 'validation.json') return parsed.error;
    // JSON is a JavaScript expression, so the code parser can say where it breaks.
    const at = findSyntaxError(text);
    if (at === undefined) return parsed.error;
    const values = { line: at.line, column: at.column };
    return { key: 'validation.jsonAt', values, from: at.from, to: at.to };
  }
  const at = findSyntaxError(text);
  if (at === undefined) return undefined;
  const values = { line: at.line, column: at.column };
  return { key: 'code.syntaxErrorAt', values, from: at.from, to: at.to };
}
