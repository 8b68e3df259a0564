export { Inspector } from './Inspector';
export { CodeEditor, type CodeEditorProps } from './CodeEditor';
export type { InspectorProps } from './types';
