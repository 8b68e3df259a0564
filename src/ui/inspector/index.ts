export { Inspector } from './Inspector';
export { CodeEditor } from './code-editor-lazy';
export type { CodeEditorProps } from './CodeEditor';
export type { InspectorProps } from './types';
