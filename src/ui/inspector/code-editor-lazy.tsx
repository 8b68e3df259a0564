/**
 * The public CodeEditor: CodeMirror loads on first use, so panels that never show code do not
 * pay for it; the text shows read-only until it has.
 */
import { lazy, Suspense } from 'react';
import { CodeFallback } from './CodeFallback';
import type { CodeEditorProps } from './CodeEditor';

const LoadedCodeEditor = lazy(() =>
  import('./CodeEditor').then((m) => ({ default: m.CodeEditor })),
);

export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense fallback={<CodeFallback value={props.value} label={props.label} />}>
      <LoadedCodeEditor {...props} />
    </Suspense>
  );
}
