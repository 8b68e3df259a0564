import { ReactFlowProvider } from '@xyflow/react';
import { Editor } from './editor/Editor';
import './i18n';

/** The application: the pipeline editor, with React Flow's context around all its panels. */
export function App() {
  return (
    <ReactFlowProvider>
      <Editor />
    </ReactFlowProvider>
  );
}
