import { ReactFlowProvider } from '@xyflow/react';
import { Editor } from './editor/Editor';
import { Presentation, usePresentTarget } from './present';
import './i18n';

/**
 * The application: the pipeline editor, or a demo or pipeline in presentation mode when an
 * embed link asks for it, with React Flow's context around all their panels.
 */
export function App() {
  const present = usePresentTarget();
  return (
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
  );
}
