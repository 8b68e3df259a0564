import { ReactFlowProvider } from '@xyflow/react';
import { Suspense } from 'react';
import { Editor } from './editor/Editor';
import { DocumentLanguage } from './i18n/DocumentLanguage';
import { Presentation, usePresentTarget } from './present';
import './i18n';

/**
 * The application: the pipeline editor, or a demo or pipeline in presentation mode when an
 * embed link asks for it, with React Flow's context around all their panels. A page first shown
 * in a language other than English waits (blank, for the moment) until that language's strings
 * have loaded, so no English flashes before them.
 */
export function App() {
  const present = usePresentTarget();
  return (
    <Suspense fallback={null}>
      <DocumentLanguage />
      <ReactFlowProvider>
        {present === null ? (
          <Editor />
        ) : (
          <Presentation
            key={present.kind === 'demo' ? present.demo : present.hash}
            target={present}
          />
        )}
      </ReactFlowProvider>
    </Suspense>
  );
}
