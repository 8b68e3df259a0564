/**
 * CodeMirror in the app's colours: light from the app's tokens, dark as one-dark ships. Only the
 * lazily loaded code views import it, so CodeMirror stays out of the first bundle.
 */
import type { Extension } from '@codemirror/state';
import { oneDark } from '@codemirror/theme-one-dark';
import { EditorView } from '@codemirror/view';

const light = EditorView.theme({
  '&': { backgroundColor: 'var(--surface)', color: 'var(--text)' },
  '.cm-gutters': {
    backgroundColor: 'var(--surface-muted)',
    color: 'var(--text-muted)',
    borderRight: '1px solid var(--border)',
  },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'var(--accent-soft)',
  },
});

export const codeTheme = (dark: boolean): Extension => (dark ? oneDark : light);
