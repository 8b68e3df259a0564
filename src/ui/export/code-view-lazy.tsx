/**
 * CodeView with CodeMirror and its SQL and Java languages loaded on first use, as the
 * inspector's code editor is; the plain text shows until they have.
 */
import { lazy, Suspense } from 'react';
import type { CodeViewProps } from './CodeView';

const LoadedCodeView = lazy(() => import('./CodeView').then((m) => ({ default: m.CodeView })));

export function CodeView(props: CodeViewProps) {
  return (
    <Suspense
      fallback={
        <pre className="flink-export__code flink-export__code--loading" aria-label={props.label}>
          {props.value}
        </pre>
      }
    >
      <LoadedCodeView {...props} />
    </Suspense>
  );
}
