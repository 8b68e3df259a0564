import type { Diagnostic } from '@codemirror/lint';

/** What is wrong with the code, and where when known (offsets into the text). */
export interface CodeError {
  message: string;
  from?: number;
  to?: number;
}

/**
 * The lint diagnostics that underline `error` in a text of `length` characters: none without
 * a position, and a range kept inside the text, since the error may describe a text the
 * editor has moved past.
 */
export function diagnosticsFor(error: CodeError | undefined, length: number): Diagnostic[] {
  if (error?.from === undefined) return [];
  const from = Math.min(Math.max(error.from, 0), length);
  const to = Math.min(Math.max(error.to ?? from, from), length);
  return [{ from, to, severity: 'error', message: error.message }];
}
